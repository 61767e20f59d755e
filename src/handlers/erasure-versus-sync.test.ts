import { WITHOUT_QUOTAS } from '../../dev/kvs';
import { issueFacts, SyncHarness } from '../../dev/testing/local-sync-harness';
import { ERASE_CONFIRMATION_PHRASE, type ProjectViewData } from '../shared/resolver-contract';

/**
 * Erasure, and unticking a project, against sync jobs already queued or running: a job must never write back
 * what an admin removed. After each scenario the whole store is read, not only what the page shows.
 */
// Many syncs replayed in seconds: the KVS quotas have their own tests (storage-quota.test.ts).
const harness = new SyncHarness({ kvsLimits: WITHOUT_QUOTAS });
afterAll(() => harness.close());

const settings = harness.settingsAs('admin');
const DEMO_PROJECTS = ['FLOW', 'SPR', 'BUG'];

async function eraseAll(): Promise<void> {
  let answer: Awaited<ReturnType<typeof settings<'eraseAllAppData'>>>;
  do answer = await settings('eraseAllAppData', { confirmation: ERASE_CONFIRMATION_PHRASE });
  while (answer.ok && !answer.data.done);
  expect(answer).toMatchObject({ ok: true, data: { done: true } });
}

/** Every stored key (plain or secret) that belongs to one of the projects. */
const projectKeysLeft = () =>
  [...harness.kvs.listPlain(), ...harness.kvs.listSecrets()].map((entry) => entry.key).filter((key) => key.startsWith('project:'));

async function measureAndSync(...projectKeys: string[]): Promise<void> {
  for (const projectKey of projectKeys)
    expect(await settings('setProjectMeasured', { projectKey, measured: true })).toMatchObject({ ok: true });
  await harness.platform.drainQueue();
}

beforeEach(() => {
  harness.kvs.clear();
  harness.beforeAppRequest = null;
  harness.platform.environment.set('SYNC_MAX_BATCHES_PER_SLICE', undefined);
});

it('erase all while rebuilds of three projects are queued: the rebuilds store nothing', async () => {
  await measureAndSync(...DEMO_PROJECTS);
  for (const projectKey of DEMO_PROJECTS) {
    expect(await settings('requestProjectSync', { projectKey, mode: 'rebuild' })).toMatchObject({ ok: true });
  }
  expect(harness.platform.queue.size).toBe(3);
  await eraseAll();
  await harness.platform.drainQueue();
  expect(projectKeysLeft()).toEqual([]);
  // Nothing is measured, so the next scheduled runs and the purge find nothing to keep either.
  await harness.runScheduledSync();
  expect(projectKeysLeft()).toEqual([]);
  const view = await harness.invoke<ProjectViewData>('getProjectView', 'FLOW', harness.user('member'));
  expect(view).toMatchObject({ ok: true, data: { measured: false, history: null } });
}, 60_000);

it('erase all between two slices of a running backfill: the next slice stores nothing', async () => {
  harness.platform.environment.set('SYNC_MAX_BATCHES_PER_SLICE', '1');
  expect(await settings('setProjectMeasured', { projectKey: 'FLOW', measured: true })).toMatchObject({ ok: true });
  await harness.platform.drainQueue({ maxEvents: 1 }).catch(() => undefined);
  // The first slice stored part of the history and queued the next.
  expect(projectKeysLeft().some((key) => key.includes(':shard:'))).toBe(true);
  expect(harness.platform.queue.size).toBe(1);
  await eraseAll();
  await harness.platform.drainQueue();
  expect(projectKeysLeft()).toEqual([]);
}, 60_000);

it('erase all landing in the middle of a slice: what the slice writes afterwards does not stay', async () => {
  await measureAndSync('FLOW');
  expect(await settings('requestProjectSync', { projectKey: 'FLOW', mode: 'rebuild' })).toMatchObject({ ok: true });
  let erasedMidSlice = false;
  harness.beforeAppRequest = async (request) => {
    // Once the rebuild has listed the project and starts reading changelogs, the admin erases everything.
    if (erasedMidSlice || !request.path.includes('/changelog/bulkfetch')) return;
    erasedMidSlice = true;
    await eraseAll();
    expect(projectKeysLeft().filter((key) => !key.endsWith(':sync-lock'))).toEqual([]);
  };
  await harness.platform.drainQueue();
  expect(erasedMidSlice).toBe(true);
  expect(projectKeysLeft()).toEqual([]);
}, 60_000);

