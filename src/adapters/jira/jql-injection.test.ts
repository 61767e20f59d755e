import { expect } from '@jest/globals';
import fc from 'fast-check';
import { PROJECT_PAGE, SyncHarness } from '../../../dev/testing/local-sync-harness';
import { JiraIssueSource } from './jira-issue-source';
import { JiraPacer } from './jira-pacer';
import type { RequestJira } from './jira-request';

/**
 * JQL injection through every value that reaches a query. Queries are written only in jql.ts, from a project
 * key, issue ids and an instant; each reaches it from outside through a resolver payload (settings), a
 * page's context (project page), an issue event, a queue job or a stored value. Every hostile value must be
 * refused before anything is sent: the simulated site's request log (`/__jira/stats`) must stay empty.
 */
const harness = new SyncHarness();
afterAll(() => harness.close());

/** Strings that would change a query's meaning, or are not what the field holds, or both. */
const INJECTIONS = [
  'FLOW" OR project = "BUG',
  'FLOW OR project = BUG',
  'FLOW) OR (project = BUG',
  "FLOW' OR '1'='1",
  'FLOW ORDER BY created',
  'FLOW\\" OR project = BUG',
  'FLOW\nOR project = BUG',
  'FLOW\u0000',
  'flow',
  ' FLOW',
  'FLOW ',
  '',
  'BUG-1',
  '10001) OR (project = BUG',
  '10001,10002',
  '-1',
  '0',
  '007',
  '1e5',
  '0x10',
  'updated >= -1d',
];

/** Generated hostile strings besides the fixed ones: any text with a JQL operator or quote in it. */
const hostileText = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc
    .tuple(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('"', "'", ' OR ', ' AND ', ')', '(', ',', '=', '\\', ' ORDER BY ', '~', '!'),
      fc.string({ maxLength: 12 }),
    )
    .map(([a, b, c]) => `${a}${b}${c}`),
);

async function jiraRequests(): Promise<Record<string, number>> {
  return (await harness.stats()).byEndpoint;
}

/** `requestJira` as the app, through the local platform's own route to the simulated site. */
function asApp(): RequestJira {
  const request = async (
    route: { value: string } | string,
    init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  ) => {
    const answer = await harness.site.handle({
      method: init.method ?? 'GET',
      path: typeof route === 'string' ? route : route.value,
      headers: { ...(init.headers ?? {}), 'x-forge-sim-principal': 'app' },
      ...(typeof init.body === 'string' ? { body: init.body } : {}),
    });
    return new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
  return request as unknown as RequestJira;
}

beforeAll(async () => {
  // A synced project, so issue events and syncs go as far as they can.
  await harness.measure('FLOW');
  await harness.runScheduledSync();
});

beforeEach(() => harness.resetStats());

describe('every query of the issue source refuses hostile values before sending anything', () => {
  const source = new JiraIssueSource(asApp(), new JiraPacer());
  const refused = { code: 'INVALID_INPUT' };
  const firstPage = (pages: AsyncIterable<unknown>) => pages[Symbol.asyncIterator]().next();

  it('the project key, in every query that names one', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (projectKey) => {
        await expect(source.latestUpdate(projectKey)).rejects.toMatchObject(refused);
        await expect(source.firstIssues(projectKey, [])).rejects.toMatchObject(refused);
        await expect(source.listIssueIds(projectKey)).rejects.toMatchObject(refused);
        await expect(source.issuesByIds(projectKey, ['10001'], [])).rejects.toMatchObject(refused);
        await expect(firstPage(source.updatedIssues(projectKey, null, Date.now(), []))).rejects.toMatchObject(refused);
      }),
      { numRuns: 300 },
    );
    expect(await jiraRequests()).toEqual({});
  });

  it('issue ids, in the id list and the bulk changelog', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('10001', '10002'), { maxLength: 3 }), hostileText, async (valid, hostile) => {
        const ids = [...valid, hostile];
        await expect(source.issuesByIds('FLOW', ids, [])).rejects.toMatchObject(refused);
        await expect(source.changelogs(ids, [])).rejects.toMatchObject(refused);
      }),
      { numRuns: 300 },
    );
    // Ids that are not strings at all, as a damaged stored value might hold them.
    await expect(source.issuesByIds('FLOW', [10001 as unknown as string], [])).rejects.toMatchObject(refused);
    await expect(source.issuesByIds('FLOW', [], [])).rejects.toMatchObject(refused);
    expect(await jiraRequests()).toEqual({});
  });

  it('the instant of an incremental sync (the stored watermark) and the clock it is measured from', async () => {
    const notInstants = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '0) OR (project = BUG' as unknown as number];
    // So far back that the period in minutes is no longer a whole number JQL could be given exactly.
    for (const since of [...notInstants, -Number.MAX_VALUE]) {
      await expect(firstPage(source.updatedIssues('FLOW', since, Date.now(), []))).rejects.toMatchObject(refused);
    }
    // (A watermark of null is no watermark: the whole project is read, with no date in the query.)
    for (const now of [...notInstants, null as unknown as number])
      await expect(firstPage(source.updatedIssues('FLOW', 0, now, []))).rejects.toMatchObject(refused);
    expect(await jiraRequests()).toEqual({});
  });

  it('sends valid values, and only as the query means them', async () => {
    await expect(source.latestUpdate('FLOW')).resolves.toEqual(expect.any(Number));
    expect(await jiraRequests()).toEqual({ 'POST /rest/api/3/search/jql': 1 });
  });
});

