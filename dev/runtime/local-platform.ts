import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppLogs } from './app-logs';
import { AsyncQueue, type QueuedEvent } from './async-queue';
import { loadAppManifest, type AppManifest, type UiModule } from './app-manifest';
import { bundledFile } from '../tooling/forge-bundle';
import { EgressGuard } from './egress';
import { ForgeEnvironment } from './forge-environment';
import { installForgeGlobals, type KvsService } from './forge-globals';
import { runInvocation, type InvocationCrash } from './invocation';
import { FORGE_INVOCATION_LIMITS, InvocationMeter, type InvocationLimits } from './invocation-limits';
import type { ProductTarget, SimulatedService } from './product-target';

/**
 * The local Forge platform: it loads the app from manifest.yml and either its TypeScript sources or the bundle
 * `npm run build:forge` makes (what `forge deploy` uploads), provides the globals the SDKs need, and runs the
 * app's functions the way Forge does: resolvers for a user, scheduled triggers, queue consumers and product
 * event triggers with no user.
 */
export interface LocalPlatformOptions {
  rootDir: string;
  kvs: KvsService;
  jira: ProductTarget;
  personalData: ProductTarget;
  cloudId: string;
  siteUrl: string;
  /** The app's own Atlassian account: events it caused are skipped by triggers with `ignoreSelf`. */
  appAccountId: string;
  echoLogs?: boolean;
  /** Forge environment variables (`forge variables set`), visible to the app as `process.env`. */
  environment?: Record<string, string>;
  /** Forge's invocation, time and log limits to change for a test (e.g. a resolver limit of 0.05 s). */
  invocationLimits?: Partial<InvocationLimits>;
  /** Clock of the invocation rate windows (default `Date.now`). */
  now?: () => number;
  /** Which form of the app runs; by default `FORGE_APP` from the environment, else the TypeScript sources. */
  app?: AppForm;
  /** The installation's licence (see `LocalPlatform.licence`); by default `FORGE_LICENCE` from the environment. */
  licence?: ForgeLicence | null;
  /** Where web triggers are served (the local host's `/x1/…` routes); by default an address that reaches nothing. */
  webTriggerBaseUrl?: string;
}

/** A request to a web trigger as Forge hands it to the function: header values as lists, the body as text. */
export interface WebTriggerCall {
  method: string;
  headers: Record<string, string>;
  body: string;
  path?: string;
}

export interface WebTriggerAnswer {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

/**
 * The licence Forge puts in every function's context (`context.license`) for a paid app in production:
 * `isActive` and details such as `isEvaluation`, `billingPeriod` or `trialEndDate`.
 */
export interface ForgeLicence {
  isActive: boolean;
  [detail: string]: unknown;
}

/** `FORGE_LICENCE=active` or `inactive` gives the app a licence; unset, none, as in Forge's development environment. */
function licenceFromEnvironment(env: NodeJS.ProcessEnv): ForgeLicence | null {
  const value = env.FORGE_LICENCE;
  if (value === undefined || value === '') return null;
  if (value === 'active' || value === 'inactive') return { isActive: value === 'active' };
  throw new Error(`FORGE_LICENCE must be "active" or "inactive" (or unset, for no licence as in development), not "${value}"`);
}

/**
 * `typescript`: the handler modules under src/ (each `index.X` from `src/index.ts`), compiled as they load.
 * `bundle`: the artefact `forge deploy` would upload (`.forge-bundle/index.cjs`, from `npm run build:forge`).
 */
export type AppForm = 'typescript' | 'bundle';

/** `FORGE_APP=bundle` runs the deployable bundle; anything else (or nothing) the sources. */
function appFormFromEnvironment(env: NodeJS.ProcessEnv): AppForm {
  return env.FORGE_APP === 'bundle' ? 'bundle' : 'typescript';
}

export interface ResolverCall {
  moduleKey: string;
  functionKey: string;
  payload?: unknown;
  accountId: string;
  /** For project pages: the project the page is opened in. */
  project?: { id: string; key: string; type?: string };
  theme?: 'light' | 'dark';
}

class ResolverInvocationError extends Error {}

export class LocalPlatform {
  readonly manifest: AppManifest;
  readonly queue = new AsyncQueue();
  readonly logs: AppLogs;
  readonly egress: EgressGuard;
  readonly installationId = randomUUID();
  /** The app's environment variables; tests may change them as a redeploy with new variables would. */
  readonly environment = new ForgeEnvironment();
  /** The form of the app this platform runs (see `AppForm`). */
  readonly appForm: AppForm;
  /**
   * The installation's licence, handed to every function as Forge does once manifest.yml enables licensing.
   * Null is what Forge sends in development and staging environments and for free apps: no licence at all.
   * Tests (and the control API, `PUT /__forge/licence`) change it, as a site's subscription would.
   */
  licence: ForgeLicence | null;
  /** Handler module (`index`) → its loaded exports. */
  private readonly appModules = new Map<string, Record<string, unknown>>();
  private readonly plannedCrashes = new Map<string, number>();
  /** Every planned crash so far: how many requests its invocation made, and whether it was killed. */
  readonly crashLog: Array<{ functionKey: string; afterRequests: number; made: number; fired: boolean }> = [];

