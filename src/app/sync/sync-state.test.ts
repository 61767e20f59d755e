import type { ProjectSyncState } from '../../ports';
import { NEVER_SYNCED, syncStateForPage } from './sync-state';

/**
 * The sync state the use-cases keep is not the page's type: the page is shown it field by field, so a field the
 * stored record gains stays in storage, and a field renamed for the page does not orphan stored states.
 */
describe('syncStateForPage', () => {
  it('shows the page each field of the sync state, and nothing else the state carries', () => {
    const stored = {
      status: 'running',
      progress: { done: 120, total: 400 },
      lastSuccessAt: '2026-03-01T08:00:00.000Z',
      lastError: null,
      cursor: 'kept in storage, not shown',
    } as ProjectSyncState;
    const shown = syncStateForPage(stored);
    expect(shown).toStrictEqual({
      status: 'running',
      progress: { done: 120, total: 400 },
      lastSuccessAt: '2026-03-01T08:00:00.000Z',
      lastError: null,
    });
    expect(shown.progress).not.toBe(stored.progress);
  });

  it('shows a project never synced as such', () => {
    expect(syncStateForPage(NEVER_SYNCED)).toStrictEqual({ status: 'never-synced', progress: null, lastSuccessAt: null, lastError: null });
  });
});
