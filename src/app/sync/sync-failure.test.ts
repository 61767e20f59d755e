import { JiraHistoryError } from '../../domain';
import { describeSyncFailure } from './sync-failure';

/**
 * The failure message is kept in the sync state, which every viewer of the project page is sent, whatever
 * issue security hides from them: it must not name the issue Jira sent badly, which may be a secured one.
 */
describe('the message a failed sync leaves for the project page', () => {
  it('says which field Jira sent unreadably, without naming the issue', () => {
    const message = describeSyncFailure(new JiraHistoryError('BUG-17', 'changelog.histories', 'expected an array, got null'));
    expect(message).toContain('changelog.histories');
    expect(message).not.toContain('BUG-17');
  });
});
