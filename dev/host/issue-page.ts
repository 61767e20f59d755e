import type { Principal, ProductTarget } from '../runtime/product-target';
import { escapeHtml } from './http-kit';

/**
 * The host's own issue page, `/browse/<KEY>`, where a click on a chart's dot lands: the issue as Jira shows
 * it to the person signed in (key, summary, type, status, created) and how its status moved, read from the
 * issue's changelog. Jira answers 404 for an issue the person may not browse, and so does this page.
 */
export interface IssueView {
  key: string;
  summary: string;
  type: string;
  status: string;
  /** Jira's timestamps, e.g. `2025-03-04T14:02:00.000+0000`. */
  created: string;
  projectKey: string;
  statusChanges: StatusChange[];
}

interface StatusChange {
  at: string;
  from: string;
  to: string;
  by: string;
}

/** Jira's own words for an issue that is missing or hidden from the person. */
export const ISSUE_NOT_VISIBLE = "You can't view this issue. It may have been deleted or you don't have permission to view it.";

/** Jira pages an issue's changelog at most this many histories at a time. */
const CHANGELOG_PAGE = 100;

/** The issue as `principal` may see it, or null when Jira says it does not exist for them. */
export async function readIssue(jira: ProductTarget, key: string, principal: Principal): Promise<IssueView | null> {
  const issue = await getJson<IssueJson>(
    jira,
    `/rest/api/3/issue/${encodeURIComponent(key)}?fields=summary,issuetype,status,created,project`,
    principal,
  );
  if (issue === null) return null;
  const statusChanges = await statusChangesOf(jira, key, principal);
  if (statusChanges === null) return null;
  const fields = issue.fields ?? {};
  return {
    key: String(issue.key),
    summary: String(fields.summary ?? ''),
    type: String(fields.issuetype?.name ?? ''),
    status: String(fields.status?.name ?? ''),
    created: String(fields.created ?? ''),
    projectKey: String(fields.project?.key ?? key.replace(/-\d+$/, '')),
    statusChanges,
  };
}

/** Every status change in the issue's changelog, oldest first, read page by page as Jira serves it. */
async function statusChangesOf(jira: ProductTarget, key: string, principal: Principal): Promise<StatusChange[] | null> {
  const changes: StatusChange[] = [];
  let startAt = 0;
  let isLast = false;
  while (!isLast) {
    const page = await getJson<ChangelogPageJson>(
      jira,
      `/rest/api/3/issue/${encodeURIComponent(key)}/changelog?startAt=${startAt}&maxResults=${CHANGELOG_PAGE}`,
      principal,
    );
    if (page === null) return null;
    const histories = page.values ?? [];
    for (const history of histories) {
      for (const item of history.items ?? []) {
        // Older histories on a real site carry only `field`.
        if ((item.fieldId ?? item.field) !== 'status') continue;
        changes.push({
          at: String(history.created),
          from: String(item.fromString ?? ''),
          to: String(item.toString ?? ''),
          by: String(history.author?.displayName ?? ''),
        });
      }
    }
    startAt += histories.length;
    isLast = page.isLast !== false || histories.length === 0;
  }
  return changes;
}

/** The fields of Jira's issue answer this page shows. */
interface IssueJson {
  key: string;
  fields?: {
    summary?: string;
    issuetype?: { name?: string };
    status?: { name?: string };
    created?: string;
    project?: { key?: string };
  };
}

/** One page of Jira's `GET /issue/{key}/changelog`. */
interface ChangelogPageJson {
  values?: Array<{
    created: string;
    author?: { displayName?: string };
    items?: Array<{ fieldId?: string; field?: string; fromString?: string | null; toString?: string | null }>;
  }>;
  isLast?: boolean;
}

async function getJson<T>(jira: ProductTarget, path: string, principal: Principal): Promise<T | null> {
  const response = await jira.send({ method: 'GET', path, headers: { accept: 'application/json' } }, principal);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`Jira answered ${response.status} to GET ${path}`);
  return (await response.json()) as T;
}

/** The page's content: the issue's fields and its status history, oldest first. */
export function renderIssue(issue: IssueView): string {
  const rows = issue.statusChanges
    .map(
      (change) =>
        `<tr><td>${timeOf(change.at)}</td><td>${escapeHtml(change.from)}</td><td>${escapeHtml(change.to)}</td><td>${escapeHtml(change.by)}</td></tr>`,
    )
    .join('');
  const history = rows
    ? `<table data-testid="status-history"><thead><tr><th scope="col">When</th><th scope="col">From</th><th scope="col">To</th><th scope="col">By</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p data-testid="status-history">The status has not changed since the issue was created.</p>';
  return `<article class="issue" data-testid="issue">
  <a class="back" href="/projects/${encodeURIComponent(issue.projectKey)}/flow-metrics">&larr; ${escapeHtml(issue.projectKey)} flow metrics</a>
  <h1><span data-testid="issue-key">${escapeHtml(issue.key)}</span> <span data-testid="issue-summary">${escapeHtml(issue.summary)}</span></h1>
  <dl>
    <dt>Type</dt><dd data-testid="issue-type">${escapeHtml(issue.type)}</dd>
    <dt>Status</dt><dd data-testid="issue-status">${escapeHtml(issue.status)}</dd>
    <dt>Created</dt><dd data-testid="issue-created">${timeOf(issue.created)}</dd>
  </dl>
  <h2>Status history</h2>
  ${history}
</article>`;
}

/** What Jira shows for an issue the person cannot see, whether it exists or not. */
export function renderIssueNotVisible(): string {
  return `<article class="issue" data-testid="issue-not-visible"><h1>${escapeHtml(ISSUE_NOT_VISIBLE)}</h1></article>`;
}

/** A Jira timestamp as a `<time>`, shown in UTC to the minute (the zone the demo site's data is in). */
function timeOf(jiraTimestamp: string): string {
  // `+0000` is Jira's offset notation; ISO 8601 as Date reads it wants `+00:00`.
  const instant = new Date(jiraTimestamp.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (Number.isNaN(instant.getTime())) return escapeHtml(jiraTimestamp);
  const shown = `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<time datetime="${instant.toISOString()}">${shown}</time>`;
}
