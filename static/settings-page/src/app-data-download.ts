import type { AppDataExportChunk, ResolverResult } from '../../../src/shared/resolver-contract';
import { invoke } from '../../common/invoke-resolver';
import { saveFile } from '../../common/save-file';

/** The file an admin downloads: every value the app stores for the site, by key. */
export interface AppDataExportFile {
  format: 'flow-metrics-export/1';
  exportedAt: string;
  entries: Array<{ key: string; value: unknown }>;
}

/** A site's data fits in far fewer chunks than this; the bound only stops a misbehaving loop. */
const MAX_CHUNKS = 1000;

/** Asks for the export chunk by chunk until the resolver says there is no more. */
export async function collectAppDataExport(): Promise<ResolverResult<AppDataExportFile>> {
  const entries: AppDataExportFile['entries'] = [];
  let exportedAt = '';
  let cursor: string | null = null;
  for (let chunk = 0; chunk < MAX_CHUNKS; chunk += 1) {
    const result: ResolverResult<AppDataExportChunk> = await invoke('exportAppData', cursor ? { cursor } : {});
    if (!result.ok) return result;
    if (chunk === 0) exportedAt = result.data.exportedAt;
    entries.push(...result.data.entries);
    cursor = result.data.nextCursor;
    if (cursor === null) return { ok: true, data: { format: 'flow-metrics-export/1', exportedAt, entries } };
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'The export did not finish; try again.' } };
}

/** Hands the export to the browser as a JSON download. */
export function saveJsonFile(fileName: string, value: unknown): void {
  saveFile(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), fileName);
}