it('unticking a project while its rebuild is queued: the rebuild does not run', async () => {
  await measureAndSync('FLOW');
  const before = harness.snapshot();
  expect(await settings('requestProjectSync', { projectKey: 'FLOW', mode: 'rebuild' })).toMatchObject({ ok: true });
  expect(await settings('setProjectMeasured', { projectKey: 'FLOW', measured: false })).toMatchObject({ ok: true });
  await harness.resetStats();
  await harness.platform.drainQueue();
  // Not one request to Jira, and the stored history is the one there was before the request.
  expect((await harness.stats()).total).toBe(0);
  const after = harness.snapshot();
  for (const key of Object.keys(before).filter((key) => key.startsWith('project:FLOW:') && !key.endsWith(':sync-state'))) {
    expect([key, after[key]]).toEqual([key, before[key]]);
  }
  expect(
    Object.keys(after)
      .filter((key) => key.startsWith('project:FLOW:shard:'))
      .sort(),
  ).toEqual(
    Object.keys(before)
      .filter((key) => key.startsWith('project:FLOW:shard:'))
      .sort(),
  );
}, 60_000);

it('the project view of a project no longer measured serves no history', async () => {
  await measureAndSync('FLOW');
  const measured = await harness.invoke<ProjectViewData>('getProjectView', 'FLOW', harness.user('member'));
  expect(measured).toMatchObject({ ok: true });
  expect(measured.ok ? measured.data.history : null).not.toBeNull();
  expect(await settings('setProjectMeasured', { projectKey: 'FLOW', measured: false })).toMatchObject({ ok: true });
  const view = await harness.invoke<ProjectViewData>('getProjectView', 'FLOW', harness.user('member'));
  expect(view).toMatchObject({ ok: true, data: { measured: false, history: null, dataAsOf: null } });
  // A later part asked for directly is not served either.
  expect(await harness.invoke<ProjectViewData>('getProjectView', 'FLOW', harness.user('member'), { fromShard: 1 })).toMatchObject({
    ok: true,
    data: { history: null },
  });
}, 60_000);

it('unticked between two slices of its first backfill, then purged: the backfill writes nothing more', async () => {
  harness.platform.environment.set('SYNC_MAX_BATCHES_PER_SLICE', '1');
  expect(await settings('setProjectMeasured', { projectKey: 'FLOW', measured: true })).toMatchObject({ ok: true });
  await harness.platform.drainQueue({ maxEvents: 1 }).catch(() => undefined);
  expect(harness.platform.queue.size).toBe(1);
  expect(await settings('setProjectMeasured', { projectKey: 'FLOW', measured: false })).toMatchObject({ ok: true });
  // The daily purge, run now (Purge now queues this same run).
  await expect(harness.platform.runScheduledTrigger('daily-retention-purge')).resolves.toMatchObject({
    kind: 'finished',
    outcome: { skippedProjects: [] },
  });
  const afterPurge = harness.snapshot();
  await harness.resetStats();
  await harness.platform.drainQueue();
  expect((await harness.stats()).total).toBe(0);
  expect(harness.snapshot()).toEqual(afterPurge);
  // The half-made history never became the live one the page would show.
  expect(afterPurge['project:FLOW:history']).toBeUndefined();
}, 60_000);

it('a purge landing in the middle of a running slice leaves the project to the job, which finishes it whole', async () => {
  await measureAndSync('FLOW');
  expect(await settings('requestProjectSync', { projectKey: 'FLOW', mode: 'rebuild' })).toMatchObject({ ok: true });
  let purge: unknown = null;
  harness.beforeAppRequest = async (request) => {
    if (purge !== null || !request.path.includes('/changelog/bulkfetch')) return;
    purge = await harness.platform.runScheduledTrigger('daily-retention-purge');
  };
  await harness.platform.drainQueue();
  // The job held the project's lock: the purge left it for tomorrow rather than rewrite it under the job.
  expect(purge).toMatchObject({ kind: 'finished', outcome: { skippedProjects: ['FLOW'] } });
  harness.beforeAppRequest = null;
  const { history, view } = await harness.viewedHistory('FLOW');
  expect(view.sync).toMatchObject({ status: 'ok' });
  expect(issueFacts(history!)).toEqual(issueFacts(await harness.truth('FLOW')));
}, 60_000);