describe('every entry point refuses hostile values before Jira hears of them', () => {
  const admin = () => harness.user('admin');

  it('the project page, opened in a project whose key is not a project key', async () => {
    for (const functionKey of ['getProjectPage', 'getProjectView', 'getSyncState', 'syncNow']) {
      for (const key of INJECTIONS) {
        const answer = await harness.platform.invokeResolver({
          moduleKey: PROJECT_PAGE,
          functionKey,
          payload: {},
          accountId: harness.user('member'),
          project: { id: '10000', key },
        });
        expect([functionKey, key, answer]).toEqual([
          functionKey,
          key,
          { ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String) } },
        ]);
      }
    }
    expect(await jiraRequests()).toEqual({});
  });

  it('the settings functions that name a project', async () => {
    const calls = (projectKey: string): Array<[string, unknown]> => [
      ['setProjectMeasured', { projectKey, measured: true }],
      ['getProjectWorkflow', { projectKey }],
      ['resetProjectWorkflow', { projectKey }],
      ['requestProjectSync', { projectKey, mode: 'rebuild' }],
    ];
    let callsMade = 0;
    for (const key of INJECTIONS) {
      for (const [functionKey, payload] of calls(key)) {
        const answer = await harness.platform.invokeResolver({
          moduleKey: 'flow-metrics-settings',
          functionKey,
          payload,
          accountId: admin(),
        });
        expect([functionKey, key, answer]).toMatchObject([functionKey, key, { ok: false, error: { code: 'INVALID_INPUT' } }]);
        callsMade += 1;
      }
    }
    // Only the caller's permission check, which comes before the payload is read.
    expect(await jiraRequests()).toEqual({ 'GET /rest/api/3/mypermissions': callsMade });
  });

  it('an issue event naming a hostile project or issue id', async () => {
    const event = (projectKey: string, id: string) => ({
      eventType: 'avi:jira:updated:issue',
      atlassianId: admin(),
      issue: { id, key: 'FLOW-1', fields: { project: { key: projectKey } } },
      changelog: { items: [{ field: 'status', fieldId: 'status' }] },
    });
    for (const hostile of INJECTIONS) {
      await harness.platform.deliverProductEvent(event(hostile, '10001'));
      await harness.platform.deliverProductEvent(event('FLOW', hostile)).catch(() => undefined);
    }
    expect(await jiraRequests()).toEqual({});
    // The same event with real values does reach Jira: the project is synced, so the refusals above were the guard's.
    const issue = (await harness.jira<Array<{ id: string }>>('GET', '/__jira/export?project=FLOW&maxResults=1')).body[0]!;
    await harness.resetStats();
    await harness.platform.deliverProductEvent(event('FLOW', issue.id));
    expect(await jiraRequests()).toMatchObject({ 'POST /rest/api/3/search/jql': 1, 'POST /rest/api/3/changelog/bulkfetch': 1 });
  });

  it('a queue job for a hostile project key', async () => {
    for (const projectKey of INJECTIONS) {
      harness.platform.queue.handle(
        '/webhook/queue/publish/sync-jobs',
        JSON.stringify({
          queueName: 'sync-jobs',
          jobId: `hostile-${projectKey.length}`,
          payload: [{ body: { projectKey, reason: 'sync-now' } }],
        }),
      );
    }
    await harness.platform.drainQueue();
    expect(await jiraRequests()).toEqual({});
    expect(
      harness.platform.logs.all().filter((entry) => JSON.stringify(entry).includes('dropped a malformed job')).length,
    ).toBeGreaterThanOrEqual(INJECTIONS.length);
  });

  it('hostile keys in the stored list of measured projects', async () => {
    await harness.measure(...INJECTIONS);
    await harness.runScheduledSync();
    await harness.platform.runScheduledTrigger('daily-retention-purge');
    expect(await jiraRequests()).toEqual({});
    await harness.measure('FLOW');
  });
});
