import type { FieldSelection } from './issue-fields';

/**
 * How many issues one page of `search/jql` may hold. Jira documents only that the page shrinks as more is
 * asked for and that ids/keys alone allow 5000; the simulation uses three fixed tiers so apps must follow
 * `nextPageToken` rather than count:
 *
 * - ids or keys only (no other field, no expand): up to 5000;
 * - up to 10 named fields: up to 100;
 * - `*all`, `*navigable`, more than 10 fields, or `expand=changelog`: up to 50.
 *
 * The page is `min(maxResults, tier)`; `maxResults` defaults to 50.
 */
export const PAGE_SIZE_IDS_ONLY = 5000;
export const PAGE_SIZE_FEW_FIELDS = 100;
export const PAGE_SIZE_HEAVY = 50;
export const DEFAULT_MAX_RESULTS = 50;

export function pageSizeLimit(selection: FieldSelection, expand: ReadonlySet<string>): number {
  const heavy = selection.wildcard !== null || selection.fields.length > 10 || expand.has('changelog');
  if (heavy) return PAGE_SIZE_HEAVY;
  if (selection.fields.length === 0 && expand.size === 0) return PAGE_SIZE_IDS_ONLY;
  return PAGE_SIZE_FEW_FIELDS;
}
