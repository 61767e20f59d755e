import { expect } from '@jest/globals';
import { PersonalDataService, type ReceivedReport } from '../../dev/atlassian/personal-data';
import { DEMO_REPOSITORIES } from '../../dev/github/demo-github';
import { DEMO_CHANNELS } from '../../dev/slack/demo-slack';
import { createSettingsTestSite, dataOf, PEOPLE, type SettingsTestSite } from '../../dev/testing/settings-test-site';
import { storedAuditEntries, storedPersonalDataIndex, storedRecord, storedValue } from '../../dev/testing/stored-values';
import { storageKeys } from '../adapters/kvs/storage-keys';
import {
  GITHUB_CONNECTION_RECORD,
  LAST_PERSONAL_DATA_REPORT_RECORD,
  PERSONAL_DATA_REPORT_CURSOR_RECORD,
  SLACK_CONNECTION_RECORD,
} from '../adapters/kvs/stored-record-kinds';
import { FORMER_USER } from '../app/privacy/former-user';

/**
 * The weekly personal-data report, run by the local platform on the real SDKs (`privacy.reportPersonalData`
 * included) against the simulated `/app/report-accounts`: closed accounts vanish from every stored value,
 * updated ones are refreshed, 429s are waited out, and a long run continues on the queue.
 */
const TRIGGER = 'weekly-personal-data-report';
const LONG_AGO = '2026-01-01T00:00:00.000Z';

let service: PersonalDataService;
let site: SettingsTestSite;

beforeEach(() => {
  service = new PersonalDataService();
  site = createSettingsTestSite(() => new Date(), service);
  site.platform.install();
});

afterEach(() => site.platform.uninstall());

/** Account ids shaped like Atlassian's, sorted as KVS lists them. */
const someAccounts = (count: number) => Array.from({ length: count }, (_, i) => `5c2d1e0f3a4b5c6d7e8f${String(i).padStart(4, '0')}`);

async function seedIndex(accountIds: readonly string[]): Promise<void> {
  for (const accountId of accountIds) {
    const value = { accountId, uses: ['audit-actor'], firstStoredAt: LONG_AGO, lastRefreshedAt: LONG_AGO };
    const answer = await site.kvs.fetch('/api/v1/set', {
      method: 'POST',
      body: JSON.stringify({ key: `personal-data:account:${accountId}`, value }),
    });
    expect(answer.ok).toBe(true);
  }
}

const lastReport = () => storedRecord(site.kvs, LAST_PERSONAL_DATA_REPORT_RECORD, storageKeys.lastPersonalDataReport);
const reportCursor = () => storedRecord(site.kvs, PERSONAL_DATA_REPORT_CURSOR_RECORD, storageKeys.personalDataReportCursor);
const everythingStored = () => JSON.stringify([site.kvs.listPlain(), site.kvs.listSecrets()]);
const answered = (reports: readonly ReceivedReport[]) => reports.filter((report) => report.status === 200 || report.status === 204);
const reportedIds = (reports: readonly ReceivedReport[]) => answered(reports).flatMap((report) => report.accounts.map((a) => a.accountId));

async function runToTheEnd(): Promise<void> {
  await site.platform.runScheduledTrigger(TRIGGER);
  await site.platform.drainQueue();
}

