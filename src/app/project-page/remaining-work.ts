import { projectOfKey } from '../../domain';
import type { RemainingWorkCounter, UserPermissions } from '../../ports';
import type { RemainingWorkData, RemainingWorkPayload } from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { requireBrowsePermission } from './project-view';

/** An issue key as Jira writes it: the project's key, a dash, the issue's number. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/;

/**
 * The remaining work a forecast's "when will it be done" starts from: the project's unfinished items matching
 * the reader's JQL, or the unfinished children of one of the project's epics, as Jira counts them for the reader.
 * The query and the count go back to the reader's browser and nowhere else: nothing here is stored or logged.
 */
export async function countRemainingWork(
  ports: { userPermissions: UserPermissions; counter: RemainingWorkCounter },
  projectKey: string,
  request: RemainingWorkPayload,
): Promise<RemainingWorkData> {
  await requireBrowsePermission(ports.userPermissions, projectKey);
  if (request.source === 'jql') return { count: await ports.counter.countUnfinished(projectKey, { jql: request.jql }) };
  const epicKey = request.epicKey.trim().toUpperCase();
  if (!ISSUE_KEY.test(epicKey)) throw new AppError('INVALID_INPUT', `Enter an epic's key, such as ${projectKey}-12.`);
  if (projectOfKey(epicKey) !== projectKey) {
    throw new AppError('INVALID_INPUT', `${epicKey} is not in this project: enter the key of one of ${projectKey}'s epics.`);
  }
  return { count: await ports.counter.countUnfinished(projectKey, { epicKey }) };
}
