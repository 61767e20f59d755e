import api from '@forge/api';
import { AppError } from '../../app/app-error';

/** `requestJira` bound to one identity: the app (jobs) or the calling user (permission checks). */
export type RequestJira = ReturnType<typeof api.asApp>['requestJira'];

export const requestJiraAsApp = (): RequestJira => api.asApp().requestJira;
export const requestJiraAsUser = (): RequestJira => api.asUser().requestJira;

/**
 * Reads a Jira answer as JSON, turning Jira's failures into errors a person can act on.
 * Bodies of failed responses are not echoed: they may carry data the caller may not see.
 */
/** The response type of `requestJira`, which is @forge/api's own (a subset of the Fetch API's). */
export type JiraResponse = Awaited<ReturnType<RequestJira>>;

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