  /** Forge's limits this platform holds the app to. */
  readonly limits: InvocationLimits;
  private readonly invocations: InvocationMeter;

  constructor(private readonly options: LocalPlatformOptions) {
    this.manifest = loadAppManifest(path.join(options.rootDir, 'manifest.yml'));
    this.limits = { ...FORGE_INVOCATION_LIMITS, ...options.invocationLimits };
    this.invocations = new InvocationMeter(this.limits, options.now ?? Date.now);
    this.logs = new AppLogs(options.echoLogs ?? false, this.limits);
    this.egress = new EgressGuard(this.manifest.backendEgress);
    this.appForm = options.app ?? appFormFromEnvironment(process.env);
    this.licence = options.licence !== undefined ? options.licence : licenceFromEnvironment(process.env);
  }

  /** The file a handler module is loaded from, in the form this platform runs. */
  appFile(module: string): string {
    return this.appForm === 'bundle' ? bundledFile(this.options.rootDir, module) : path.join(this.options.rootDir, 'src', `${module}.ts`);
  }

  /** Makes this platform the one the SDKs talk to. Returns the unguarded fetch for the platform's own use. */
  install(): typeof fetch {
    installForgeGlobals({
      manifest: this.manifest,
      installationId: this.installationId,
      kvs: this.options.kvs,
      jira: this.options.jira,
      personalData: this.options.personalData,
      queue: this.queue,
      webTriggerUrl: (moduleKey) => (this.manifest.webTriggers.has(moduleKey) ? this.webTriggerUrl(moduleKey) : null),
    });
    this.logs.capture();
    this.environment.apply(this.options.environment ?? {});
    return this.egress.install();
  }

  uninstall(): void {
    this.logs.release();
    this.egress.uninstall();
    this.environment.restore();
  }

  simulateExternal(origin: string, service: SimulatedService): void {
    this.egress.simulate(origin, service);
  }

  uiModule(moduleKey: string): UiModule {
    const module = this.manifest.uiModules.get(moduleKey);
    if (!module) throw new ResolverInvocationError(`No UI module ${moduleKey} in manifest.yml`);
    return module;
  }

  /** The context Forge gives a module: to its resolver (trusted) and, through the bridge, to its UI. */
  moduleContext(call: Omit<ResolverCall, 'functionKey' | 'payload'>): Record<string, unknown> {
    const module = this.uiModule(call.moduleKey);
    const extension: Record<string, unknown> = { type: module.type };
    if (module.type === 'jira:projectPage') {
      if (!call.project) throw new ResolverInvocationError('A project page needs a project');
      extension.project = { type: 'software', ...call.project };
    }
    return {
      accountId: call.accountId,
      cloudId: this.options.cloudId,
      siteUrl: this.options.siteUrl,
      moduleKey: call.moduleKey,
      localId: `${this.manifest.appId}/local/${call.moduleKey}`,
      environmentId: 'local',
      environmentType: 'DEVELOPMENT',
      locale: 'en-US',
      timezone: 'UTC',
      theme: { colorMode: call.theme ?? 'light' },
      extension,
    };
  }

  /** Calls a resolver function as the bridge's `invoke` would, and answers what the bridge would deliver. */
  async invokeResolver(call: ResolverCall): Promise<unknown> {
    const module = this.uiModule(call.moduleKey);
    if (!module.resolverFunctionKey) throw new ResolverInvocationError(`${call.moduleKey} has no resolver`);
    const handler = this.handler(module.resolverFunctionKey);
    const context = this.moduleContext(call);
    // User-led: counted against the per-user and per-installation invocation limits before it starts.
    this.invocations.admit(call.accountId);
    return this.run(module.resolverFunctionKey, call.moduleKey, call.accountId, this.limits.resolverSeconds, () =>
      handler(
        { call: { functionKey: call.functionKey, payload: call.payload ?? {} }, context },
        { principal: { accountId: call.accountId }, installContext: this.installContext, ...this.licenceContext },
      ),
    );
  }

