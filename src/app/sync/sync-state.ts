import type { ProjectSyncState } from '../../ports';
import type { SyncState } from '../../shared/resolver-contract';

/** The state of a project the app has never synced: nothing measured yet, nothing failed. */
export const NEVER_SYNCED: ProjectSyncState = Object.freeze({
  status: 'never-synced',
  progress: null,
  lastSuccessAt: null,
  lastError: null,
});

/** What the pages are shown of a project's sync state, field by field (the page's type may change apart from storage). */
export function syncStateForPage(state: ProjectSyncState): SyncState {
  return {
    status: state.status,
    progress: state.progress === null ? null : { done: state.progress.done, total: state.progress.total },
    lastSuccessAt: state.lastSuccessAt,
    lastError: state.lastError,
  };
}
