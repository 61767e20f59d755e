/**
 * Forge's runtime provides the global `fetch` before it loads an app, and `fetch` from `@forge/api` keeps the
 * global it found when first loaded. Locally the app's modules can load before the platform (or a test)
 * swaps the global for its egress guard or a stand-in, so this installs, first of all, a global `fetch` that
 * always follows whatever the global is now: `@forge/api`'s `fetch` then reaches the same place an app's call
 * of the global would, as on Forge. Imported before anything else by jest (setupFiles), `dev/start.ts` and
 * the benchmarks.
 *
 * Whoever swaps the global and passes some requests on to the one it replaced must pass them to
 * `fetchUnderneath(replaced)`, or they would come straight back.
 */
type Fetch = typeof globalThis.fetch;

const UNDERNEATH = Symbol.for('flow-metrics.dev.fetch-underneath');
type Follower = Fetch & { [UNDERNEATH]?: Fetch };

/** The fetch a following global stands in front of; any other fetch as it is. */
export function fetchUnderneath(fetch: Fetch): Fetch {
  return (fetch as Follower)[UNDERNEATH] ?? fetch;
}

const current = globalThis.fetch as Follower | undefined;
if (current && !current[UNDERNEATH]) {
  const original = current;
  let depth = 0;
  const follower = ((input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]) => {
    const now = globalThis.fetch;
    // A stand-in that passes a request back to this one (synchronously) gets the original.
    if (now === follower || depth > 0) return original(input, init);
    depth += 1;
    try {
      return now(input, init);
    } finally {
      depth -= 1;
    }
  }) as Follower;
  follower[UNDERNEATH] = original;
  globalThis.fetch = follower;
}
