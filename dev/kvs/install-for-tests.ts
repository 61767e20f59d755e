/**
 * Wires a `KvsEmulator` behind the real `@forge/kvs` client for tests, by installing the two globals the
 * Forge SDKs talk to:
 *  - `__forge_fetch__(descriptor, path, init)`: KVS calls (`descriptor.type === 'kvs'`) go to the emulator;
 *    anything else fails loudly, since a KVS test that reaches another service is a test bug.
 *  - `__forge_runtime__`: the client reads it once, when `@forge/kvs` is first loaded. With `kvs.url` and
 *    `kvs.host` present it sends `{type: 'kvs'}` plus bearer and tracing headers; without them (the default
 *    here) it sends `{type: 'kvs', provider: 'app', remote: 'kvs'}`. Both reach the emulator.
 *
 * The local platform installs its own, complete globals; this is only the minimum the KVS client needs.
 * The globals are reached through `globalThis` casts rather than `declare global`, so these test helpers
 * cannot clash with the platform's own declarations of the same names.
 */
import { KvsEmulator } from './kvs-emulator';

type ForgeFetch = (descriptor: { type?: string }, path: string, init?: RequestInit) => Promise<Response>;

interface ForgeGlobals {
  __forge_fetch__?: ForgeFetch;
  __forge_runtime__?: unknown;
}

export interface KvsTestInstallOptions {
  /**
   * Put `kvs: {url, host}` in the runtime, selecting the client's header-carrying code path. It only has
   * an effect on a `@forge/kvs` module loaded after installation (e.g. inside `jest.isolateModules`).
   */
  withKvsEndpoint?: boolean;
}

export interface InstalledKvs {
  emulator: KvsEmulator;
  /** Descriptors and paths of every KVS call, in order, to assert on what the client sent. */
  calls: Array<{ descriptor: unknown; path: string; headers: Record<string, string> }>;
  /** Puts the previous globals back. */
  uninstall(): void;
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const headers = init?.headers;
  if (!headers) return {};
  return Object.fromEntries(new Headers(headers).entries());
}

export function installKvsForTests(emulator: KvsEmulator = new KvsEmulator(), options: KvsTestInstallOptions = {}): InstalledKvs {
  const globals = globalThis as typeof globalThis & ForgeGlobals;
  const hadFetch = '__forge_fetch__' in globals;
  const hadRuntime = '__forge_runtime__' in globals;
  const previousFetch = globals.__forge_fetch__;
  const previousRuntime = globals.__forge_runtime__;
  const calls: InstalledKvs['calls'] = [];

  globals.__forge_fetch__ = async (descriptor, path, init) => {
    if (descriptor?.type !== 'kvs') {
      throw new Error(`The KVS test install only answers KVS calls, got ${JSON.stringify(descriptor)} ${path}`);
    }
    const headers = headersOf(init);
    calls.push({ descriptor, path, headers });
    return emulator.fetch(path, {
      method: init?.method,
      body: typeof init?.body === 'string' ? init.body : undefined,
      headers,
    });
  };
  globals.__forge_runtime__ = {
    proxy: { token: 'local-test-token', url: 'http://localhost' },
    tracing: { traceId: 'local-test-trace', spanId: 'local-test-span' },
    ...(options.withKvsEndpoint ? { kvs: { url: 'http://localhost/kvs', host: 'kvs.local' } } : {}),
  };

  return {
    emulator,
    calls,
    uninstall() {
      if (hadFetch) globals.__forge_fetch__ = previousFetch;
      else delete globals.__forge_fetch__;
      if (hadRuntime) globals.__forge_runtime__ = previousRuntime;
      else delete globals.__forge_runtime__;
    },
  };
}

/**
 * For a test file or `describe` block: a new emulator behind the real client before each test, and the
 * previous globals put back after it, so no test sees another's data or faults. Returns how a test reaches
 * the emulator of the moment.
 */
export function installKvsForEachTest(): () => KvsEmulator {
  let installed: InstalledKvs | undefined;
  beforeEach(() => {
    installed = installKvsForTests();
  });
  afterEach(() => {
    installed?.uninstall();
    installed = undefined;
  });
  return () => {
    if (installed === undefined) throw new Error('The KVS emulator is installed only while a test runs.');
    return installed.emulator;
  };
}
