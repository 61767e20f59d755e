/**
 * When the page loads a project's history before the reader asks for it.
 *
 * A first open (a browser holding no history) is sent the Overview's figures alone, a few read units of the
 * installation's storage quota, and the history only when the reader goes further. Waiting for that click
 * puts the whole load (the resolver reading every shard, the answer crossing the bridge, the decoding) between
 * the click and the first chart. Loading it ahead hides that wait, and costs what the click would have cost,
 * once: the history is then held in the browser, so the next open asks only for the edits since. A page shown
 * as it opens asks for it in a request of its own sent with the Overview's (`historyUpTo`, see
 * use-project-view.ts), so both load together and a reader who clicks a chart's tab the moment the Overview
 * shows waits for little more than the chart; a page opened in a background tab reads nothing more until it is
 * shown, and then loads it at an idle moment (`whenShownAndIdle`).
 *
 * What it gives up is the cheap glance: a reader who only looks at the Overview now reads the whole history
 * too. Forge meters storage reads per installation, 4,000 units of 10 KB a minute, and a whole history costs
 * about 4.7 units per thousand issues (54 at 10,000, 469 at 100,000; see the README's "Storage quota"). Up to
 * `PREFETCH_MAX_ISSUES` a first open costs at most about 120 units, so some 30 readers who hold nothing can open
 * the page in the same minute; beyond it, where a handful of glances would spend the minute's quota, the history
 * still waits for the reader to go further (its own request is answered without it, for the few read units of
 * the project's manifest and configuration).
 */
export const PREFETCH_MAX_ISSUES = 25_000;

/** Whether a first open of a history of this many issues loads it before the reader asks. */
export function prefetchesHistoryOf(issueCount: number): boolean {
  return issueCount <= PREFETCH_MAX_ISSUES;
}

/** How long the page waits for an idle moment before it starts anyway. */
const IDLE_TIMEOUT_MS = 1_000;

/**
 * Calls `start` once, when the page is shown (a page opened in a background tab reads nothing until the reader
 * looks at it) and the browser has an idle moment, so the load never delays what is being drawn.
 * @returns a function that cancels the call if it has not been made.
 */
export function whenShownAndIdle(start: () => void): () => void {
  let cancelled = false;
  let cancelIdle = () => {};
  const run = () => {
    if (!cancelled) start();
  };
  const afterIdle = () => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      cancelIdle = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 0);
      cancelIdle = () => clearTimeout(handle);
    }
  };
  const onVisibilityChange = () => {
    if (document.visibilityState !== 'visible') return;
    document.removeEventListener('visibilitychange', onVisibilityChange);
    afterIdle();
  };
  if (document.visibilityState === 'visible') afterIdle();
  else document.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    cancelled = true;
    cancelIdle();
    document.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
