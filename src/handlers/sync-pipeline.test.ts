import { expect } from '@jest/globals';
import { WITHOUT_QUOTAS } from '../../dev/kvs';
import { HISTORY_STORAGE_FORMAT } from '../app/sync/history-manifest';
import { fakeTheDateOnly } from '../../dev/testing/fake-clock';
import { issueFacts, SyncHarness } from '../../dev/testing/local-sync-harness';
import { sweepDue } from '../app/sync/project-sync';
import { parseIsoTimestamp } from '../domain';
import type { ProjectViewData, SyncNowData, SyncState } from '../shared/resolver-contract';

/**
 * The sync pipeline end to end on the local platform: the app's real handlers and the real @forge/*
 * packages against the simulated Jira site. What the project page decodes must equal what Jira holds
 * (the site's export with complete changelogs, read by the engine), after a backfill and after every kind
 * of change between syncs.
 */
describe('syncing a project from Jira into compact storage', () => {
  let harness: SyncHarness;
  beforeAll(async () => {
    harness = new SyncHarness({ kvsLimits: WITHOUT_QUOTAS });
    await harness.measure('FLOW', 'BUG');
  });
  afterAll(() => harness.close());

  // As the admin, whom every security level admits: Jira's truth includes the secured issues.
  const expectStoredEqualsJira = async (projectKey: string) => {
    const { history } = await harness.viewedHistory(projectKey, harness.user('admin'));
    expect(history).not.toBeNull();
    expect(issueFacts(history!)).toEqual(issueFacts(await harness.truth(projectKey)));
  };

  it('backfills every measured project through the queue, exactly as Jira holds it', async () => {
    await harness.resetStats();
    await harness.runScheduledSync();
    await expectStoredEqualsJira('FLOW');
    await expectStoredEqualsJira('BUG');
    const { view } = await harness.viewedHistory('FLOW');
    expect(view.sync).toMatchObject({ status: 'ok', lastError: null, progress: null });
    // Bulk changelog instead of per-issue changelogs, search instead of expand=changelog.
    const stats = await harness.stats();
    expect(stats.byEndpoint['GET /rest/api/3/issue/{issueIdOrKey}/changelog']).toBeUndefined();
    expect(stats.byEndpoint['POST /rest/api/3/changelog/bulkfetch']).toBeLessThanOrEqual(6);
    // Facts by expression, a thousand issues an evaluation (their labels fit): FLOW's first 1000 issues, BUG's
    // 1000 and 350 (FLOW's last 100 are cheaper by one field search).
    expect(stats.byEndpoint['POST /rest/api/3/expression/evaluate']).toBe(3);
  });

  it('stores columnar shards under the value limit, with a format version', async () => {
    const stored = harness.snapshot();
    const manifest = stored['project:FLOW:history'] as { format: number; shards: Array<{ ref: string; count: number }> };
    expect(manifest.format).toBe(HISTORY_STORAGE_FORMAT);
    expect(manifest.shards.reduce((sum, shard) => sum + shard.count, 0)).toBe((await harness.truth('FLOW')).key.length);
    for (const shard of manifest.shards) {
      const text = stored[`project:FLOW:shard:${shard.ref}`];
      expect(typeof text).toBe('string');
      expect(Buffer.byteLength(JSON.stringify(text))).toBeLessThan(240 * 1024);
    }
    // Nothing but the history, its Overview summary, the cursor and the state is left behind: no lock, no id list, no staging.
    expect(
      Object.keys(stored)
        .filter((key) => key.startsWith('project:FLOW:') && !key.includes(':shard:'))
        .sort(),
    ).toEqual(['project:FLOW:history', 'project:FLOW:overview-summary', 'project:FLOW:sync-cursor', 'project:FLOW:sync-state']);
  });

  it('catches up incrementally with a few requests, rewriting only the shards that changed', async () => {
    const keys = ['FLOW-3', 'FLOW-500', 'FLOW-1000'];
    await harness.jira('POST', `/__jira/issues/${keys[0]}/status`, { status: 'In Progress' });
    await harness.jira('POST', `/__jira/issues/${keys[1]}/status`, { status: 'Done' });
    await harness.jira('POST', `/__jira/issues/${keys[2]}/flag`, { flagged: true });
    const created = await harness.jira<{ key: string }>('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'FLOW' }, issuetype: { name: 'Story' }, summary: 'A new story' },
    });
    expect(created.status).toBe(201);
    const before = harness.snapshot();
    await harness.resetStats();
    const writesBefore = harness.kvs.stats().writes;

    await harness.runScheduledSync();

    const stats = await harness.stats();
    // Per project one search page and one bulk changelog call (BUG: for the overlap the first incremental
    // sync reads again after a backfill); in each project's sweep hour, one ids-only listing.
    const sweeps = ['FLOW', 'BUG'].filter((key) => sweepDue('scheduled', key, new Date())).length;
    expect(stats.total).toBeLessThanOrEqual(4 + sweeps);
    await expectStoredEqualsJira('FLOW');
    const after = harness.snapshot();
    const shardsOf = (snapshot: Record<string, unknown>) => Object.keys(snapshot).filter((key) => key.startsWith('project:FLOW:shard:'));
    const rewritten = shardsOf(after).filter((key) => !(key in before));
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.length).toBeLessThanOrEqual(4);
    // BUG did not change: not one of its keys was written but its cursor and state.
    for (const key of Object.keys(after).filter((k) => k.startsWith('project:BUG:') && !/sync-(state|cursor)$/.test(k))) {
      expect(after[key]).toEqual(before[key]);
    }
    expect(harness.kvs.stats().writes - writesBefore).toBeLessThan(25);

    // Nothing changed since: one search per project, and no writes but the lock and the sync state.
    await harness.resetStats();
    const writesIdle = harness.kvs.stats().writes;
    const idleBefore = harness.snapshot();
    await harness.runScheduledSync();
    expect((await harness.stats()).total).toBe(2 + sweeps);
    expect(harness.kvs.stats().writes - writesIdle).toBe(2 * 4);
    const idleAfter = harness.snapshot();
    expect(
      Object.keys(idleAfter)
        .filter((key) => JSON.stringify(idleAfter[key]) !== JSON.stringify(idleBefore[key]))
        .sort(),
    ).toEqual(['project:BUG:sync-state', 'project:FLOW:sync-state']);
  });

  it('applies a single issue change between syncs from the issue event, and ignores irrelevant edits', async () => {
    const moved = await harness.jira<{ id: string; key: string }>('POST', '/__jira/issues/FLOW-7/status', { status: 'QA' });
    expect(moved.status).toBe(200);
    await harness.resetStats();
    const event = {
      eventType: 'avi:jira:updated:issue',
      issue: { id: moved.body.id, key: 'FLOW-7', fields: { project: { key: 'FLOW' } } },
      changelog: { id: '1', items: [{ field: 'status', fieldId: 'status' }] },
      atlassianId: harness.user('member'),
    };
    await harness.platform.deliverProductEvent(event);
    expect((await harness.stats()).total).toBe(2);
    await expectStoredEqualsJira('FLOW');

    // A label is a facet the charts filter by: its change is read too.
    await harness.resetStats();
    await harness.platform.deliverProductEvent({ ...event, changelog: { id: '2', items: [{ field: 'labels', fieldId: 'labels' }] } });
    expect((await harness.stats()).total).toBe(2);

    await harness.resetStats();
    await harness.platform.deliverProductEvent({ ...event, changelog: { id: '3', items: [{ field: 'summary', fieldId: 'summary' }] } });
    await harness.platform.deliverProductEvent({ ...event, issue: { ...event.issue, fields: { project: { key: 'SPR' } } } });
    expect((await harness.stats()).total).toBe(0);
  });

  it('removes a deleted issue from the history when its event arrives, without asking Jira', async () => {
    const events: Array<{ eventType: string } & Record<string, unknown>> = [];
    const listen = (event: { eventType: string } & Record<string, unknown>) => events.push(event);
    harness.site.events.on('issue-event', listen);
    try {
      expect((await harness.jira('DELETE', '/__jira/issues/FLOW-9')).status).toBe(204);
    } finally {
      harness.site.events.off('issue-event', listen);
    }
    expect(events.map((event) => event.eventType)).toEqual(['avi:jira:deleted:issue']);
    expect((await harness.viewedHistory('FLOW')).history!.key).toContain('FLOW-9');
    await harness.resetStats();
    expect(await harness.platform.deliverProductEvent(events[0]!)).toBe(1);
    expect((await harness.stats()).total).toBe(0);
    const { history } = await harness.viewedHistory('FLOW');
    expect(history!.key).not.toContain('FLOW-9');
    await expectStoredEqualsJira('FLOW');
    // Delivered again (Forge delivers at least once), it changes nothing.
    const before = harness.snapshot();
    await harness.platform.deliverProductEvent(events[0]!);
    const after = harness.snapshot();
    expect(
      Object.keys(after).filter((key) => key.startsWith('project:FLOW:') && JSON.stringify(after[key]) !== JSON.stringify(before[key])),
    ).toEqual([]);
  });

  it('finds deleted and moved issues with the periodic ids-only sweep', async () => {
    await harness.jira('DELETE', '/__jira/issues/FLOW-11');
    await harness.jira('POST', '/__jira/issues/FLOW-12/move', { project: 'SPR' });
    // Hourly runs sweep once a day (in the project's hour); "sync now" always does.
    await harness.kvs.fetch('/api/v1/delete', { method: 'POST', body: JSON.stringify({ key: 'project:FLOW:sync-now' }) });
    await harness.resetStats();
    await expect(harness.syncNow('FLOW')).resolves.toMatchObject({ ok: true });
    await harness.platform.drainQueue();
    expect((await harness.stats()).byEndpoint['POST /rest/api/3/search/jql']).toBeLessThanOrEqual(4);
    await expectStoredEqualsJira('FLOW');
    const { history } = await harness.viewedHistory('FLOW');
    expect(history!.key).not.toContain('FLOW-11');
    expect(history!.key).not.toContain('FLOW-12');
  });

  it('drops issues done before the retention window, and does not read them back', async () => {
    const truth = await harness.truth('FLOW');
    // A window that ends in the middle of the demo data.
    const created = [...truth.created].sort((a, b) => a - b);
    const days = Math.max(30, Math.ceil((Date.now() - created[Math.floor(created.length / 2)]!) / 86_400_000));
    const kept = issueFacts(truth).filter((issue) => {
      const last = issue.transitions[issue.transitions.length - 1];
      const status = truth.statuses.find((candidate) => candidate.id === (last ? last[1] : issue.initialStatus));
      // Kept: not done, or done within the window (a little slack for the seconds the test takes).
      return status?.category !== 'done' || (last ? last[0] : issue.created) >= Date.now() - days * 86_400_000 + 60_000;
    });
    await harness.setValue('settings:retention', { retentionDays: days });
    const result = (await harness.platform.runScheduledTrigger('daily-retention-purge')) as { outcome: { removedIssues: number } };
    expect(result.outcome.removedIssues).toBeGreaterThan(0);
    expect(issueFacts((await harness.viewedHistory('FLOW')).history!)).toEqual(kept);

    // A later sync does not bring them back, even those it reads again.
    await harness.jira('POST', `/__jira/issues/${truth.key[0]}/flag`, { flagged: true });
    await harness.kvs.fetch('/api/v1/delete', { method: 'POST', body: JSON.stringify({ key: 'project:FLOW:sync-now' }) });
    await harness.syncNow('FLOW').then(() => harness.platform.drainQueue());
    expect(issueFacts((await harness.viewedHistory('FLOW')).history!).map((issue) => issue.id)).toEqual(kept.map((issue) => issue.id));
    await harness.setValue('settings:retention', { retentionDays: 730 });
  });

  it('rebuilds a history stored before facets were kept from Jira, serving it to no one meanwhile', async () => {
    const manifest = harness.snapshot()['project:BUG:history'] as { format: number };
    await harness.setValue('project:BUG:history', { ...manifest, format: 2 });
    // It does not say what its issues are filed under (nor, before format 2, which are secured): not served.
    expect((await harness.viewedHistory('BUG', harness.user('admin'))).history).toBeNull();
    await harness.resetStats();
    await harness.runScheduledSync();
    expect((harness.snapshot()['project:BUG:history'] as { format: number }).format).toBe(HISTORY_STORAGE_FORMAT);
    expect((await harness.stats()).byEndpoint['POST /rest/api/3/changelog/bulkfetch']).toBeGreaterThan(0);
    await expectStoredEqualsJira('BUG');
    expect((await harness.viewedHistory('BUG', harness.user('admin'))).history!.facets!.labels.length).toBeGreaterThan(0);
  });

  describe('the project view resolver', () => {
    it('answers nothing computed to a user who may not browse the project', async () => {
      const outsider = harness.user('outsider');
      for (const fn of ['getProjectView', 'getSyncState', 'syncNow']) {
        await expect(harness.invoke(fn, 'BUG', outsider)).resolves.toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: expect.any(String) },
        });
      }
    });

    it('refuses unexpected input with a typed error', async () => {
      const member = harness.user('member');
      await expect(harness.invoke('getProjectView', 'FLOW', member, { projectKey: 'BUG' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      await expect(harness.invoke('getProjectView', 'FLOW', member, { fromShard: -1 })).resolves.toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    });

    it('answers the history, workflow and sync state, and keeps getProjectPage working', async () => {
      const { view, history } = await harness.viewedHistory('FLOW');
      expect(Date.parse(view.dataAsOf!)).toBeLessThanOrEqual(Date.now());
      expect(view.workflow.stages.map((stage) => stage.name)).toEqual(['To Do', 'In Progress', 'Done']);
      expect(history!.statuses.map((status) => status.name)).toEqual(expect.arrayContaining(['Backlog', 'In Progress', 'Done']));
      const page = await harness.invoke<{ sync: SyncState }>('getProjectPage', 'FLOW', harness.user('member'));
      expect(page).toMatchObject({ ok: true, data: { sync: { status: 'ok' } } });
      const state = await harness.invoke<SyncState>('getSyncState', 'FLOW', harness.user('member'));
      expect(state).toMatchObject({ ok: true, data: { status: 'ok' } });
    });

    it('queues "sync now" at most once per project every few minutes', async () => {
      await harness.kvs.fetch('/api/v1/delete', { method: 'POST', body: JSON.stringify({ key: 'project:BUG:sync-now' }) });
      const first = await harness.syncNow('BUG', harness.user('admin'));
      expect(first).toMatchObject({ ok: true, data: { sync: { status: 'queued' } } });
      expect(Date.parse((first as { data: SyncNowData }).data.nextAllowedAt)).toBeGreaterThan(Date.now() + 200_000);
      const second = await harness.syncNow('BUG', harness.user('member'));
      expect(second).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED', message: expect.stringMatching(/You can ask again in 5 minutes\.$/) },
      });
      // The refused request queued nothing: one job runs, the first one's.
      expect(await harness.platform.drainQueue()).toEqual({ processed: 1 });
      await expect(harness.syncNow('SPR')).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const view = await harness.invoke<ProjectViewData>('getProjectView', 'BUG', harness.user('member'));
      expect(view).toMatchObject({ ok: true, data: { sync: { status: 'ok' } } });
    });
  });
});

