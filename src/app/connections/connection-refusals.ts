import type { AuditAction, AuditEntry } from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';
import { ServiceRefusal } from '../access/service-refusal';

/**
 * Failed attempts belong in the audit log too: a security reviewer wants to see a token typed and refused,
 * or a test message Slack would not deliver, as much as a connection made. What is recorded is why, as a
 * reason code from a fixed list (the page words it); never the token, nor anything the service echoed.
 */
export type ConnectionRefusalReason =
  /** The service does not accept the token: mistyped, expired or revoked. */
  | 'bad-credentials'
  /** GitHub accepts the token but it sees none of the repositories named. */
  | 'no-repository-access'
  | 'missing-scope'
  | 'channel-not-found'
  | 'not-in-channel'
  | 'channel-archived';

/** A refusal the use-case itself decides on (the token lacks a scope, the channel is archived), explained and coded. */
export class ConnectionRefused extends AppError {
  constructor(
    readonly reason: ConnectionRefusalReason,
    message: string,
    readonly missingScope: string | null = null,
  ) {
    super('INVALID_INPUT', message);
    this.name = 'ConnectionRefused';
  }
}

export type RefusalAction = Extract<
  AuditAction,
  | 'github.connect-refused'
  | 'github.repositories-change-refused'
  | 'slack.connect-refused'
  | 'slack.channel-change-refused'
  | 'slack.alert-channel-refused'
  | 'slack.test-message-failed'
>;

/** A scope as services name them (`chat:write`, `channels:read`): anything else is not kept. */
const SCOPE_NAME = /^[a-z][a-z0-9_.:,-]{0,59}$/;

/** Why the service said no, when it is about the token or the channel; null for an outage or a rate limit. */
function refusalOf(error: unknown): { reason: ConnectionRefusalReason; missingScope: string | null } | null {
  if (error instanceof ConnectionRefused) return { reason: error.reason, missingScope: error.missingScope };
  if (!(error instanceof ServiceRefusal)) return null;
  switch (error.reason) {
    case 'unauthorized':
      return { reason: 'bad-credentials', missingScope: null };
    case 'missing-scope':
      return { reason: 'missing-scope', missingScope: error.detail !== null && SCOPE_NAME.test(error.detail) ? error.detail : null };
    case 'channel-not-found':
    case 'not-in-channel':
    case 'channel-archived':
      return { reason: error.reason, missingScope: null };
    default:
      return null;
  }
}

/**
 * Records `error` as a refused attempt when it is one; anything else (an outage, a rate limit, a bug) is
 * not a refusal and is left to the caller to explain.
 */
export async function recordRefusal(
  ports: AuditTrailPorts,
  actor: Actor,
  action: RefusalAction,
  error: unknown,
  subject: string | null,
  facts: AuditEntry['details'] = {},
): Promise<void> {
  const refusal = refusalOf(error);
  if (!refusal) return;
  await recordAudit(ports, actor, action, subject, {
    reason: refusal.reason,
    ...(refusal.missingScope === null ? {} : { missingScope: refusal.missingScope }),
    ...facts,
  });
}
