import { parseIsoTimestamp, type JiraIssue } from '../../domain';

/** Jira's `updated` time of an issue as read (epoch ms), or null when Jira did not send a readable one. */
export function updateTimeOf(issue: JiraIssue): number | null {
  const text = issue.fields.updated;
  const at = typeof text === 'string' ? parseIsoTimestamp(text) : NaN;
  return Number.isNaN(at) ? null : at;
}
