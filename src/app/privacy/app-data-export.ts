import type { AppStorage } from '../../ports';
import { CREDENTIAL_LIKE } from '../../shared/connection-formats';
import type { AppDataExportChunk } from '../../shared/resolver-contract';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';

export interface AppDataExportPorts extends AuditTrailPorts {
  storage: AppStorage;
}

/** Well under Forge's 5 MB invoke response, with room for JSON's escaping. */
const CHUNK_BYTES = 1_500_000;

/**
 * Scrubs anything shaped like a GitHub or Slack credential from a value about to leave the app. Tokens live
 * only in secret storage, which queries never return, so this should never find anything: it is the second
 * lock on the same door.
 */
function scrubbed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(CREDENTIAL_LIKE, '[credential removed]');
  if (Array.isArray(value)) return value.map(scrubbed);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, scrubbed(inner)]));
  }
  return value;
}

/**
 * Everything the app stores for this site, as JSON, a chunk per call. Starting an export is recorded in the
 * audit log (so the export itself shows who asked for it).
 */
export async function exportAppData(ports: AppDataExportPorts, actor: Actor, cursor: string | undefined): Promise<AppDataExportChunk> {
  if (cursor === undefined) await recordAudit(ports, actor, 'data.exported', null);
  const page = await ports.storage.exportPage(cursor, CHUNK_BYTES);
  return {
    format: 'flow-metrics-export/1',
    exportedAt: ports.clock.now().toISOString(),
    entries: page.entries.map(({ key, value }) => ({ key, value: scrubbed(value) })),
    nextCursor: page.nextCursor,
  };
}
