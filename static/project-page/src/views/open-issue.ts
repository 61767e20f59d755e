import { router } from '@forge/bridge';

/** Opens an issue in Jira, as a link would; the page stays as it is if the host refuses. */
export function openIssue(key: string): void {
  void router.open(`/browse/${encodeURIComponent(key)}`).catch(() => undefined);
}
