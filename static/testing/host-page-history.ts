import { act } from '@testing-library/react';
import type { view } from '@forge/bridge';

type Location = { pathname: string; search: string; hash: string; state: unknown };

/** What `view.createHistory()` gives the app. */
type HostHistory = Awaited<ReturnType<typeof view.createHistory>>;

/**
 * The page's history as Jira's host keeps it, for tests: a location the app replaces, and listeners told of every
 * change, the app's own replacements included (as `history` v4 does). `visit` is the reader moving back or forward.
 */
export function hostPageHistoryAt(search: string) {
  const listeners = new Set<(location: Location) => void>();
  const history = {
    location: { pathname: '/', search, hash: '', state: undefined } as Location,
    replace(to: { pathname: string; search: string }) {
      history.location = { pathname: to.pathname, search: to.search, hash: '', state: undefined };
      for (const listener of listeners) listener(history.location);
    },
    listen(listener: (location: Location) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    visit(next: string) {
      act(() => history.replace({ pathname: '/', search: next }));
    },
  };
  return Object.assign(history, { asHost: () => history as unknown as HostHistory });
}
