/**
 * The synthetic project of `synthetic-project.ts` as the file a user gives the `flow-metrics` command: Jira's
 * search/jql answer with `expand=changelog` (a JSON array of issues with `changelog.histories`), with the
 * fields Jira sends beside the ones the command reads (project, changelog paging, `fieldtype`).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { formatIsoTimestamp, issueAt } from '../src/domain';
import { generateSyntheticHistory } from './synthetic-project';

/** Jira writes offsets without a colon: 2026-01-31T09:15:00.000+0000. */
const jiraTimestamp = (epochMs: number) => formatIsoTimestamp(epochMs).replace('Z', '+0000');

/** Each issue of the synthetic project as one JSON text in search/jql shape. */
function* syntheticJiraIssues(issues: number): Generator<string> {
  const history = generateSyntheticHistory(issues);
  for (let i = 0; i < issues; i++) {
    const issue = issueAt(history, i);
    let previous = issue.initialStatus;
    const histories = issue.transitions.map((transition, h) => {
      const item = {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: previous.id,
        fromString: previous.name,
        to: transition.status.id,
        toString: transition.status.name,
      };
      previous = transition.status;
      return { id: String(i * 100 + h), created: jiraTimestamp(transition.at), items: [item] };
    });
    yield JSON.stringify({
      id: issue.id,
      key: issue.key,
      fields: {
        issuetype: { name: issue.type },
        status: { id: previous.id, name: previous.name, statusCategory: { key: previous.category } },
        created: jiraTimestamp(issue.created),
        resolutiondate: issue.resolved === null ? null : jiraTimestamp(issue.resolved),
        project: { key: 'SYN' },
      },
      changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
    });
  }
}

/** Writes the export to a file without holding it in memory; returns its size in bytes. */
export function writeSyntheticJiraExport(path: string, issues: number): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    let separator = '[';
    for (const issue of syntheticJiraIssues(issues)) {
      bytes += writeSync(fd, separator + issue);
      separator = ',';
    }
    bytes += writeSync(fd, issues === 0 ? '[]' : ']');
  } finally {
    closeSync(fd);
  }
  return bytes;
}
