import { APP_USER, DEMO_USERS, type DemoUser } from './demo-data/demo-users';
import { APP_AUTHOR } from './issue-store';

/**
 * People as Jira renders them. Issue fields and changelog authors get the short form without an email
 * address (Jira Cloud hides it unless the person chose otherwise); `myself` and user look-ups get the
 * full `User` bean.
 */
export function userRef(siteUrl: string, index: number) {
  if (index === APP_AUTHOR) {
    return {
      self: `${siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(APP_USER.accountId)}`,
      accountId: APP_USER.accountId,
      avatarUrls: APP_USER.avatarUrls,
      displayName: APP_USER.displayName,
      active: true,
      timeZone: APP_USER.timeZone,
      accountType: 'app',
    };
  }
  const user = DEMO_USERS[index];
  if (!user) return null;
  return {
    self: `${siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    avatarUrls: user.avatarUrls,
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    accountType: 'atlassian',
  };
}

export function userBean(siteUrl: string, user: DemoUser, expand: ReadonlySet<string> = new Set()) {
  return {
    self: `${siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: 'atlassian',
    emailAddress: user.emailAddress,
    avatarUrls: user.avatarUrls,
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    locale: user.locale,
    groups: expand.has('groups')
      ? {
          size: groupsOf(user).length,
          items: groupsOf(user).map((name) => ({
            name,
            groupId: groupId(name),
            self: `${siteUrl}/rest/api/3/group?groupId=${groupId(name)}`,
          })),
        }
      : { size: groupsOf(user).length, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

export function appUserBean(siteUrl: string) {
  return {
    self: `${siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(APP_USER.accountId)}`,
    accountId: APP_USER.accountId,
    accountType: 'app',
    avatarUrls: APP_USER.avatarUrls,
    displayName: APP_USER.displayName,
    active: true,
    timeZone: APP_USER.timeZone,
    locale: APP_USER.locale,
    groups: { size: 0, items: [] },
    applicationRoles: { size: 0, items: [] },
    expand: 'groups,applicationRoles',
  };
}

function groupsOf(user: DemoUser): string[] {
  if (user.role === 'admin') return ['jira-admins-flow-demo', 'jira-software-users'];
  if (user.role === 'outsider') return ['contractors', 'jira-software-users'];
  return ['jira-software-users'];
}

function groupId(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) >>> 0;
  const hex = hash.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`;
}
