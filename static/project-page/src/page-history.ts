import { view } from '@forge/bridge';

/**
 * The part of the page's browser history the app uses: Forge's `view.createHistory()` gives a `history`
 * (v4) object whose location is the module's own part of Jira's URL, so writing to it changes the address a
 * reader copies, and moving back or forward in the browser is heard through `listen`.
 */
export interface PageHistory {
  readonly location: { pathname: string; search: string };
  replace(location: { pathname: string; search: string }): void;
  listen(listener: (location: { pathname: string; search: string }) => void): () => void;
}

/**
 * The page's history, or null where the host offers none (an older host, a test without one): the page then
 * works as before, only its links do not carry the filters.
 */
export async function openPageHistory(): Promise<PageHistory | null> {
  try {
    const history = await view.createHistory();
    return history ?? null;
  } catch {
    return null;
  }
}
