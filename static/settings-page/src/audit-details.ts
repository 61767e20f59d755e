import type { AuditAction, AuditEntry } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';

/** Fact names whose words are not simply the name's own (`doneStage` reads well as "done stage"). */
const FACT_NAMES: Record<string, string> = {
  githubLogin: 'GitHub account',
  botIsMember: 'bot in channel',
  erasedValues: 'values erased',
  erasedSecrets: 'tokens erased',
  newestKeyId: 'newest key',
  fromDays: 'from (days)',
  toDays: 'to (days)',
  retentionDays: 'retention (days)',
};

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** `visibleRepositories` → "visible repositories": the stored name, in words. */
function factName(name: string): string {
  return FACT_NAMES[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function factValue(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && ISO_TIMESTAMP.test(value)) return formatDateTime(value);
  return String(value);
}

/** A refused attempt's headline, by what was being attempted. */
const REFUSAL_HEADLINES: Partial<Record<AuditAction, string>> = {
  'github.connect-refused': 'GitHub token refused',
  'github.repositories-change-refused': 'Repositories not changed',
  'slack.connect-refused': 'Slack connection refused',
  'slack.test-message-failed': 'Test message not delivered',
  'slack.channel-change-refused': 'Channel not changed',
  'slack.alert-channel-refused': 'Alert channel not changed',
};

/** The reason codes the app records for a refusal, in words (src/app/connections/connection-refusals.ts). */
const REFUSAL_REASONS: Record<string, string> = {
  'bad-credentials': 'bad credentials (mistyped, expired or revoked)',
  'no-repository-access': 'the token cannot see any of the repositories',
  'missing-scope': 'the token lacks a scope',
  'channel-not-found': 'channel not found',
  'not-in-channel': 'the bot is not in the channel',
  'channel-archived': 'the channel is archived',
};

function factsOf(details: AuditEntry['details']): string[] {
  return Object.entries(details)
    .filter((fact): fact is [string, string | number | boolean] => fact[1] !== null && fact[1] !== '')
    .map(([name, value]) => `${factName(name)}: ${factValue(value)}`);
}

/** "GitHub token refused: bad credentials (…) · acme-flow/web-app · while replacing the connected token". */
function describeRefusal(headline: string, { subject, details }: Pick<AuditEntry, 'subject' | 'details'>): string {
  const { reason, missingScope, replacing, ...rest } = details;
  const why = typeof reason === 'string' ? (REFUSAL_REASONS[reason] ?? reason) : 'no reason recorded';
  const scope = typeof missingScope === 'string' ? ` (${missingScope})` : '';
  const parts = [
    `${headline}: ${why}${scope}`,
    subject,
    replacing === true ? 'while replacing the connected token' : null,
    ...factsOf(rest),
  ];
  return parts.filter((part) => part !== null && part !== '').join(' · ');
}

/** What an audit entry acted on and the facts it recorded, as one line an admin can read. */
export function describeAuditDetails(entry: Pick<AuditEntry, 'action' | 'subject' | 'details'>): string {
  const refusal = REFUSAL_HEADLINES[entry.action];
  if (refusal !== undefined) return describeRefusal(refusal, entry);
  return [entry.subject, ...factsOf(entry.details)].filter((part) => part !== null && part !== '').join(' · ');
}
