import { view } from '@forge/bridge';

let started: Promise<void> | null = null;

/**
 * Asks the host to theme the page now (`view.theme.enable()`), before the page's components are loaded: the page
 * waits for its theme before it first draws (see theme.ts), and the answer then travels meanwhile.
 */
export function startHostTheming(): void {
  started = view.theme.enable();
  // Read by `hostTheming`, which handles a host that cannot theme; not a failure of its own until then.
  started.catch(() => {});
}

/** The host's theming: the one started, taken once, or asked for now. Rejects when the host cannot theme the page. */
export function hostTheming(): Promise<void> {
  const asked = started ?? view.theme.enable();
  started = null;
  return asked;
}