  async runScheduledTrigger(triggerKey: string): Promise<unknown> {
    const trigger = this.manifest.scheduledTriggers.get(triggerKey);
    if (!trigger) throw new ResolverInvocationError(`No scheduled trigger ${triggerKey} in manifest.yml`);
    const handler = this.handler(trigger.functionKey);
    return this.run(trigger.functionKey, triggerKey, undefined, this.timeoutOf(trigger.functionKey), () =>
      handler({ context: { cloudId: this.options.cloudId, moduleKey: triggerKey }, contextToken: 'local' }, this.jobContext),
    );
  }

  private webTriggerBase: string | undefined;

  /** Where the local host serves web triggers (known once it listens). */
  serveWebTriggersAt(baseUrl: string): void {
    this.webTriggerBase = baseUrl;
  }

  /** A web trigger's address on this installation: stable, one per module, as Forge's are. */
  webTriggerUrl(moduleKey: string): string {
    const id = `${this.installationId}-${moduleKey}`;
    return `${this.webTriggerBase ?? this.options.webTriggerBaseUrl ?? 'http://localhost/x1'}/${id}`;
  }

  /** The web trigger module whose address ends in `id`, if any. */
  webTriggerById(id: string): string | null {
    for (const key of this.manifest.webTriggers.keys()) if (id === `${this.installationId}-${key}`) return key;
    return null;
  }

