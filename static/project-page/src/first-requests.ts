import { startHostTheming } from '../../common/host-theming';
import { startAnswer } from '../../common/started-answers';
import { startFirstOpen } from './use-project-view';

/** The resolver function behind the page's frame; the project comes from the Forge context, not the payload. */
export const GET_PROJECT_PAGE = 'getProjectPage';

/**
 * Whether the page's address names a view the Overview's figures do not answer. An address without a search
 * part (a first open from Jira's sidebar) names none; any other is read by the page's own rules, loaded then.
 */
export async function addressNamesAView(search: string): Promise<boolean> {
  if (new URLSearchParams(search).size === 0) return false;
  try {
    const { linkNamesAView } = await import('./project-tabs');
    return linkNamesAView(search);
  } catch {
    // The rules did not load: the page, once drawn, reads the address itself (and could not be drawn without them).
    return false;
  }
}

/**
 * Sends the page's first requests as its script starts, before its components are loaded (see main.tsx): the
 * project's page, the project view's first open (see `startFirstOpen`) and the host's theming, which the page
 * waits for before it first draws.
 *
 * Why: the components are most of the page's script. Loading, compiling and running them took 0.3 to 0.5 s of
 * the Overview's first open on the benchmark's machine, and the first requests used to leave only after; now
 * their answers travel meanwhile. So this file and what it imports are kept small: no components, no Atlaskit,
 * no flow report.
 */
export function startFirstRequests(): void {
  startAnswer(GET_PROJECT_PAGE);
  startFirstOpen(addressNamesAView);
  startHostTheming();
}
