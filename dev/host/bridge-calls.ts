import type { LocalPlatform } from '../runtime/local-platform';
import type { ProductTarget } from '../runtime/product-target';
import type { AppFrame } from './app-frames';

/**
 * Answers the bridge calls an app frame makes (`invoke`, `getContext`, `fetchProduct`), as the user who
 * opened the frame. The context comes from the frame's record, never from the browser, as on Forge.
 */
export async function answerBridgeCall(
  platform: LocalPlatform,
  jira: ProductTarget,
  frame: AppFrame,
  method: string,
  payload: any,
): Promise<unknown> {
  const who = { moduleKey: frame.moduleKey, accountId: frame.accountId, project: frame.project, theme: frame.theme };
  switch (method) {
    case 'getContext':
      return platform.moduleContext(who);
    case 'invoke':
      return platform.invokeResolver({ ...who, functionKey: String(payload?.functionKey ?? ''), payload: payload?.payload });
    case 'fetchProduct': {
      if (payload?.product !== 'jira') throw new Error(`The local site only has Jira, not ${payload?.product}`);
      const init = payload.fetchRequestInit ?? {};
      const response = await jira.send(
        {
          method: init.method ?? 'GET',
          path: String(payload.restPath),
          headers: Object.fromEntries(init.headers ?? []),
          body: typeof init.body === 'string' ? init.body : undefined,
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
    default:
      throw new Error(`The local host does not support the bridge call "${method}"`);
  }
}
