import { view } from '@forge/bridge';
import { StartedAhead } from './started-ahead';

const started = new StartedAhead<Promise<void>>();

/**
 * Asks the host to theme the page now (`view.theme.enable()`), before the page's components are loaded: the page
 * waits for its theme before it first draws (see theme.ts), and the answer then travels meanwhile.
 */
export function startHostTheming(): void {
  const theming = view.theme.enable();
  // Read by `hostTheming`, which handles a host that cannot theme; not a failure of its own until then.
  theming.catch(() => {});
  started.start(theming);
}

/** The host's theming: the one started, taken once, or asked for now. Rejects when the host cannot theme the page. */
export function hostTheming(): Promise<void> {
  return started.take() ?? view.theme.enable();
}
