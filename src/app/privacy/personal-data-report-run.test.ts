import type {
  AccountVerdict,
  AuditLog,
  IndexedAccount,
  PersonalDataIndex,
  PersonalDataReporter,
  ReportedAccount,
  StoredDocument,
} from '../../ports';
import { FORMER_USER } from './former-user';
import {
  continuePersonalDataReport,
  PERSONAL_DATA_REPORT_TUNING,
  startPersonalDataReport,
  type PersonalDataReportCursor,
  type PersonalDataReportPorts,
  type PersonalDataReportRecord,
} from './personal-data-report-run';
import { ReportRefusal } from './report-refusal';

/**
 * The personal-data cycle on in-memory ports and a virtual clock, at the scale the queue exists for: tens of
 * thousands of accounts, invocations that run out of time, and an API that refuses.
 */
const START = Date.parse('2026-11-22T03:00:00.000Z');
const INVOCATION_MS = 55_000;

class MemoryDocument<T> implements StoredDocument<T> {
  value: T | null = null;
  read() {
    return Promise.resolve(this.value === null ? null : structuredClone(this.value));
  }
  write(value: T) {
    this.value = structuredClone(value);
    return Promise.resolve();
  }
  remove() {
    this.value = null;
    return Promise.resolve();
  }
}

class MemoryIndex implements PersonalDataIndex {
  readonly accounts = new Map<string, IndexedAccount>();
  remember() {
    return Promise.resolve();
  }
  count() {
    return Promise.resolve(this.accounts.size);
  }
  async *accountsAfter(after: string | null): AsyncIterable<IndexedAccount[]> {
    const sorted = [...this.accounts.keys()].sort().filter((id) => after === null || id > after);
    // Each page arrives asynchronously, as a storage read would.
    for (let i = 0; i < sorted.length; i += 20)
      yield await Promise.resolve(sorted.slice(i, i + 20).map((id) => structuredClone(this.accounts.get(id)!)));
  }
  markRefreshed(accountId: string, at: string) {
    const known = this.accounts.get(accountId);
    if (known) known.lastRefreshedAt = at;
    return Promise.resolve();
  }
  forget(accountId: string) {
    this.accounts.delete(accountId);
    return Promise.resolve();
  }
}

/** Answers from a table of statuses; `refusals` are thrown, one per request, before any answer. */
class ScriptedReporter implements PersonalDataReporter {
  readonly requests: Array<{ at: number; accounts: ReportedAccount[] }> = [];
  readonly statuses = new Map<string, AccountVerdict['status']>();
  refusals: ReportRefusal[] = [];
  constructor(private readonly now: () => number) {}
  report(accounts: readonly ReportedAccount[]): Promise<AccountVerdict[]> {
    this.requests.push({ at: this.now(), accounts: [...accounts] });
    const refusal = this.refusals.shift();
    if (refusal) return Promise.reject(refusal);
    return Promise.resolve(
      accounts.flatMap(({ accountId }) => {
        const status = this.statuses.get(accountId);
        return status ? [{ accountId, status }] : [];
      }),
    );
  }
}

function harness(accountCount: number) {
  let now = START;
  let deadline = START + INVOCATION_MS;
  const index = new MemoryIndex();
  for (let i = 0; i < accountCount; i += 1) {
    const accountId = `557058:${String(i).padStart(8, '0')}`;
    index.accounts.set(accountId, {
      accountId,
      uses: ['audit-actor'],
      firstStoredAt: '2026-01-01T00:00:00.000Z',
      lastRefreshedAt: '2026-01-01T00:00:00.000Z',
    });
  }
  const reporter = new ScriptedReporter(() => now);
  const queued: Array<{ runId: string; delaySeconds: number }> = [];
  const tombstoned: string[] = [];
  const auditLog: AuditLog = {
    append: () => Promise.resolve({ removed: 0, formerActors: [] }),
    read: () => Promise.resolve({ entries: [], next: null, approximateTotal: 0 }),
    pruneOlderThan: () => Promise.resolve({ removed: 0, formerActors: [] }),
    replaceAccount: (accountId, tombstone) => {
      tombstoned.push(`${accountId}->${tombstone}`);
      return Promise.resolve(1);
    },
  };
  const github = new MemoryDocument<{ connectedBy: string }>();
  const cursor = new MemoryDocument<PersonalDataReportCursor>();
  const lastReport = new MemoryDocument<PersonalDataReportRecord>();
  let runs = 0;
  const ports: PersonalDataReportPorts = {
    index,
    reporter,
    auditLog,
    connections: [github],
    cursor,
    lastReport,
    scheduler: { continueRun: (runId, delaySeconds) => Promise.resolve(void queued.push({ runId, delaySeconds })) },
    budget: { remainingMs: () => deadline - now },
    pause: { wait: (ms) => Promise.resolve(void (now += ms)) },
    clock: { now: () => new Date(now) },
    newRunId: () => `run-${(runs += 1)}`,
  };
  // Work takes time too: each request costs 200 ms of the budget.
  const reportTakes200ms = reporter.report.bind(reporter);
  reporter.report = async (accounts) => {
    now += 200;
    return reportTakes200ms(accounts);
  };
  /** A new invocation, `afterMs` later, with a fresh time budget. */
  const nextInvocation = (afterMs = 0) => {
    now += afterMs;
    deadline = now + INVOCATION_MS;
  };
  /** Runs queued slices until the queue is empty, each in its own invocation. */
  const drain = async () => {
    let slices = 0;
    while (queued.length > 0) {
      const job = queued.shift()!;
      nextInvocation(job.delaySeconds * 1000);
      await continuePersonalDataReport(ports, job.runId);
      slices += 1;
    }
    return slices;
  };
  return { ports, index, reporter, queued, tombstoned, github, cursor, lastReport, drain, nextInvocation, now: () => now };
}