  /**
   * An HTTP request to a web trigger, as Forge delivers it: the whole request within the function payload limit
   * (else 413 without running anything), headers as lists, no user. A `dynamic` trigger answers its own
   * status; a function answer Forge cannot turn into HTTP becomes a 500, as there.
   */
  async callWebTrigger(moduleKey: string, call: WebTriggerCall): Promise<WebTriggerAnswer> {
    const trigger = this.manifest.webTriggers.get(moduleKey);
    if (!trigger) throw new ResolverInvocationError(`No web trigger ${moduleKey} in manifest.yml`);
    const size =
      Buffer.byteLength(call.body, 'utf8') +
      Object.entries(call.headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    if (size > this.limits.requestPayloadBytes) return { statusCode: 413, headers: {}, body: 'Payload Too Large' };
    const handler = this.handler(trigger.functionKey);
    const request = {
      method: call.method,
      path: call.path ?? '/',
      headers: Object.fromEntries(Object.entries(call.headers).map(([name, value]) => [name.toLowerCase(), [value]])),
      queryParameters: {},
      body: call.body,
    };
    const answer = (await this.run(trigger.functionKey, moduleKey, undefined, this.timeoutOf(trigger.functionKey), () =>
      handler(request, { installContext: this.installContext, ...this.licenceContext }),
    )) as Partial<WebTriggerAnswer> | undefined;
    if (!trigger.dynamic) return { statusCode: 204, headers: {}, body: '' };
    if (!answer || typeof answer.statusCode !== 'number') return { statusCode: 500, headers: {}, body: 'Internal Server Error' };
    return { statusCode: answer.statusCode, headers: answer.headers ?? {}, body: typeof answer.body === 'string' ? answer.body : '' };
  }

  /** Delivers every queued event (and those pushed meanwhile) to its consumer. */
  drainQueue(options?: { maxEvents?: number }): Promise<{ processed: number }> {
    return this.queue.drain((event) => this.consume(event), options);
  }

  /** A product event (issue created, updated, …) reaches every trigger that listens to it. */
  async deliverProductEvent(event: { eventType: string; atlassianId?: string } & Record<string, unknown>): Promise<number> {
    let delivered = 0;
    for (const trigger of this.manifest.eventTriggers) {
      if (!trigger.events.includes(event.eventType)) continue;
      if (trigger.ignoreSelf && event.atlassianId === this.options.appAccountId) continue;
      const handler = this.handler(trigger.functionKey);
      await this.run(trigger.functionKey, trigger.key, undefined, this.timeoutOf(trigger.functionKey), () =>
        handler({ ...event, context: { cloudId: this.options.cloudId, moduleKey: trigger.key } }, this.jobContext),
      );
      delivered += 1;
    }
    return delivered;
  }

  /**
   * Test hook: the next invocation of `functionKey` is killed once it has made `afterRequests` requests to
   * the platform (KVS, Jira, the queue), as Forge kills a function that runs out of time or memory. The
   * invocation fails at that point; a queue event is then retried like any failed delivery.
   */
  crashNextInvocation(functionKey: string, afterRequests: number): void {
    this.plannedCrashes.set(functionKey, afterRequests);
  }

  private consume(event: QueuedEvent): Promise<unknown> {
    const functionKey = this.manifest.consumers.get(event.queueName);
    if (!functionKey) throw new ResolverInvocationError(`No consumer for queue ${event.queueName}`);
    const handler = this.handler(functionKey);
    const asyncEvent = {
      body: event.body,
      queueName: event.queueName,
      jobId: event.jobId,
      eventId: event.eventId,
      ...(event.retryCount > 0
        ? { retryContext: { retryCount: event.retryCount, retryReason: event.retryReason, retryData: event.retryData } }
        : {}),
    };
    return this.run(functionKey, event.queueName, undefined, this.timeoutOf(functionKey), () => handler(asyncEvent, this.jobContext));
  }

  private get installContext(): string {
    return `ari:cloud:jira::site/${this.options.cloudId}`;
  }

  private get jobContext(): Record<string, unknown> {
    return { installContext: this.installContext, cloudId: this.options.cloudId, ...this.licenceContext };
  }

  /** `license` in a function's context: only when there is one, as on Forge. */
  private get licenceContext(): { license?: ForgeLicence } {
    return this.licence ? { license: { ...this.licence } } : {};
  }

  /** The function's `timeoutSeconds` (at most 900), else Forge's default for triggers and consumers. */
  private timeoutOf(functionKey: string): number {
    const declared = this.manifest.functions.get(functionKey)?.timeoutSeconds;
    if (declared === null || declared === undefined) return this.limits.defaultSeconds;
    return Math.min(declared, this.limits.maxTimeoutSeconds);
  }

  /** The app's function serving `functionKey`, loaded from the form this platform runs. */
  handler(functionKey: string): (...args: unknown[]) => unknown {
    const fn = this.manifest.functions.get(functionKey);
    if (!fn) throw new ResolverInvocationError(`No function ${functionKey} in manifest.yml`);
    const file = this.appFile(fn.module);
    let exports = this.appModules.get(fn.module);
    if (!exports) {
      if (!existsSync(file)) {
        throw new ResolverInvocationError(
          `${path.relative(this.options.rootDir, file)} does not exist${this.appForm === 'bundle' ? ': run `npm run build:forge` first' : ''}`,
        );
      }
      // Loaded on first use, after the globals are in place, exactly as the app's bundle is loaded on Forge.
      // A path known only at run time, loaded synchronously: the module's own loader (Jest's, under Jest).
      exports = module.require(file) as Record<string, unknown>;
      this.appModules.set(fn.module, exports);
    }
    const handler = exports[fn.exportName];
    if (typeof handler !== 'function')
      throw new ResolverInvocationError(`${path.relative(this.options.rootDir, file)} does not export ${fn.exportName}`);
    return handler as (...args: unknown[]) => unknown;
  }

  private run<T>(
    functionKey: string,
    moduleKey: string,
    principalAccountId: string | undefined,
    timeoutSeconds: number,
    work: () => T | Promise<T>,
  ): Promise<T> {
    const afterRequests = this.plannedCrashes.get(functionKey);
    this.plannedCrashes.delete(functionKey);
    let killed: Promise<never> | undefined;
    let crash: InvocationCrash | undefined;
    if (afterRequests !== undefined) {
      const planned = { functionKey, afterRequests, made: 0, fired: false, kill: () => undefined as void };
      this.crashLog.push(planned);
      killed = new Promise<never>((_, reject) => {
        planned.kill = () => {
          planned.fired = true;
          reject(new ResolverInvocationError(`${functionKey} was killed after ${afterRequests} requests (planned crash)`));
        };
      });
      crash = planned;
    }
    return runInvocation({ functionKey, moduleKey, principalAccountId, timeoutSeconds, ...(crash ? { crash } : {}) }, async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new ResolverInvocationError(`${functionKey} timed out after ${timeoutSeconds}s`)),
          timeoutSeconds * 1000,
        );
        timer.unref();
      });
      try {
        return await Promise.race([Promise.resolve(work()), timeout, ...(killed ? [killed] : [])]);
      } finally {
        clearTimeout(timer);
      }
    });
  }
}
