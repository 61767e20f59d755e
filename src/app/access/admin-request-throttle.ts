import { AppError } from '../app-error';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';
import type { RequestThrottle } from '../digest/slack-digest-request';

/**
 * The settings page's requests that cost much elsewhere, each allowed once per period for the whole
 * installation (a rebuild once per period per project): a rebuild reads a project's whole history from Jira
 * (hundreds of requests for a large project), a connection check makes up to 31 GitHub or a few Slack calls, a
 * test message posts to a whole channel, and "purge now" reads every stored shard. A refusal says when to ask
 * again, and is recorded in the audit log. "Sync now" and "send digest now" have their own periods
 * (src/app/sync/sync-now.ts, src/app/digest/slack-digest-request.ts).
 */
export type ThrottledRequest =
  'rebuild' | 'github-connection' | 'slack-connection' | 'slack-alert-channel' | 'slack-test-message' | 'purge-now';

/** Seconds between two accepted requests of each kind. */
export const REQUEST_PERIOD_SECONDS: Readonly<Record<ThrottledRequest, number>> = Object.freeze({
  rebuild: 600,
  'github-connection': 60,
  'slack-connection': 60,
  'slack-alert-channel': 60,
  'slack-test-message': 60,
  'purge-now': 300,
});

/** What was asked for, as the refusal's sentence starts. */
const REQUEST_WORDS: Readonly<Record<ThrottledRequest, string>> = Object.freeze({
  rebuild: 'A rebuild of this project was',
  'github-connection': 'A GitHub token was',
  'slack-connection': 'A Slack token or channel was',
  'slack-alert-channel': "A Slack channel for this project's alerts was",
  'slack-test-message': 'A test message was',
  'purge-now': 'A purge was',
});

const REQUEST_VERBS: Readonly<Record<ThrottledRequest, string>> = Object.freeze({
  rebuild: 'requested',
  'github-connection': 'checked',
  'slack-connection': 'checked',
  'slack-alert-channel': 'checked',
  'slack-test-message': 'sent',
  'purge-now': 'run',
});

export interface AdminRequestThrottlePorts extends AuditTrailPorts {
  /** The throttle of one kind of request; `subject` (a project key) gives each project its own. */
  requestThrottle(request: ThrottledRequest, subject: string | null): RequestThrottle;
}

/**
 * Claims the request's turn, or refuses it with RATE_LIMITED, saying when it will be accepted again.
 * Called after permission and input are checked, so a refused or invalid call uses up nobody's turn.
 */
export async function claimAdminRequest(
  ports: AdminRequestThrottlePorts,
  actor: Actor,
  request: ThrottledRequest,
  subject: string | null = null,
): Promise<void> {
  const throttle = ports.requestThrottle(request, subject);
  const periodSeconds = REQUEST_PERIOD_SECONDS[request];
  if (await throttle.claim(periodSeconds)) return;
  const now = ports.clock.now();
  const claimedAt = (await throttle.claimedAt()) ?? now;
  const acceptedAgainAt = new Date(Math.max(now.getTime(), claimedAt.getTime() + periodSeconds * 1000));
  await recordAudit(ports, actor, 'request.rate-limited', subject, { request, acceptedAgainAt: acceptedAgainAt.toISOString() });
  throw new AppError(
    'RATE_LIMITED',
    `${REQUEST_WORDS[request]} ${REQUEST_VERBS[request]} in the last ${periodInWords(periodSeconds)}. ` +
      `Try again in ${waitInWords(acceptedAgainAt.getTime() - now.getTime())}.`,
  );
}

function periodInWords(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.round(seconds / 60)} minutes`;
}

/** "30 seconds", "a minute", "7 minutes": rounded up, so the request is accepted by then. */
export function waitInWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? 'a second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}