describe('a personal-data report run', () => {
  it('reports tens of thousands of accounts across invocations, each exactly once, in chunks of at most 90', async () => {
    const h = harness(25_000);
    const closed = ['557058:00000007', '557058:00012345', '557058:00024999'];
    for (const accountId of closed) h.reporter.statuses.set(accountId, 'closed');
    h.reporter.statuses.set('557058:00020000', 'updated');

    const first = await startPersonalDataReport(h.ports);
    expect(first.kind).toBe('continues');
    const slices = await h.drain();

    expect(slices).toBeGreaterThan(3);
    const reported = h.reporter.requests.flatMap((request) => request.accounts.map((a) => a.accountId));
    expect(reported).toHaveLength(25_000);
    expect(new Set(reported).size).toBe(25_000);
    expect(Math.max(...h.reporter.requests.map((request) => request.accounts.length))).toBeLessThanOrEqual(90);
    // Paced: one request at a time, never closer than the pacing interval.
    const gaps = h.reporter.requests.slice(1).map((request, i) => request.at - h.reporter.requests[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PERSONAL_DATA_REPORT_TUNING.pacing.minIntervalMs);

    for (const accountId of closed) expect(h.index.accounts.has(accountId)).toBe(false);
    expect(h.tombstoned).toEqual(closed.map((accountId) => `${accountId}->${FORMER_USER}`));
    expect(h.index.accounts.get('557058:00020000')!.lastRefreshedAt).not.toBe('2026-01-01T00:00:00.000Z');
    expect(h.lastReport.value).toMatchObject({ accountsReported: 25_000, closed: 3, updated: 1, outcome: 'ok' });
    expect(h.cursor.value).toBeNull();
  });

  it('replaces a closed account as the owner of a connection', async () => {
    const h = harness(3);
    h.github.value = { connectedBy: '557058:00000001' };
    h.reporter.statuses.set('557058:00000001', 'closed');
    await startPersonalDataReport(h.ports);
    expect(h.github.value).toEqual({ connectedBy: FORMER_USER });
  });

  it('retries a 429 after Retry-After, backing off exponentially when the API gives no delay', async () => {
    const h = harness(100);
    h.reporter.refusals = [new ReportRefusal(429, 5), new ReportRefusal(503, null), new ReportRefusal(503, null)];
    await startPersonalDataReport(h.ports);
    const at = h.reporter.requests.map((request) => request.at - START);
    // 1st refused; 5 s later (Retry-After) the 2nd, refused without a delay: 2 s; then 4 s; then answered.
    expect(at.slice(0, 4)).toEqual([200, 5_400, 7_600, 11_800]);
    expect(h.reporter.requests.map((request) => request.accounts.length)).toEqual([90, 90, 90, 90, 10]);
    expect(h.lastReport.value).toMatchObject({ accountsReported: 100, outcome: 'ok' });
  });

  it('hands a chunk whose Retry-After does not fit in the invocation to a later one, with that delay', async () => {
    const h = harness(200);
    h.reporter.refusals = [new ReportRefusal(429, 120)];
    const outcome = await startPersonalDataReport(h.ports);
    expect(outcome).toEqual({ kind: 'continues', reported: 0, delaySeconds: 120 });
    await h.drain();
    expect(h.reporter.requests[1]!.at - h.reporter.requests[0]!.at).toBeGreaterThanOrEqual(120_000);
    expect(h.lastReport.value).toMatchObject({ accountsReported: 200, outcome: 'ok' });
  });

  it('gives up, recording a failed run, when the API refuses for a reason retrying cannot fix', async () => {
    const h = harness(200);
    h.reporter.refusals = [new ReportRefusal(403, null)];
    await expect(startPersonalDataReport(h.ports)).resolves.toMatchObject({
      kind: 'finished',
      record: { outcome: 'failed', accountsReported: 0 },
    });
    expect(h.cursor.value).toBeNull();
    expect(h.queued).toEqual([]);
  });

  it('gives up after too many slices in a row without an answer', async () => {
    const h = harness(10);
    h.reporter.refusals = Array.from({ length: 1000 }, () => new ReportRefusal(429, 600));
    await startPersonalDataReport(h.ports);
    await h.drain();
    expect(h.lastReport.value).toMatchObject({ outcome: 'failed', accountsReported: 0 });
    expect(h.cursor.value).toBeNull();
  });

  it('treats a trigger during a run as a duplicate, and starts over when a run was lost long ago', async () => {
    const h = harness(500);
    h.reporter.refusals = [new ReportRefusal(429, 300)];
    await startPersonalDataReport(h.ports);
    await expect(startPersonalDataReport(h.ports)).resolves.toEqual({ kind: 'skipped', reason: 'run-in-progress' });
    // The queued slice is lost; a week later the next trigger starts a new run, and the lost slice is void.
    const lost = h.queued.shift()!;
    h.nextInvocation(7 * 86_400_000);
    await expect(startPersonalDataReport(h.ports)).resolves.toMatchObject({
      kind: 'finished',
      record: { accountsReported: 500, outcome: 'ok' },
    });
    await expect(continuePersonalDataReport(h.ports, lost.runId)).resolves.toEqual({ kind: 'skipped', reason: 'not-the-current-run' });
  });
});
