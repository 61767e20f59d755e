/**
 * The members of an issue in search/jql shape that the command reads: what `JiraHistoryBuilder` checks and
 * compacts (key, id, type, created, resolved, status, the changelog's status and flag changes, the Flagged
 * field) and what `facetsOfJiraIssue` reads (resolution, labels, components, parent). Everything else in
 * an export (summaries, descriptions, rendered fields, other fields' changes) is checked as JSON and skipped.
 * The changelog, the bulk of an issue, is read by a reader of its own (`changelog-reader.ts`).
 *
 * A member left out here would reach the builder as missing, and the comparison of this reader with
 * `JSON.parse` of whole exports (report-input.test.ts) would fail.
 */
import { FACET_FIELDS } from '../domain';
import { ChangelogReader } from './changelog-reader';
import { ISSUE_DATE_TIME } from './date-time-reader';
import { ALL, selectElements, selectMembers, type Selection } from './selective-json';

const FACETS: Record<(typeof FACET_FIELDS)[number], Selection> = {
  resolution: selectMembers({ name: ALL }),
  labels: selectElements(ALL),
  components: selectElements(selectMembers({ name: ALL })),
  parent: selectMembers({ key: ALL }),
};

/** @param flaggedFieldIds the Flagged field's ids in this configuration, whose current value is read too */
export function issueSelection(flaggedFieldIds: readonly string[]): Selection {
  return selectMembers({
    key: ALL,
    id: ALL,
    fields: selectMembers({
      // Read as instants from their bytes when they are date-times (see date-time-reader.ts).
      created: ISSUE_DATE_TIME,
      resolutiondate: ISSUE_DATE_TIME,
      issuetype: selectMembers({ name: ALL }),
      status: selectMembers({ id: ALL, name: ALL, statusCategory: selectMembers({ key: ALL }) }),
      ...FACETS,
      ...Object.fromEntries(flaggedFieldIds.map((id) => [id, ALL])),
    }),
    changelog: new ChangelogReader(new Set(flaggedFieldIds)).selection,
  });
}