describe('the weekly personal-data report', () => {
  it('erases a closed account from every stored value, keeping its audit events under a tombstone', async () => {
    await site.call(PEOPLE.admin, 'connectGitHub', { token: site.github.tokens.readOnly.token, repositories: [DEMO_REPOSITORIES.webApp] });
    await site.call(PEOPLE.admin, 'connectSlack', { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics });
    const others = someAccounts(250);
    await seedIndex(others);
    const closedOther = others[7]!;
    const updatedOther = others[100]!;
    service.setAccountStatus(PEOPLE.admin, 'closed');
    service.setAccountStatus(closedOther, 'closed');
    service.setAccountStatus(updatedOther, 'updated');
    const auditBefore = storedAuditEntries(site.kvs);
    expect(auditBefore.length).toBeGreaterThanOrEqual(2);
    expect(everythingStored()).toContain(PEOPLE.admin);

    await runToTheEnd();

    // Gone from every plain value and every secret, keys included.
    const stored = everythingStored();
    expect(stored).not.toContain(PEOPLE.admin);
    expect(stored).not.toContain(closedOther);
    // The audit trail keeps every event, now by the tombstone.
    const auditAfter = storedAuditEntries(site.kvs);
    expect(auditAfter.map((entry) => [entry.id, entry.action, entry.at])).toEqual(
      auditBefore.map((entry) => [entry.id, entry.action, entry.at]),
    );
    expect(new Set(auditAfter.map((entry) => entry.actorAccountId))).toEqual(new Set([FORMER_USER]));
    // The connections stay, owned by the tombstone; their tokens are untouched.
    expect(storedRecord(site.kvs, GITHUB_CONNECTION_RECORD, storageKeys.githubConnection)).toMatchObject({
      connectedBy: FORMER_USER,
      login: expect.any(String),
    });
    expect(storedRecord(site.kvs, SLACK_CONNECTION_RECORD, storageKeys.slackConnection)).toMatchObject({ connectedBy: FORMER_USER });
    expect(
      site.kvs
        .listSecrets()
        .map((entry) => entry.key)
        .sort(),
    ).toEqual(['secret:github-token', 'secret:slack-bot-token']);
    // The updated account is refreshed; the others are left alone (writes are costly).
    const index = storedPersonalDataIndex(site.kvs);
    expect(index).toHaveLength(others.length - 1);
    const refreshed = index.find((entry) => entry.value.accountId === updatedOther);
    expect(Date.parse(refreshed?.value.lastRefreshedAt ?? LONG_AGO)).toBeGreaterThan(Date.parse(LONG_AGO));
    expect(index.filter((entry) => entry.value.lastRefreshedAt !== LONG_AGO).map((entry) => entry.key)).toEqual([
      `personal-data:account:${updatedOther}`,
    ]);

    // Every account was reported once, at most 90 per request.
    const reports = service.receivedReports();
    expect(reports.every((report) => report.accounts.length <= 90)).toBe(true);
    expect(reportedIds(reports).sort()).toEqual([PEOPLE.admin, ...others].sort());

    // The settings page reads the outcome.
    expect(lastReport()).toMatchObject({ accountsReported: others.length + 1, closed: 2, updated: 1, outcome: 'ok' });
    expect(storedValue(site.kvs, storageKeys.personalDataReportCursor)).toBeUndefined();
    // Nothing about the accounts reached the logs.
    const logs = JSON.stringify(site.platform.logs.all());
    expect(logs).toContain('[personal-data-report] ok: reported 251, closed 2, updated 1');
    for (const accountId of [PEOPLE.admin, closedOther, updatedOther]) expect(logs).not.toContain(accountId);
  });

  it('shows the outcome on the settings page', async () => {
    await site.call(PEOPLE.admin, 'connectSlack', { token: site.slack.tokens.bot.token, channelId: DEMO_CHANNELS.flowMetrics });
    await runToTheEnd();
    const answer = await site.call(PEOPLE.admin, 'getDataPrivacy');
    expect(dataOf(answer).lastPersonalDataReport).toEqual({
      at: expect.any(String),
      accountsReported: 1,
      closed: 0,
      updated: 0,
      outcome: 'ok',
    });
  });

  it('waits out 429s and 5xx answers, one request at a time, never sooner than Retry-After', async () => {
    const accounts = someAccounts(300);
    await seedIndex(accounts);
    await service.handle({
      method: 'POST',
      path: '/__atlassian/chaos',
      headers: {},
      body: JSON.stringify({ rate429: 0.4, rate5xx: 0.1, retryAfterSeconds: 1, seed: 7 }),
    });

    await runToTheEnd();

    const reports = service.receivedReports();
    const refused = reports.filter((report) => report.status === 429 || report.status >= 500);
    expect(refused.length).toBeGreaterThan(0);
    expect(service.stats().earlyRetries).toBe(0);
    // Each chunk was answered once: nothing lost, nothing reported twice.
    expect(reportedIds(reports).sort()).toEqual([...accounts].sort());
    expect(reports.every((report) => report.accounts.length <= 90)).toBe(true);
    // Paced: the app starts consecutive requests at least 700 ms apart. The service stamps each request when it
    // arrives, a few milliseconds after it left, and on a loaded machine one request may be delayed more than the
    // next; 600 ms at the service still proves the pacing (unpaced requests arrive within milliseconds of each
    // other) without depending on the machine's load.
    const gaps = reports.slice(1).map((report, i) => Date.parse(report.receivedAt) - Date.parse(reports[i]!.receivedAt));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(600);
    expect(lastReport()).toMatchObject({ accountsReported: 300, outcome: 'ok' });
  }, 90_000);

  it('continues a long run on the queue, slice by slice, and ignores a duplicate trigger meanwhile', async () => {
    const accounts = someAccounts(500);
    await seedIndex(accounts);
    service.setAccountStatus(accounts[450]!, 'closed');
    site.platform.environment.set('PERSONAL_DATA_MAX_CHUNKS_PER_SLICE', '2');

    await site.platform.runScheduledTrigger(TRIGGER);
    expect(reportedIds(service.receivedReports())).toEqual(accounts.slice(0, 180));
    expect(reportCursor()).toMatchObject({ afterAccountId: accounts[179], accountsReported: 180 });
    expect(site.platform.queue.peek().map((event) => event.body)).toEqual([{ job: 'personal-data-report', runId: expect.any(String) }]);

    // A duplicated trigger run starts nothing while the run is in progress.
    await expect(site.platform.runScheduledTrigger(TRIGGER)).resolves.toEqual({ kind: 'skipped', reason: 'run-in-progress' });
    expect(service.receivedReports()).toHaveLength(2);

    const { processed } = await site.platform.drainQueue();
    expect(processed).toBe(2);
    expect(reportedIds(service.receivedReports())).toEqual(accounts);
    expect(everythingStored()).not.toContain(accounts[450]);
    expect(lastReport()).toMatchObject({ accountsReported: 500, closed: 1, outcome: 'ok' });
    expect(storedValue(site.kvs, storageKeys.personalDataReportCursor)).toBeUndefined();
  }, 60_000);

  it("keeps no closed account's id anywhere while the run is still going, the cursor included", async () => {
    const accounts = someAccounts(500);
    await seedIndex(accounts);
    // The last account of the first and of the second chunk: where a cursor would naturally resume from.
    const closed = [accounts[89]!, accounts[179]!, accounts[178]!];
    for (const accountId of closed) service.setAccountStatus(accountId, 'closed');
    site.platform.environment.set('PERSONAL_DATA_MAX_CHUNKS_PER_SLICE', '2');

    await site.platform.runScheduledTrigger(TRIGGER);
    // Mid-run: the next slice is queued, the cursor saved, and no value names a closed account.
    expect(site.platform.queue.size).toBe(1);
    expect(reportCursor()).toMatchObject({ accountsReported: 180, closed: 3 });
    for (const accountId of closed) expect([accountId, everythingStored().includes(accountId)]).toEqual([accountId, false]);

    // The run resumes without skipping or repeating anyone.
    await site.platform.drainQueue();
    expect(reportedIds(service.receivedReports())).toEqual(accounts);
    expect(lastReport()).toMatchObject({ accountsReported: 500, closed: 3, outcome: 'ok' });
  }, 60_000);

  it('finishes the run when a slice is killed half way, the queue delivering it again', async () => {
    const accounts = someAccounts(400);
    await seedIndex(accounts);
    service.setAccountStatus(accounts[300]!, 'closed');
    site.platform.environment.set('PERSONAL_DATA_MAX_CHUNKS_PER_SLICE', '2');
    await site.platform.runScheduledTrigger(TRIGGER);
    site.platform.crashNextInvocation('sync-job-worker', 12);

    await site.platform.drainQueue();

    expect(site.platform.crashLog).toEqual([expect.objectContaining({ functionKey: 'sync-job-worker', fired: true })]);
    // A chunk may be reported twice after a crash; none is skipped.
    expect(new Set(reportedIds(service.receivedReports()))).toEqual(new Set(accounts));
    expect(everythingStored()).not.toContain(accounts[300]);
    expect(lastReport()).toMatchObject({ closed: 1, outcome: 'ok' });
    expect(storedValue(site.kvs, storageKeys.personalDataReportCursor)).toBeUndefined();
  }, 60_000);

  it('drops a queued slice of a run that is over', async () => {
    const body = { job: 'personal-data-report', runId: 'old-run' };
    site.platform.queue.handle(
      '/webhook/queue/publish/sync-jobs',
      JSON.stringify({ queueName: 'sync-jobs', jobId: 'old-job', payload: [{ body }] }),
    );
    await site.platform.drainQueue();
    expect(service.receivedReports()).toEqual([]);
    expect(JSON.stringify(site.platform.logs.all())).toContain('skipped (not-the-current-run)');
  });
});
