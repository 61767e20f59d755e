import type { StoredDocument } from '../../ports';
import { RETENTION_DAYS, type SetRetentionPayload } from '../../shared/resolver-contract';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';

/** How long the app keeps what it stores: 30 days to 5 years, two years unless an admin chooses otherwise. */
export interface RetentionSettings {
  retentionDays: number;
}

export async function readRetentionDays(settings: StoredDocument<RetentionSettings>): Promise<number> {
  const days = (await settings.read())?.retentionDays;
  // A value outside the limits (written by an older version, or by hand) falls back to the default.
  return typeof days === 'number' && Number.isInteger(days) && days >= RETENTION_DAYS.min && days <= RETENTION_DAYS.max
    ? days
    : RETENTION_DAYS.default;
}

export interface RetentionWindowPorts extends AuditTrailPorts {
  retention: StoredDocument<RetentionSettings>;
}

export async function setRetention(ports: RetentionWindowPorts, actor: Actor, change: SetRetentionPayload): Promise<void> {
  const previous = await readRetentionDays(ports.retention);
  if (previous === change.retentionDays) return;
  await ports.retention.write({ retentionDays: change.retentionDays });
  await recordAudit(ports, actor, 'retention.changed', null, { fromDays: previous, toDays: change.retentionDays });
}
