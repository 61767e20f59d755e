import { randomUUID } from 'node:crypto';
import { currentInvocation, pastDeadline } from './invocation';
import type { AppManifest } from './app-manifest';
import type { Principal, ProductTarget } from './product-target';
import { bodyText, headerRecord, toResponse } from './product-target';

/**
 * The two globals through which Forge's SDKs reach the platform: `__forge_runtime__` (who and what is
 * running) and `__forge_fetch__` (every request the SDKs make: KVS, product APIs, the events service,
 * the personal-data endpoint). With these in place the app's real code and the real `@forge/*` packages
 * run unmodified.
 */
export interface KvsService {
  fetch(path: string, init: { method?: string; body?: string; headers?: Record<string, string> }): Promise<Response>;
}

interface QueueService {
  handle(path: string, body: string | undefined): { status: number; body: unknown };
}

export interface PlatformServices {
  manifest: AppManifest;
  installationId: string;
  kvs: KvsService;
  jira: ProductTarget;
  personalData: ProductTarget;
  queue: QueueService;
  /** The address of a web trigger of this installation (what `webTrigger.getUrl` answers). */
  webTriggerUrl(moduleKey: string): string | null;
}

interface FetchDescriptor {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

const noMetrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};

export function installForgeGlobals(services: PlatformServices): void {
  const { manifest } = services;
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    get: () => {
      const invocation = currentInvocation();
      return {
        proxy: { token: 'local-platform', url: 'http://local-platform' },
        appContext: {
          appId: manifest.appId,
          appVersion: '1.0.0',
          environmentId: 'local',
          environmentType: 'DEVELOPMENT',
          invocationId: invocation?.id ?? 'outside-invocation',
          installationId: services.installationId,
          moduleKey: invocation?.moduleKey ?? '',
          permissions: { scopes: manifest.scopes, external: { fetch: { backend: manifest.backendEgress } } },
        },
        lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, (invocation?.deadline ?? Date.now()) - Date.now()) },
        metrics: noMetrics,
        tracing: { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().slice(0, 16) },
      };
    },
  });

  (globalThis as { __forge_fetch__?: unknown }).__forge_fetch__ = async (
    descriptor: FetchDescriptor,
    path: string,
    init: RequestInit = {},
  ) => {
    // Forge stops a function at its time limit: whatever it asks afterwards is never answered.
    if (pastDeadline(currentInvocation())) return new Promise<never>(() => undefined);
    const crash = currentInvocation()?.crash;
    if (crash && ++crash.made > crash.afterRequests) {
      crash.kill();
      return new Promise<never>(() => undefined);
    }
    if (descriptor.type === 'kvs') {
      return services.kvs.fetch(path, { method: init.method, body: bodyText(init.body), headers: headerRecord(init.headers) });
    }
    if (descriptor.type !== 'fpp') return proxyError(400, 'UNSUPPORTED_REQUEST_TYPE');

    const principal = principalFor(descriptor);
    if (!principal) return proxyError(401, 'NO_USER_CONTEXT');
    const request = { method: init.method ?? 'GET', path, headers: headerRecord(init.headers), body: bodyText(init.body) };

    if (descriptor.remote === 'jira') return services.jira.send(request, principal);
    if (descriptor.remote === 'stargate' && principal.kind === 'app') {
      if (path.startsWith('/app/report-accounts')) return services.personalData.send(request, principal);
      if (path === '/graphql' && /createWebTriggerUrl/.test(request.body ?? '')) return webTriggerUrlAnswer(services, request.body ?? '');
      if (path.startsWith('/webhook/queue/')) {
        const answer = services.queue.handle(path, request.body);
        return toResponse({
          status: answer.status,
          headers: { 'content-type': 'application/json' },
          body: answer.body === null ? '' : JSON.stringify(answer.body),
        });
      }
    }
    return proxyError(404, 'UNSUPPORTED_REMOTE');
  };
}

/** `webTrigger.getUrl(key)`: Forge's GraphQL mutation `createWebTriggerUrl`, answered for the manifest's web triggers. */
function webTriggerUrlAnswer(services: PlatformServices, body: string): Response {
  const key = (JSON.parse(body) as { variables?: { input?: { triggerKey?: string } } }).variables?.input?.triggerKey ?? '';
  const url = services.webTriggerUrl(key);
  const answer = url
    ? { data: { createWebTriggerUrl: { url } } }
    : { data: { createWebTriggerUrl: null }, errors: [{ message: `No web trigger ${key} in this app` }] };
  return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
}

/** asUser() without an accountId means "the user this invocation runs for", and there may be none. */
function principalFor(descriptor: FetchDescriptor): Principal | null {
  if (descriptor.provider === 'user') {
    const accountId = descriptor.accountId ?? currentInvocation()?.principalAccountId;
    return accountId ? { kind: 'user', accountId } : null;
  }
  return { kind: 'app' };
}

/** Forge's proxy reports its own refusals in the `forge-proxy-error` header, which @forge/api turns into errors. */
function proxyError(status: number, reason: string): Response {
  return new Response(null, { status, headers: { 'forge-proxy-error': reason } });
}
