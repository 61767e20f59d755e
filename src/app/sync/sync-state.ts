import type { SyncState } from '../../shared/resolver-contract';

/** The state of a project the app has never synced: nothing measured yet, nothing failed. */
export const NEVER_SYNCED: SyncState = Object.freeze({
  status: 'never-synced',
  progress: null,
  lastSuccessAt: null,
  lastError: null,
});
