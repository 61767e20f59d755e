import { expect } from '@jest/globals';
import path from 'node:path';
import { KvsEmulator } from '../kvs';
import { bundledFile, currentForgeBundle } from '../tooling/forge-bundle';
import { LocalPlatform, type AppForm } from './local-platform';
import { InProcessTarget, PRINCIPAL_HEADER, type SimulatedService } from './product-target';

/**
 * The platform running the app's real handlers with the real @forge/* packages, against a tiny Jira that
 * knows one project and two people, in both forms of the app: the TypeScript sources and the bundle
 * `forge deploy` would upload (with its own copies of the @forge/* packages, reaching the same globals).
 * The full simulated site is exercised in dev/local-site.test.ts.
 */
const MEMBER = 'member-1';
const STRANGER = 'stranger-1';

const tinyJira: SimulatedService = {
  handle({ path: requestPath, headers }) {
    const who = headers[PRINCIPAL_HEADER];
    const json = (status: number, value: unknown) => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(value),
    });
    const url = new URL(requestPath, 'http://jira');
    if (url.pathname === '/rest/api/3/mypermissions') {
      const permission = url.searchParams.get('permissions')!;
      const granted = permission === 'BROWSE_PROJECTS' ? who !== `user:${STRANGER}` : false;
      return json(200, { permissions: { [permission]: { havePermission: granted } } });
    }
    if (url.pathname === '/rest/api/3/project/FLOW') return json(200, { id: '10000', key: 'FLOW', name: 'Flow team' });
    return json(404, { errorMessages: ['not here'] });
  },
};

const personalData: SimulatedService = { handle: () => ({ status: 204, headers: {}, body: '' }) };

const rootDir = path.resolve(__dirname, '../..');

describe.each<AppForm>(['typescript', 'bundle'])('the local Forge platform running the app as %s', (app) => {
  const kvs = new KvsEmulator();
  const platform = new LocalPlatform({
    rootDir,
    app,
    kvs,
    jira: new InProcessTarget(tinyJira),
    personalData: new InProcessTarget(personalData),
    cloudId: 'cloud-1',
    siteUrl: 'http://jira.local',
    appAccountId: 'app-account',
  });
  beforeAll(async () => {
    if (app === 'bundle') await currentForgeBundle(rootDir);
    platform.install();
  }, 300_000);
  afterAll(() => platform.uninstall());

  it('loads the handlers from the form it was asked for', () => {
    const file = app === 'bundle' ? bundledFile(rootDir, 'index') : path.join(rootDir, 'src', 'index.ts');
    expect(platform.appFile('index')).toBe(file);
    expect(platform.handler('project-page-resolver')).toBe(jest.requireActual<Record<string, unknown>>(file).projectPageResolver);
  });

  const openProjectPage = (accountId: string, payload: unknown = {}) =>
    platform.invokeResolver({
      moduleKey: 'flow-metrics-project-page',
      functionKey: 'getProjectPage',
      payload,
      accountId,
      project: { id: '10000', key: 'FLOW' },
    });

  it('runs the project page resolver as the calling user', async () => {
    await expect(openProjectPage(MEMBER)).resolves.toEqual({
      ok: true,
      data: {
        project: { id: '10000', key: 'FLOW', name: 'Flow team' },
        sync: { status: 'never-synced', progress: null, lastSuccessAt: null, lastError: null },
        measured: false,
        viewerIsJiraAdministrator: false,
        licenceActive: true,
      },
    });
  });

  it('shows the sync state the app stored in KVS', async () => {
    await kvs.fetch('/api/v1/set', {
      method: 'POST',
      body: JSON.stringify({
        key: 'project:FLOW:sync-state',
        value: { status: 'ok', progress: null, lastSuccessAt: '2026-01-02T03:04:05.000Z', lastError: null },
      }),
    });
    const answer = (await openProjectPage(MEMBER)) as { data: { sync: unknown } };
    expect(answer.data.sync).toMatchObject({ status: 'ok', lastSuccessAt: '2026-01-02T03:04:05.000Z' });
  });

  it('tells a user who may not browse the project nothing but "forbidden"', async () => {
    await expect(openProjectPage(STRANGER)).resolves.toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
  });

  it('refuses a payload the resolver does not expect, naming the problem', async () => {
    await expect(openProjectPage(MEMBER, { projectKey: 'OTHER' })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('runs scheduled triggers with no user, and queue consumers through @forge/events', async () => {
    await kvs.fetch('/api/v1/set', { method: 'POST', body: JSON.stringify({ key: 'settings:measured-projects', value: ['FLOW'] }) });
    await expect(platform.runScheduledTrigger('hourly-incremental-sync')).resolves.toEqual({ queued: 1 });
    expect(platform.queue.size).toBe(1);
    // The tiny Jira knows no issue search: the sync job fails, records why, and asks to be retried.
    await expect(platform.drainQueue()).resolves.toEqual({ processed: expect.any(Number) });
    expect(platform.logs.all().map((line) => line.functionKey)).toEqual(expect.arrayContaining(['scheduled-sync', 'sync-job-worker']));
  });

  it('refuses outbound requests to hosts the manifest does not allow', async () => {
    const { runInvocation } = await import('./invocation');
    await expect(
      runInvocation({ functionKey: 'x', moduleKey: 'x', principalAccountId: undefined, timeoutSeconds: 5 }, () =>
        fetch('https://example.com/'),
      ),
    ).rejects.toThrow(/not included in the external fetch backend permissions/);
  });
});
