import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * manifest.yml, read the way the local platform needs it: which export serves each function, which
 * modules, triggers and consumers exist, and where the app may send requests.
 */
export interface AppManifest {
  appId: string;
  /** function key → its export in src/index.ts (`handler: index.<export>`) and its time limit. */
  functions: Map<string, { module: string; exportName: string; timeoutSeconds: number | null }>;
  /** UI modules (project pages, admin pages): module key → its resource folder and resolver function. */
  uiModules: Map<string, UiModule>;
  scheduledTriggers: Map<string, { functionKey: string; interval: string }>;
  /** queue key → consumer function key. */
  consumers: Map<string, string>;
  /** Web triggers: module key → the function serving it, and whether it answers its own status (`response.type: dynamic`). */
  webTriggers: Map<string, { functionKey: string; dynamic: boolean }>;
  /** Product event triggers: the events each listens to. */
  eventTriggers: Array<{ key: string; functionKey: string; events: string[]; ignoreSelf: boolean }>;
  /** Origins the app's backend may fetch (`permissions.external.fetch.backend`). */
  backendEgress: string[];
  scopes: string[];
  /** Whether the Custom UI may use inline styles (`permissions.content.styles: [unsafe-inline]`). */
  allowsInlineStyles: boolean;
}

export interface UiModule {
  type: 'jira:projectPage' | 'jira:adminPage';
  key: string;
  title: string;
  resourceKey: string;
  resourcePath: string;
  resolverFunctionKey: string | null;
  /** Admin pages: Manage apps' Configure button opens it (`useAsConfig`); such a page is not in the sidebar. */
  useAsConfig: boolean;
  /** Admin pages: Manage apps' Get started button opens it (`useAsGetStarted`); not in the sidebar either. */
  useAsGetStarted: boolean;
}

/**
 * The admin pages Jira lists in the Apps section of its settings sidebar: those that are neither the
 * Configure nor the Get started page (Forge's jira:adminPage documentation), in manifest order.
 */
export function sidebarAdminPages(manifest: AppManifest): UiModule[] {
  return [...manifest.uiModules.values()].filter(
    (module) => module.type === 'jira:adminPage' && !module.useAsConfig && !module.useAsGetStarted,
  );
}

/** The admin page Manage apps' Configure or Get started button opens, if the app declares one. */
export function manageAppsPage(manifest: AppManifest, button: 'configure' | 'get-started'): UiModule | null {
  const wanted = (module: UiModule) => (button === 'configure' ? module.useAsConfig : module.useAsGetStarted);
  return [...manifest.uiModules.values()].find((module) => module.type === 'jira:adminPage' && wanted(module)) ?? null;
}

/** The parts of manifest.yml this reader looks at; everything is optional until checked. */
interface ManifestFile {
  app?: { id?: string };
  modules?: {
    function?: Array<{ key: string; handler?: string; timeoutSeconds?: unknown }>;
    'jira:projectPage'?: UiModuleEntry[];
    'jira:adminPage'?: UiModuleEntry[];
    scheduledTrigger?: Array<{ key: string; function: string; interval: string }>;
    consumer?: Array<{ queue: string; function: string }>;
    webtrigger?: Array<{ key: string; function: string; response?: { type?: string } }>;
    trigger?: Array<{ key: string; function: string; events?: string[]; filter?: { ignoreSelf?: boolean } }>;
  };
  resources?: Array<{ key: string; path: string }>;
  permissions?: {
    scopes?: string[];
    content?: { styles?: string[] };
    external?: { fetch?: { backend?: Array<string | { address: string }> } };
  };
}

interface UiModuleEntry {
  key: string;
  title: string;
  resource: string;
  resolver?: { function?: string };
  useAsConfig?: boolean;
  useAsGetStarted?: boolean;
}

export function loadAppManifest(manifestPath: string): AppManifest {
  const raw = parse(readFileSync(manifestPath, 'utf8')) as ManifestFile;
  const modules = raw.modules ?? {};
  const resources = new Map<string, string>((raw.resources ?? []).map((resource) => [resource.key, resource.path]));

  const functions: AppManifest['functions'] = new Map();
  for (const fn of modules.function ?? []) {
    const [file, exportName] = String(fn.handler).split('.');
    if (file !== 'index' || !exportName) throw new Error(`manifest: function ${fn.key} must use a handler "index.<export>"`);
    functions.set(fn.key, { module: file, exportName, timeoutSeconds: typeof fn.timeoutSeconds === 'number' ? fn.timeoutSeconds : null });
  }

  const uiModules = new Map<string, UiModule>();
  for (const type of ['jira:projectPage', 'jira:adminPage'] as const) {
    for (const module of modules[type] ?? []) {
      const resourcePath = resources.get(module.resource);
      if (!resourcePath) throw new Error(`manifest: module ${module.key} names unknown resource ${module.resource}`);
      uiModules.set(module.key, {
        type,
        key: module.key,
        title: module.title,
        resourceKey: module.resource,
        resourcePath,
        resolverFunctionKey: module.resolver?.function ?? null,
        useAsConfig: module.useAsConfig === true,
        useAsGetStarted: module.useAsGetStarted === true,
      });
    }
  }

  const backend = raw.permissions?.external?.fetch?.backend ?? [];
  return {
    appId: String(raw.app?.id ?? ''),
    functions,
    uiModules,
    scheduledTriggers: new Map((modules.scheduledTrigger ?? []).map((t) => [t.key, { functionKey: t.function, interval: t.interval }])),
    consumers: new Map((modules.consumer ?? []).map((c) => [c.queue, c.function])),
    webTriggers: new Map(
      (modules.webtrigger ?? []).map((w) => [w.key, { functionKey: w.function, dynamic: w.response?.type === 'dynamic' }]),
    ),
    eventTriggers: (modules.trigger ?? []).map((t) => ({
      key: t.key,
      functionKey: t.function,
      events: t.events ?? [],
      ignoreSelf: t.filter?.ignoreSelf === true,
    })),
    backendEgress: backend.map((entry) => new URL(typeof entry === 'string' ? entry : entry.address).origin),
    scopes: raw.permissions?.scopes ?? [],
    allowsInlineStyles: (raw.permissions?.content?.styles ?? []).includes('unsafe-inline'),
  };
}
