import type { ProjectPageData, ResolverErrorCode, ResolverResult, SyncState } from '../../src/shared/resolver-contract';

/** Test data for the UI, shaped by the resolver contract. */

export function syncState(overrides: Partial<SyncState> = {}): SyncState {
  return { status: 'ok', progress: null, lastSuccessAt: '2026-03-12T14:05:00.000Z', lastError: null, ...overrides };
}

/** A measured project's `getProjectPage` answer with the given sync state. */
export function projectPageData(sync: Partial<SyncState> = {}): ProjectPageData {
  return {
    project: { id: '10001', key: 'FLOW', name: 'Flow Platform' },
    sync: syncState(sync),
    measured: true,
    viewerIsJiraAdministrator: null,
    licenceActive: true,
  };
}

/** The answer for a project no admin has enabled, as seen by a Jira admin or by anyone else. */
export function unmeasuredProjectPageData(viewerIsJiraAdministrator: boolean): ProjectPageData {
  return {
    project: { id: '10003', key: 'BIG', name: 'Big Monorepo' },
    sync: syncState({ status: 'never-synced', lastSuccessAt: null }),
    measured: false,
    viewerIsJiraAdministrator,
    licenceActive: true,
  };
}

export function ok<T>(data: T): ResolverResult<T> {
  return { ok: true, data };
}

export function failed<T = never>(code: ResolverErrorCode, message = `failure: ${code}`): ResolverResult<T> {
  return { ok: false, error: { code, message } };
}

/** A promise the test settles when it chooses, to observe a page while a call is under way. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
