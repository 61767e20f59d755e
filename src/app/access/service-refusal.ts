/**
 * GitHub or Slack said no, for a reason the app can explain. Adapters raise these; each use-case turns them
 * into a message that fits what the admin was doing (a bad token while connecting is a typing mistake; the
 * same answer during a later check means the token was revoked).
 * The detail is only ever something the service names publicly, such as a missing scope: never a token.
 */
export type RefusalReason =
  'unauthorized' | 'missing-scope' | 'channel-not-found' | 'not-in-channel' | 'channel-archived' | 'rate-limited' | 'unavailable';

export class ServiceRefusal extends Error {
  constructor(
    readonly service: 'GitHub' | 'Slack',
    readonly reason: RefusalReason,
    readonly detail: string | null = null,
    /** For `rate-limited`: when the service said to try again (epoch ms), if it said. */
    readonly retryAt: number | null = null,
  ) {
    super(`${service} refused the request: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'ServiceRefusal';
  }
}
