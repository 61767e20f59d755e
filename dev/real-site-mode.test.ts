import path from 'node:path';
import { createJiraSite, startJiraServer } from './jira/jira-site';
import { startLocalSite, type LocalSite } from './local-site';

/**
 * `JIRA_SITE`, `JIRA_EMAIL` and `JIRA_API_TOKEN` point the app at a real Jira Cloud site. Here the "real"
 * site is a second simulated site served over HTTP that only accepts basic auth, so the test proves the app
 * reaches it as the token's owner, reads it, and never changes it.
 */
const remote = createJiraSite({ seed: 7 });
let remoteServer: { url: string; close(): Promise<void> };
let site: LocalSite;
const owner = remote.users.find((user) => user.role === 'member')!;

beforeAll(async () => {
  remoteServer = await startJiraServer(remote, { port: 0 });
  site = await startLocalSite({
    rootDir: path.resolve(__dirname, '..'),
    port: 0,
    dataDir: null,
    realSite: { site: remoteServer.url, email: owner.emailAddress, apiToken: owner.apiToken },
  });
});

afterAll(async () => {
  await site?.close();
  await remoteServer?.close();
});

const remoteStats = async () =>
  (await (await fetch(`${remoteServer.url}/__jira/stats`)).json()) as { total: number; byPrincipal: Record<string, number> };

it('reads the configured site with basic auth, as the token owner', async () => {
  await fetch(`${remoteServer.url}/__jira/stats`, { method: 'DELETE' });
  const answer = await site.platform.invokeResolver({
    moduleKey: 'flow-metrics-project-page',
    functionKey: 'getProjectPage',
    payload: {},
    accountId: owner.accountId,
    project: { id: '10000', key: 'FLOW' },
  });
  expect(answer).toMatchObject({ ok: true, data: { project: { key: 'FLOW' } } });
  const stats = await remoteStats();
  expect(stats.total).toBeGreaterThan(0);
  // Every request the remote site saw was authenticated as the token's owner, and none as the simulated app.
  expect(Object.keys(stats.byPrincipal).every((principal) => principal.includes(owner.accountId))).toBe(true);
});

it('backfills through the production path, Jira expressions included, with no fallback to field search', async () => {
  // Measured as an admin would have chosen; the token's owner is no admin of the remote site.
  await site.kvs.fetch('/api/v1/set', { method: 'POST', body: JSON.stringify({ key: 'settings:measured-projects', value: ['SPR'] }) });
  await fetch(`${remoteServer.url}/__jira/stats`, { method: 'DELETE' });
  await site.platform.runScheduledTrigger('hourly-incremental-sync');
  await site.platform.drainQueue();
  expect(site.platform.queue.failed).toEqual([]);
  const stats = (await (await fetch(`${remoteServer.url}/__jira/stats`)).json()) as { byEndpoint: Record<string, number> };
  expect(stats.byEndpoint['POST /rest/api/3/expression/evaluate']).toBeGreaterThan(0);
  expect(stats.byEndpoint['POST /rest/api/3/changelog/bulkfetch']).toBeGreaterThan(0);
  expect(site.platform.logs.all().filter((line) => line.message.includes('field search'))).toEqual([]);
  const view = (await site.platform.invokeResolver({
    moduleKey: 'flow-metrics-project-page',
    functionKey: 'getProjectPage',
    accountId: owner.accountId,
    project: { id: '10001', key: 'SPR' },
  })) as { ok: boolean; data: { sync: { status: string } } };
  expect(view).toMatchObject({ ok: true, data: { sync: { status: 'ok' } } });
});

it('never sends a request that could change the site', async () => {
  const { RealJiraSite } = await import('./runtime/real-jira-site');
  const target = new RealJiraSite({ site: remoteServer.url, email: owner.emailAddress, apiToken: owner.apiToken }, fetch);
  await fetch(`${remoteServer.url}/__jira/stats`, { method: 'DELETE' });
  const response = await target.send(
    {
      method: 'POST',
      path: '/rest/api/3/issue/FLOW-1/transitions',
      headers: { 'content-type': 'application/json' },
      body: '{"transition":{"id":"2"}}',
    },
    { kind: 'app' },
  );
  expect(response.status).toBe(403);
  expect((await remoteStats()).total).toBe(0);
});

it('is refused by the site without credentials', async () => {
  const response = await fetch(`${remoteServer.url}/rest/api/3/myself`);
  expect(response.status).toBe(401);
});
