import type { LocalPlatform } from '../runtime/local-platform';
import type { ProductTarget } from '../runtime/product-target';
import type { AppFrame } from './app-frames';
import { isRecord, stringOr } from './http-kit';
import { NavigationRefused, resolveNavigation } from './navigation';
import type { NavigationLog } from './navigation-log';

/** Where the host lets frames navigate to, and where it notes what they asked. */
export interface HostNavigation {
  /** The allow-list; the first origin is the host's own, against which paths are resolved. */
  allowedOrigins: readonly string[];
  /** The site's page of each of the app's full-page modules, by manifest key (Forge's `module` target). */
  modulePages: ReadonlyMap<string, string>;
  log: NavigationLog;
}

/**
 * Answers the bridge calls an app frame makes (`invoke`, `getContext`, `fetchProduct`, the router's
 * `navigate` and `getUrl`, the first location of `view.createHistory`), as the user who opened the frame. The context comes from the frame's record,
 * never from the browser, as on Forge.
 */
export async function answerBridgeCall(
  platform: LocalPlatform,
  jira: ProductTarget,
  navigation: HostNavigation,
  frame: AppFrame,
  method: string,
  payload: unknown,
): Promise<unknown> {
  const call = isRecord(payload) ? payload : {};
  const who = { moduleKey: frame.moduleKey, accountId: frame.accountId, project: frame.project, theme: frame.theme };
  switch (method) {
    case 'getContext':
      return platform.moduleContext(who);
    case 'invoke':
      return platform.invokeResolver({ ...who, functionKey: stringOr(call['functionKey'], ''), payload: call['payload'] });
    case 'fetchProduct': {
      if (call['product'] !== 'jira') throw new Error(`The local site only has Jira, not ${stringOr(call['product'], 'undefined')}`);
      const init = isRecord(call['fetchRequestInit']) ? call['fetchRequestInit'] : {};
      const response = await jira.send(
        {
          method: stringOr(init['method'], 'GET'),
          path: stringOr(call['restPath'], 'undefined'),
          headers: Object.fromEntries((init['headers'] ?? []) as Iterable<readonly [string, string]>),
          body: typeof init['body'] === 'string' ? init['body'] : undefined,
        },
        { kind: 'user', accountId: frame.accountId },
      );
      return {
        body: await response.text(),
        headers: Object.fromEntries(response.headers.entries()),
        status: response.status,
        statusText: response.statusText,
        isAttachment: false,
      };
    }
    case 'navigate':
      return navigate(navigation, frame, payload);
    case 'createHistory':
      // The app's part of the address the page was opened at; the frame's bridge keeps it from there.
      if (!frame.location) throw new Error(`The module ${frame.moduleKey} has no history of its own`);
      return frame.location;
    case 'getUrl':
      // The same resolution as `navigate`, without going: `router.getUrl` of a named target.
      return resolveNavigation(
        { ...(payload as Record<string, unknown>), type: 'same-tab' },
        navigation.allowedOrigins,
        navigation.modulePages,
      ).url;
    default:
      throw new Error(`The local host does not support the bridge call "${method}"`);
  }
}

/**
 * Resolves where the frame asked to go and notes it. The answer tells the frame's bridge where the host page
 * should go; the page itself opens the tab or leaves, as Jira's page does for its frames.
 */
function navigate(navigation: HostNavigation, frame: AppFrame, payload: unknown) {
  const asked = { accountId: frame.accountId, moduleKey: frame.moduleKey, projectKey: frame.project?.key, requested: payload };
  try {
    const resolved = resolveNavigation(payload, navigation.allowedOrigins, navigation.modulePages);
    navigation.log.record({ ...asked, ...resolved });
    return resolved;
  } catch (error) {
    if (error instanceof NavigationRefused) navigation.log.record({ ...asked, refused: error.message });
    throw error;
  }
}