/**
 * The backfill's watermark promise: whatever changes in Jira while the backfill reads (an issue moved on
 * half-way through being read, one of an earlier batch changed, an issue moved into the project) is read
 * by the next incremental sync. The watermark is never later than such a change, so this does not hang on
 * the overlap the incremental sync adds for Jira's index.
 */
describe('issues that change while the backfill reads them', () => {
  let harness: SyncHarness;
  beforeAll(() => {
    // BIG, at 400 issues, is a project one expression reads whole.
    harness = new SyncHarness({ kvsLimits: WITHOUT_QUOTAS, bigProjectIssues: 400 });
  });
  afterAll(() => harness.close());

  /** Runs `change` once, when the app first sends the `nth` request to `endpoint`, before the site answers it. */
  const changeWhen = (endpoint: string, nth: number, change: () => Promise<void>) => {
    let seen = 0;
    harness.beforeAppRequest = async ({ method, path }) => {
      if (`${method} ${path}` === endpoint && ++seen === nth) await change();
    };
  };
  const nextStatus = async (key: string, workflow: readonly string[]) => {
    const current = await harness.jira<{ fields: { status: { name: string } } }>('GET', `/rest/api/3/issue/${key}?fields=status`);
    return workflow[(workflow.indexOf(current.body.fields.status.name) + 1) % workflow.length]!;
  };
  const updatedAt = async (key: string) => {
    const issue = await harness.jira<{ fields: { updated: string } }>('GET', `/rest/api/3/issue/${key}?fields=updated`);
    return parseIsoTimestamp(issue.body.fields.updated);
  };
  const watermarkOf = (projectKey: string) => (harness.snapshot()[`project:${projectKey}:sync-cursor`] as { watermark: number }).watermark;
  const storedFacts = async (projectKey: string) => issueFacts((await harness.viewedHistory(projectKey, harness.user('admin'))).history!);

  it('in a project read whole by its first expression', async () => {
    await harness.measure('BIG');
    const moved = await nextStatus('BIG-5', ['Backlog', 'Ready', 'In Progress', 'In Review', 'QA', 'Done']);
    const flagged = (await harness.jira<{ fields: Record<string, unknown> }>('GET', '/rest/api/3/issue/BIG-6?fields=customfield_10021'))
      .body.fields['customfield_10021'];
    // While the changelogs are read, after the facts: one issue moves on, one is (un)flagged, one comes in from BUG.
    changeWhen('POST /rest/api/3/changelog/bulkfetch', 1, async () => {
      await harness.jira('POST', '/__jira/issues/BIG-5/status', { status: moved });
      await harness.jira('POST', '/__jira/issues/BIG-6/flag', { flagged: flagged === null || flagged === undefined });
      await harness.jira('POST', '/__jira/issues/BUG-40/move', { project: 'BIG' });
    });
    await harness.resetStats();
    await harness.runScheduledSync();
    harness.beforeAppRequest = null;
    // Statuses, fields, one expression for all 400 issues, one Flagged search, one bulk changelog.
    expect(await harness.stats()).toMatchObject({
      total: 5,
      byEndpoint: {
        'POST /rest/api/3/expression/evaluate': 1,
        'POST /rest/api/3/search/jql': 1,
        'POST /rest/api/3/changelog/bulkfetch': 1,
      },
    });

    const changedKeys = ['BIG-5', 'BIG-6', (await harness.jira<{ key: string }>('GET', '/rest/api/3/issue/BUG-40?fields=key')).body.key];
    expect(changedKeys[2]).toMatch(/^BIG-/);
    for (const key of changedKeys) expect(watermarkOf('BIG')).toBeLessThanOrEqual(await updatedAt(key));
    const truth = issueFacts(await harness.truth('BIG'));
    expect(await storedFacts('BIG')).not.toEqual(truth);

    await harness.runScheduledSync();
    expect(await storedFacts('BIG')).toEqual(truth);
  });

  it('in a project read in batches, while a later batch is read', async () => {
    await harness.measure('FLOW');
    const workflow = ['Backlog', 'Ready', 'In Progress', 'In Review', 'QA', 'Done'];
    const [first, last] = [await nextStatus('FLOW-3', workflow), await nextStatus('FLOW-1090', workflow)];
    // FLOW-3 was read with the first thousand issues; FLOW-1090 is among the last hundred, being read.
    changeWhen('POST /rest/api/3/changelog/bulkfetch', 2, async () => {
      await harness.jira('POST', '/__jira/issues/FLOW-3/status', { status: first });
      await harness.jira('POST', '/__jira/issues/FLOW-1090/status', { status: last });
    });
    await harness.runScheduledSync();
    harness.beforeAppRequest = null;

    for (const key of ['FLOW-3', 'FLOW-1090']) expect(watermarkOf('FLOW')).toBeLessThanOrEqual(await updatedAt(key));
    const truth = issueFacts(await harness.truth('FLOW'));
    expect(await storedFacts('FLOW')).not.toEqual(truth);

    await harness.runScheduledSync();
    expect(await storedFacts('FLOW')).toEqual(truth);
  });

  it('reads the first batch again when listing the project took too long for its early read to count', async () => {
    await harness.measure('BUG');
    // Only Date is faked: six minutes pass, for the app and the site alike, while the ids are listed.
    fakeTheDateOnly();
    try {
      changeWhen('POST /rest/api/3/search/jql', 3, () => {
        jest.setSystemTime(Date.now() + 6 * 60_000);
        return Promise.resolve();
      });
      await harness.resetStats();
      await harness.runScheduledSync();
    } finally {
      harness.beforeAppRequest = null;
      jest.useRealTimers();
    }
    // The opening thousand, then the same thousand again, then the last 350: three evaluations, not two.
    expect((await harness.stats()).byEndpoint['POST /rest/api/3/expression/evaluate']).toBe(3);
    expect(await storedFacts('BUG')).toEqual(issueFacts(await harness.truth('BUG')));
  });
});
