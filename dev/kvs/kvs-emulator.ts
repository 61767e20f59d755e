/**
 * A local stand-in for Forge's KVS service, answering the requests the real, unmodified `@forge/kvs`
 * client sends.
 *
 * The client sends every operation as `POST /api/v1/<operation>` with a JSON body through
 * `global.__forge_fetch__({type: 'kvs', ...}, path, init)` and reads back a fetch `Response`. The local
 * platform's `__forge_fetch__` hands those calls to `fetch()` here, which answers with the shapes, statuses
 * and error codes the real service uses, so the app's own code runs and fails locally the way it would on
 * Forge: a key with a slash, a 300 KiB value or a 26-operation transaction is refused here, not first in
 * production.
 *
 * Besides `fetch`, the class offers what a control API and tests need: listing stored data, clearing it,
 * usage counters (reads are cheap, writes are not), fault injection and persistence to a file.
 */
import { batchDeleteOperation, batchGetOperation, batchSetOperation } from './batch-operations';
import { FaultInjector, type KvsFaults } from './fault-injector';
import { errorResponse, jsonResponse, noContentResponse } from './http-response';
import { kvsError, KvsServiceError } from './kvs-error';
import { FORGE_KVS_LIMITS, type KvsLimits } from './limits';
import type { Operation, OperationContext } from './operation-context';
import { queryOperation } from './query-operation';
import { QuotaMeter, type KvsQuotaUsage } from './quota-meter';
import { RecordStore } from './record-store';
import { deleteOperation, getOperation, setOperation } from './single-key-operations';
import { SnapshotFile } from './snapshot-file';
import { transactionOperation } from './transaction-operation';
import { emptyStats, meteredUnits, type KvsStats } from './usage-stats';

export interface KvsEmulatorOptions {
  /** JSON file to load at start and to keep up to date with every change. Without it, data lives in memory. */
  persistFile?: string;
  /** How long changes may gather before the file is rewritten (ms, default 100; 0 writes after every change). */
  persistDebounceMs?: number;
  /** Overrides of Forge's limits, e.g. `{maxQueryLimit: 100}` to try the larger documented page size. */
  limits?: Partial<KvsLimits>;
  /**
   * Clock in epoch ms (default `Date.now`), so tests can move time to expire TTLs and to pass the quotas'
   * minute windows without waiting.
   */
  now?: () => number;
}

/** The init the platform passes along from the client's call (`StorageApi.request` in storage-api.js). */
export interface KvsFetchInit {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface KvsEntry {
  key: string;
  value: unknown;
}

interface Route {
  run: Operation;
  /** Writes are what `failNextWrites` fails, and what the write quota meters. */
  isWrite: boolean;
  /** batchGet / batchSet / batchDelete: limited per minute on their own. */
  isBatch?: boolean;
}

const unsupportedEntityQuery: Operation = () => {
  throw kvsError.unsupportedLocally('Custom entity queries (kvs.entity(name).query())');
};

/** Every path the @forge/kvs 1.6 client calls (storage-api.js). */
const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  ['/api/v1/get', { run: getOperation('plain'), isWrite: false }],
  ['/api/v1/set', { run: setOperation('plain'), isWrite: true }],
  ['/api/v1/delete', { run: deleteOperation('plain'), isWrite: true }],
  ['/api/v1/query', { run: queryOperation, isWrite: false }],
  ['/api/v1/secret/get', { run: getOperation('secret'), isWrite: false }],
  ['/api/v1/secret/set', { run: setOperation('secret'), isWrite: true }],
  ['/api/v1/secret/delete', { run: deleteOperation('secret'), isWrite: true }],
  ['/api/v1/entity/get', { run: getOperation('entity'), isWrite: false }],
  ['/api/v1/entity/set', { run: setOperation('entity'), isWrite: true }],
  ['/api/v1/entity/delete', { run: deleteOperation('entity'), isWrite: true }],
  ['/api/v1/entity/query', { run: unsupportedEntityQuery, isWrite: false }],
  ['/api/v1/batch/set', { run: batchSetOperation, isWrite: true, isBatch: true }],
  ['/api/v1/batch/get', { run: batchGetOperation, isWrite: false, isBatch: true }],
  ['/api/v1/batch/delete', { run: batchDeleteOperation, isWrite: true, isBatch: true }],
  ['/api/v1/transaction', { run: transactionOperation, isWrite: true }],
]);

/** The path part of what the client passed (it passes a bare path, but a full URL is tolerated). */
function routePath(path: string): string {
  let withoutOrigin = path;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      withoutOrigin = new URL(path).pathname;
    } catch {
      // Not a valid URL after all: keep the text, which then matches no route and answers 404.
    }
  }
  return withoutOrigin.split('?')[0] ?? withoutOrigin;
}

