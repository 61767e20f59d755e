import api from '@forge/api';
import { AppError } from '../../app/app-error';

/**
 * `requestJira` bound to one identity: the app (jobs) or the calling user (permission checks).
 * The helpers' names avoid "requestJira": Forge's scope linter treats any identifier matching
 * /request(Jira|Confluence|Bitbucket)/ as a product call and stops its whole check on an unknown one.
 */
export type RequestJira = ReturnType<typeof api.asApp>['requestJira'];

export const jiraAsApp = (): RequestJira => api.asApp().requestJira;
export const jiraAsUser = (): RequestJira => api.asUser().requestJira;

/** The response type of `requestJira`, which is @forge/api's own (a subset of the Fetch API's). */
export type JiraResponse = Awaited<ReturnType<RequestJira>>;

/**
 * Reads a Jira answer as JSON, turning Jira's failures into errors a person can act on.
 * Bodies of failed responses are not echoed: they may carry data the caller may not see.
 */
export async function readJiraJson<T>(response: JiraResponse, what: string): Promise<T> {
  if (response.status === 429) {
    throw new AppError('RATE_LIMITED', `Jira is rate limiting requests (${what}); try again in a minute.`);
  }
  if (!response.ok) {
    throw new AppError('UNAVAILABLE', `Jira answered ${response.status} to ${what}.`);
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new AppError('UNAVAILABLE', `Jira sent an unreadable answer to ${what}.`);
  }
}
