import { route } from '@forge/api';
import { AppError } from '../../app/app-error';
import type { RemainingWorkCounter, RemainingWorkScope } from '../../ports';
import { MAX_REMAINING_WORK_JQL_LENGTH } from '../../shared/resolver-contract';
import { readJiraJson, type JiraResponse, type RequestJira } from './jira-request';
import { allOf, notDone, parentIs, projectIs, readersQuery } from './jql';

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/** How much of Jira's reason for refusing a query the reader is shown: enough to fix it, never a page of text. */
const MAX_REASON_LENGTH = 300;

/**
 * Counts a project's unfinished items with Jira's approximate count (`POST /rest/api/3/search/approximate-count`),
 * asked as the calling user: the reader's query reaches only what Jira lets them see, and is sent as the body's
 * `jql` field only, inside `project = "KEY" AND (…)`. Nothing is kept: not the query, not the count.
 */
export class JiraRemainingWork implements RemainingWorkCounter {
  constructor(private readonly jiraAsUser: RequestJira) {}

  async countUnfinished(projectKey: string, scope: RemainingWorkScope): Promise<number> {
    const chosen = 'jql' in scope ? readersQuery(scope.jql, MAX_REMAINING_WORK_JQL_LENGTH) : parentIs(scope.epicKey);
    const body = JSON.stringify({ jql: allOf([projectIs(projectKey), chosen, notDone]) });
    const response = await this.jiraAsUser(route`/rest/api/3/search/approximate-count`, { method: 'POST', headers: JSON_HEADERS, body });
    if (response.status === 400) {
      const reason = await refusalReason(response);
      const what = 'jql' in scope ? 'Jira could not run this query' : `Jira could not count the items of ${scope.epicKey}`;
      throw new AppError('INVALID_INPUT', reason === null ? `${what}.` : `${what}: ${reason}`);
    }
    const answer = await readJiraJson<{ count?: unknown }>(response, 'the count of remaining work');
    if (typeof answer.count !== 'number' || !Number.isSafeInteger(answer.count) || answer.count < 0) {
      throw new AppError('UNAVAILABLE', 'Jira sent an unreadable answer to the count of remaining work.');
    }
    return answer.count;
  }
}

/**
 * Jira's reasons for refusing a query (its `errorMessages`), cut to a readable length. They describe the reader's
 * own query as Jira answered the reader (a field or a value they may not see is "does not exist"), so they tell
 * the reader nothing Jira's own search would not.
 */
async function refusalReason(response: JiraResponse): Promise<string | null> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return null;
  }
  const messages = (body as { errorMessages?: unknown } | null)?.errorMessages;
  if (!Array.isArray(messages)) return null;
  const text = messages
    .filter((message): message is string => typeof message === 'string')
    .join(' ')
    .trim();
  if (text === '') return null;
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text;
}