export class KvsEmulator {
  private readonly store = new RecordStore();
  private readonly limits: KvsLimits;
  private readonly now: () => number;
  private readonly faults = new FaultInjector();
  private readonly file: SnapshotFile | undefined;
  private readonly quotas: QuotaMeter;
  private counters: KvsStats = emptyStats();

  constructor(options: KvsEmulatorOptions = {}) {
    this.limits = { ...FORGE_KVS_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
    this.quotas = new QuotaMeter(this.limits);
    if (options.persistFile !== undefined) {
      this.file = new SnapshotFile(
        options.persistFile,
        () => JSON.stringify(this.store.snapshot(this.now())),
        options.persistDebounceMs ?? 100,
      );
      const saved = this.file.load();
      if (saved !== undefined) this.store.restore(saved);
    }
  }

  /** Answers one request from the `@forge/kvs` client, as the KVS service would. Never rejects. */
  fetch(path: string, init: KvsFetchInit = {}): Promise<Response> {
    this.counters.requests++;
    const answer = this.handle(path, init);
    if (answer instanceof KvsServiceError) {
      if (answer.code === 'KEY_NOT_FOUND') this.counters.notFound++;
      else this.counters.errors++;
      return Promise.resolve(errorResponse(answer));
    }
    return Promise.resolve(answer === undefined ? noContentResponse() : jsonResponse(JSON.stringify(answer)));
  }

  /** Plain values, sorted by key, optionally only those whose key starts with `prefix`. Never secrets. */
  listPlain(prefix = ''): KvsEntry[] {
    return this.store.plain.scan(prefix, undefined, Number.POSITIVE_INFINITY, this.now()).map(([key, record]) => ({
      key,
      value: structuredClone(record.value),
    }));
  }

  /** Secrets, sorted by key. For the local control API only: Forge itself never lists secrets. */
  listSecrets(): KvsEntry[] {
    return this.store.secrets.entries(this.now()).map(([key, record]) => ({ key, value: structuredClone(record.value) }));
  }

  /** Removes all data: plain values, secrets and entities. Counters and faults are kept. */
  clear(): void {
    this.store.clear();
    this.file?.markDirty();
  }

  /** A copy of the usage counters since start or the last `resetStats()`. */
  stats(): KvsStats {
    return { ...this.counters };
  }

  resetStats(): void {
    this.counters = emptyStats();
  }

  /** What the installation has used of its per-second and per-minute quotas at this moment. */
  quotaUsage(): KvsQuotaUsage {
    return this.quotas.usage(this.now());
  }

  /** Forgets quota usage, as if a minute had passed with nothing done (counters are kept). */
  resetQuotas(): void {
    this.quotas.reset();
  }

  /** Replaces the injected faults; `setFaults({})` turns them off. */
  setFaults(faults: KvsFaults): void {
    this.faults.set(faults);
  }

  /** Writes every pending change to the persist file (no-op without one). */
  async flush(): Promise<void> {
    await this.file?.flush();
  }

  private handle(path: string, init: KvsFetchInit): unknown {
    const route = ROUTES.get(routePath(path));
    if (!route) return kvsError.unknownPath(path);
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'POST') return kvsError.methodNotAllowed(method);

    const nowMs = this.now();
    if (this.quotas.countRequest(nowMs)) return this.throttled();

    const fault = this.faults.faultFor(route.isWrite);
    if (fault) {
      this.counters.faultsInjected++;
      return fault;
    }

    const text = init.body ?? '';
    const requestBytes = Buffer.byteLength(text, 'utf8');
    const writeUnits = route.isWrite ? meteredUnits(requestBytes, this.limits.meteringUnitBytes) : 0;
    if (!this.quotas.allows(nowMs, { isWrite: route.isWrite, isBatch: route.isBatch === true, writeUnits })) return this.throttled();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return kvsError.badRequest('the body is not JSON');
    }

    const ctx: OperationContext = {
      store: this.store,
      limits: this.limits,
      nowMs,
      stats: this.counters,
      requestBytes,
      changed: () => this.file?.markDirty(),
    };
    const unitsBefore = { read: this.counters.readUnits, write: this.counters.writeUnits };
    try {
      return route.run(ctx, body);
    } catch (error) {
      if (error instanceof KvsServiceError) return error;
      // A bug in the emulator: answer like the service does on an internal failure, with the cause attached.
      return new KvsServiceError(500, 'INTERNAL_SERVER_ERROR', 'An internal server error has occurred', {
        emulatorError: error instanceof Error ? error.message : String(error),
      });
    } finally {
      // What the operation metered, whether it succeeded or refused an item (a miss still costs a read).
      this.quotas.charge(nowMs, {
        readUnits: this.counters.readUnits - unitsBefore.read,
        writeUnits: this.counters.writeUnits - unitsBefore.write,
        batch: route.isBatch === true,
      });
    }
  }

  private throttled(): KvsServiceError {
    this.counters.throttled++;
    return kvsError.rateLimited();
  }
}
