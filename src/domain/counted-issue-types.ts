/**
 * Which issue types a project's flow is counted from, unless a reader chooses otherwise.
 *
 * An epic is a container of stories, not a piece of work of the same size: its months-long "cycle time"
 * beside the stories' days, and its one unit of throughput for a quarter's work, mislead. Sub-tasks are the
 * opposite, parts of an item already counted. Both are left out by default, as ActionableAgile does; an admin
 * can choose another list per project, and a reader can still tick them in on the page.
 */

/** The issue types left out by default: Jira's epic and its sub-task types, by their usual names. */
export const DEFAULT_EXCLUDED_ISSUE_TYPES: readonly string[] = Object.freeze(['Epic', 'Sub-task', 'Subtask']);

/** The types of `issueTypes` that are counted by default: all but those `excluded` names (any case). */
export function countedIssueTypes(issueTypes: readonly string[], excluded: readonly string[]): string[] {
  const left = new Set(excluded.map((type) => type.trim().toLowerCase()));
  return issueTypes.filter((type) => !left.has(type.trim().toLowerCase()));
}
