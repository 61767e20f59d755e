import type { AuditEntry } from '../../../src/shared/resolver-contract';
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

/** What an audit entry acted on and the facts it recorded, as one line an admin can read. */
export function describeAuditDetails(entry: Pick<AuditEntry, 'subject' | 'details'>): string {
  const facts = Object.entries(entry.details)
    .filter((fact): fact is [string, string | number | boolean] => fact[1] !== null && fact[1] !== '')
    .map(([name, value]) => `${factName(name)}: ${factValue(value)}`);
  return [entry.subject, ...facts].filter((part) => part !== null && part !== '').join(' · ');
}
