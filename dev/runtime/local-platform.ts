import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppLogs } from './app-logs';
import { AsyncQueue, type QueuedEvent } from './async-queue';
import { loadAppManifest, type AppManifest, type UiModule } from './app-manifest';
import { EgressGuard } from './egress';
import { ForgeEnvironment } from './forge-environment';
import { installForgeGlobals, type KvsService } from './forge-globals';
import { runInvocation, type InvocationCrash } from './invocation';
import type { ProductTarget, SimulatedService } from './product-target';

/**
 * The local Forge platform: it loads the app from manifest.yml and src/index.ts, provides the globals the
 * SDKs need, and runs the app's functions the way Forge does: resolvers for a user, scheduled triggers,
 * queue consumers and product event triggers with no user.
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

/** What every Forge function export is called with: its event (or resolver request) and its context. */
type ForgeFunction = (event: unknown, context: unknown) => unknown;

/** Forge stops a resolver after 25 s, other functions after 55 s unless the manifest says otherwise. */
const RESOLVER_TIMEOUT_SECONDS = 25;
const DEFAULT_TIMEOUT_SECONDS = 55;

class ResolverInvocationError extends Error {}

export class LocalPlatform {
  readonly manifest: AppManifest;
  readonly queue = new AsyncQueue();
  readonly logs: AppLogs;
  readonly egress: EgressGuard;
  readonly installationId = randomUUID();
  /** The app's environment variables; tests may change them as a redeploy with new variables would. */
  readonly environment = new ForgeEnvironment();
  private app: Record<string, ForgeFunction> | null = null;
  private readonly plannedCrashes = new Map<string, number>();
  /** Every planned crash so far: how many requests its invocation made, and whether it was killed. */
  readonly crashLog: Array<{ functionKey: string; afterRequests: number; made: number; fired: boolean }> = [];

  constructor(private readonly options: LocalPlatformOptions) {
    this.manifest = loadAppManifest(path.join(options.rootDir, 'manifest.yml'));
    this.logs = new AppLogs(options.echoLogs ?? false);
    this.egress = new EgressGuard(this.manifest.backendEgress);
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
    const handler = this.handlerFor(module.resolverFunctionKey);
    const context = this.moduleContext(call);
    return this.run(module.resolverFunctionKey, call.moduleKey, call.accountId, RESOLVER_TIMEOUT_SECONDS, () =>
      handler(
        { call: { functionKey: call.functionKey, payload: call.payload ?? {} }, context },
        { principal: { accountId: call.accountId }, installContext: this.installContext },
      ),
    );
  }

  async runScheduledTrigger(triggerKey: string): Promise<unknown> {
    const trigger = this.manifest.scheduledTriggers.get(triggerKey);
    if (!trigger) throw new ResolverInvocationError(`No scheduled trigger ${triggerKey} in manifest.yml`);
    const handler = this.handlerFor(trigger.functionKey);
    return this.run(trigger.functionKey, triggerKey, undefined, this.timeoutOf(trigger.functionKey), () =>
      handler({ context: { cloudId: this.options.cloudId, moduleKey: triggerKey }, contextToken: 'local' }, this.jobContext),
    );
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
      const handler = this.handlerFor(trigger.functionKey);
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
    const handler = this.handlerFor(functionKey);
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
    return { installContext: this.installContext, cloudId: this.options.cloudId };
  }

  private timeoutOf(functionKey: string): number {
    return this.manifest.functions.get(functionKey)?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  }

  private handlerFor(functionKey: string): ForgeFunction {
    const fn = this.manifest.functions.get(functionKey);
    if (!fn) throw new ResolverInvocationError(`No function ${functionKey} in manifest.yml`);
    // Loaded on first use, after the globals are in place, exactly as the app's bundle is loaded on Forge.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily and synchronously, after the globals exist; an import would load it first
    this.app ??= require(path.join(this.options.rootDir, 'src', 'index.ts')) as Record<string, ForgeFunction>;
    const handler = this.app[fn.exportName];
    if (typeof handler !== 'function') throw new ResolverInvocationError(`src/index.ts does not export ${fn.exportName}`);
    return handler;
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
        timer = setTimeout(() => reject(new ResolverInvocationError(`${functionKey} timed out after ${timeoutSeconds}s`)), timeoutSeconds * 1000);
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
