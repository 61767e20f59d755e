import { createHash } from 'node:crypto';
import { SimulatedSlack } from './simulated-slack';

/**
 * The demo Slack workspace: channels for each case the settings page must handle, and bot tokens with
 * different scopes. Tokens are derived at run time from their names, so no token-shaped string sits in the
 * repository for secret scanners to flag, and every run gets the same ones.
 */
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function derived(label: string, length: number): string {
  let text = '';
  for (const byte of createHash('sha256').update(label).digest()) text += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return text.slice(0, length);
}

/** Bot tokens look like `xoxb-<workspace number>-<bot number>-<24 letters and digits>`. */
export const botToken = (label: string) => `xoxb-4815162342-1080014300-${derived(label, 24)}`;

export const DEMO_CHANNELS = {
  /** Public, the bot is in it: everything works. */
  flowMetrics: 'C0FLOWMETRC',
  /** Public, the bot was never invited: posting answers not_in_channel. */
  teamAlpha: 'C0TEAMALPHA',
  /** Private, the bot is in it. */
  leads: 'G0LEADSPRIV',
  /** Private, the bot is not in it: Slack says channel_not_found. */
  people: 'G0PEOPLEHR1',
  /** Archived. */
  oldReleases: 'C0OLDRELEAS',
} as const;

interface DemoSlackToken {
  token: string;
  purpose: string;
}

export interface DemoSlack {
  slack: SimulatedSlack;
  tokens: {
    /** chat:write, channels:read, groups:read: what the app needs. */
    bot: DemoSlackToken;
    /** chat:write only: conversations.info answers missing_scope. */
    chatOnly: DemoSlackToken;
    /** channels:read and groups:read only: the app refuses it, posting needs chat:write. */
    readOnly: DemoSlackToken;
    /** Revoked: invalid_auth everywhere. */
    revoked: DemoSlackToken;
  };
}

export function createDemoSlack(now: () => Date = () => new Date()): DemoSlack {
  const slack = new SimulatedSlack(
    { id: 'T0FLOWDEMO1', name: 'Acme Flow', url: 'https://acme-flow.slack.com/' },
    { userId: 'U0FLOWBOT01', botId: 'B0FLOWBOT01', name: 'flow_metrics', appId: 'A0FLOWMETRC' },
    now,
  );
  slack.addChannel({
    id: DEMO_CHANNELS.flowMetrics,
    name: 'flow-metrics',
    isPrivate: false,
    isArchived: false,
    botIsMember: true,
    purpose: 'Weekly flow digests',
  });
  slack.addChannel({ id: DEMO_CHANNELS.teamAlpha, name: 'team-alpha', isPrivate: false, isArchived: false, botIsMember: false });
  slack.addChannel({ id: DEMO_CHANNELS.leads, name: 'leads', isPrivate: true, isArchived: false, botIsMember: true });
  slack.addChannel({ id: DEMO_CHANNELS.people, name: 'people-ops', isPrivate: true, isArchived: false, botIsMember: false });
  slack.addChannel({ id: DEMO_CHANNELS.oldReleases, name: 'old-releases', isPrivate: false, isArchived: true, botIsMember: true });

  const issue = (label: string, scopes: string[], purpose: string): DemoSlackToken => {
    const token = botToken(label);
    slack.issueToken(token, scopes);
    return { token, purpose };
  };
  const tokens: DemoSlack['tokens'] = {
    bot: issue('demo-bot', ['chat:write', 'channels:read', 'groups:read'], 'chat:write, channels:read, groups:read'),
    chatOnly: issue('demo-chat-only', ['chat:write'], 'chat:write only (cannot look channels up)'),
    readOnly: issue('demo-read-only', ['channels:read', 'groups:read'], 'no chat:write (cannot post)'),
    revoked: issue('demo-revoked', ['chat:write', 'channels:read'], 'revoked'),
  };
  slack.revokeToken(tokens.revoked.token);
  return { slack, tokens };
}
