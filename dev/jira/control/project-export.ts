import { selectFields } from '../issue-fields';
import { issueJson } from '../issue-json';
import type { SiteContext } from '../site-context';

/**
 * Every live issue of a project in `search/jql` shape with all fields and the complete changelog (no
 * 100-history cap), ordered by key. Tests compare what an app computed with this ground truth; two sites
 * built from the same seed and anchor export byte-identical JSON.
 */
export interface ExportWindow {
  /** Index of the first issue (by key order) to include; for exporting very large projects in slices. */
  startAt: number;
  maxResults: number;
}

export function exportProject(
  site: SiteContext,
  projectIndex: number,
  fields: readonly string[],
  window: ExportWindow = { startAt: 0, maxResults: Number.POSITIVE_INFINITY },
): string {
  const selection = selectFields(fields, ['*all']);
  const expand = new Set(['changelog']);
  const { store } = site;
  const rows: number[] = [];
  for (let row = 0; row < store.issueCount; row++) {
    if (store.project.get(row) === projectIndex && store.deleted.get(row) === 0) rows.push(row);
  }
  rows.sort((a, b) => store.number.get(a) - store.number.get(b));
  // Built piece by piece: a large project's export would not fit one giant object graph comfortably.
  // (A whole 200,000-issue project exceeds the longest string V8 allows: export it in slices.)
  const parts: string[] = [];
  for (const row of rows.slice(window.startAt, window.startAt + window.maxResults)) {
    parts.push(JSON.stringify(issueJson(site, row, { selection, expand, changelogLimit: Number.POSITIVE_INFINITY })));
  }
  return `[${parts.join(',')}]`;
}
