import type { UserPermissions } from '../../ports';
import { AppError } from '../app-error';

/**
 * The gate in front of every settings change: Jira itself, asked as the calling user, must call them an
 * administrator. Nothing is read or changed before this passes.
 */
export async function requireJiraAdministrator(userPermissions: UserPermissions): Promise<void> {
  if (!(await userPermissions.isJiraAdministrator())) {
    throw new AppError('FORBIDDEN', 'Only Jira administrators can change Flow metrics settings.');
  }
}
