import { JiraHistoryError } from '../../domain';
import { PackedShardError } from '../../shared/packed-history';
import { AppError } from '../app-error';

/**
 * The message a failed sync leaves in the sync state, for the people who see the project page. It says what
 * went wrong and what happens next, and never carries a stack trace, a request body, issue content or an
 * issue's key (issue security may hide it from some who read this).
 */
export function describeSyncFailure(error: unknown): string {
  if (error instanceof AppError)
    return `${error.message} The sync will try again shortly; the data shown is from the last successful sync.`;
  if (error instanceof JiraHistoryError) {
    // Not the key: everyone who may browse the project reads this, and the issue may be secured.
    return `Jira sent an issue in a form the app could not read (${error.field}). The sync will try again.`;
  }
  if (error instanceof PackedShardError) {
    return 'Part of the stored history could not be read. An administrator can rebuild it from the app settings.';
  }
  return 'The sync stopped unexpectedly. It will try again shortly; the data shown is from the last successful sync.';
}
