/**
 * The people of the demo site. Three of them are the personas the local host lets you switch between
 * (a site admin, a project member, an outsider who may not browse BUG); the rest are the teams whose work
 * fills the projects. Every one can sign in with basic auth (email + API token), as a script would against
 * a real site.
 */
export type DemoRole = 'admin' | 'member' | 'outsider';

export interface AvatarUrls {
  '16x16': string;
  '24x24': string;
  '32x32': string;
  '48x48': string;
}

export interface DemoUser {
  /** Atlassian account ids come in two shapes: 24 hex-like characters, or `712020:` and a UUID. */
  accountId: string;
  displayName: string;
  emailAddress: string;
  /** The API token for `Authorization: Basic base64(email:token)`. A demo secret, never a real one. */
  apiToken: string;
  role: DemoRole;
  avatarUrls: AvatarUrls;
  /** The simulated site runs in UTC, and so do its people: JQL dates mean the same for everyone. */
  timeZone: string;
  locale: string;
}

function avatarUrls(initials: string): AvatarUrls {
  const base = `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${initials}-3.png`;
  return {
    '16x16': `${base}?size=16&s=16`,
    '24x24': `${base}?size=24&s=24`,
    '32x32': `${base}?size=32&s=32`,
    '48x48': `${base}?size=48&s=48`,
  };
}

function user(accountId: string, displayName: string, role: DemoRole, apiToken: string): DemoUser {
  const [first = '', last = ''] = displayName.split(' ');
  const local = `${first}.${last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  return {
    accountId,
    displayName,
    emailAddress: `${local}@example.com`,
    apiToken,
    role,
    avatarUrls: avatarUrls(`${first.charAt(0)}${last.charAt(0)}`.toUpperCase()),
    timeZone: 'UTC',
    locale: 'en_US',
  };
}

export const DEMO_USERS: readonly DemoUser[] = [
  user('5d53f3cbc6b9320d9ea5bdc2', 'Ines Duarte', 'admin', 'ATATT3xFfGF0demoAdminToken7Q2ZKp4NwVd'),
  user('712020:3b8f0a5e-6c1d-4f2a-9e7b-2d4c6a8f1e03', 'Sam Okafor', 'member', 'ATATT3xFfGF0demoMemberToken9sLm2RtYx'),
  user('5f8a1c2e9b7d4a0068e3f5b1', 'Lena Fischer', 'outsider', 'ATATT3xFfGF0demoOutsiderTokenB4kPq8Jz'),
  user('5e1b7c9d3a4f2e0071c8d6a4', 'Kenji Watanabe', 'member', 'ATATT3xFfGF0demoTeamTokenKw1'),
  user('712020:9d2e4f6a-1b3c-4d5e-8f7a-6b5c4d3e2f10', 'Maya Cohen', 'member', 'ATATT3xFfGF0demoTeamTokenMc2'),
  user('60a7e3b2c1d4f50069b2a8e7', 'Tomás Rivera', 'member', 'ATATT3xFfGF0demoTeamTokenTr3'),
  user('712020:c4a1e8d2-7f6b-4a3c-9e2d-1f0a9b8c7d6e', 'Aisha Bello', 'member', 'ATATT3xFfGF0demoTeamTokenAb4'),
  user('5c9e2a7f4b1d3e0068a5c2f9', 'Jonas Berg', 'member', 'ATATT3xFfGF0demoTeamTokenJb5'),
  user('63f1d8a9e2b4c70072d1e5a3', 'Chloé Martin', 'member', 'ATATT3xFfGF0demoTeamTokenCm6'),
  user('712020:5e7f9a1b-2c3d-4e5f-a6b7-c8d9e0f1a2b3', 'Ravi Shah', 'member', 'ATATT3xFfGF0demoTeamTokenRs7'),
];

/**
 * The app's own account, the identity behind `asApp()` calls and behind changes the app makes. Jira gives
 * every installed app a user of `accountType: "app"`.
 */
export const APP_USER = {
  accountId: '712020:0f4e8a2c-5b6d-4c7e-9a1f-3e2d1c0b9a8f',
  displayName: 'Flow Metrics for Jira',
  avatarUrls: avatarUrls('FM'),
  timeZone: 'UTC',
  locale: 'en_US',
} as const;

export function findUserByAccountId(accountId: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.accountId === accountId);
}

/** Index of a user in `DEMO_USERS`; the compact issue store keeps people as these indices. */
export function userIndex(accountId: string): number {
  return DEMO_USERS.findIndex((u) => u.accountId === accountId);
}
