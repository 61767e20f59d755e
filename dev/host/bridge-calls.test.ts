import { expect } from '@jest/globals';
import path from 'node:path';
import { startLocalSite, type LocalSite } from '../local-site';
import type { NavigationRecord } from './navigation-log';

/**
 * The router's bridge calls (`router.open`, `router.navigate`, `router.getUrl` of `@forge/bridge` send
 * `navigate` / `getUrl` with these payloads), answered by the running local host for a frame it opened, the
 * way the frame's bridge script asks: over HTTP, answered `{ ok, value }` or `{ ok: false, message }`.
 */
let site: LocalSite;

beforeAll(async () => {
  site = await startLocalSite({ rootDir: path.resolve(__dirname, '../..'), port: 0, dataDir: null });
});

afterAll(async () => {
  await site?.close();
});

beforeEach(async () => {
  await fetch(`${site.hostUrl}/__forge/navigations`, { method: 'DELETE' });
});

const member = () => site.users.find((user) => user.role === 'member')!;

/** Opens the project page as the member, the way a browser does, and returns the id of its app frame. */
async function openProjectPageFrame(projectKey: string, appPart = ''): Promise<string> {
  const [appPath, appQuery] = appPart.split('?') as [string, string | undefined];
  const query = new URLSearchParams(appQuery);
  query.set('as', member().accountId);
  const page = await fetch(`${site.hostUrl}/projects/${projectKey}/flow-metrics${appPath}?${query}`);
  const frameId = /src="\/__ui\/([0-9a-f-]+)\/"/.exec(await page.text())?.[1];
  if (!frameId) throw new Error('The project page has no app frame');
  return frameId;
}

type BridgeAnswer = { ok: true; value: unknown } | { ok: false; message: string };

async function callBridge(frameId: string, method: string, payload: unknown): Promise<BridgeAnswer> {
  const response = await fetch(`${site.hostUrl}/__forge/bridge/${frameId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method, payload }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as BridgeAnswer;
}

const navigations = async () => (await (await fetch(`${site.hostUrl}/__forge/navigations`)).json()) as NavigationRecord[];

describe('the router, through the bridge', () => {
  it('answers router.open of a Jira path with the issue page on the host, in a new tab, and records it', async () => {
    const frameId = await openProjectPageFrame('FLOW');
    await expect(callBridge(frameId, 'navigate', { url: '/browse/FLOW-7', type: 'new-tab' })).resolves.toEqual({
      ok: true,
      value: { type: 'new-tab', url: `${site.hostUrl}/browse/FLOW-7` },
    });
    expect(await navigations()).toEqual([
      expect.objectContaining({
        accountId: member().accountId,
        moduleKey: 'flow-metrics-project-page',
        projectKey: 'FLOW',
        requested: { url: '/browse/FLOW-7', type: 'new-tab' },
        type: 'new-tab',
        url: `${site.hostUrl}/browse/FLOW-7`,
      }),
    ]);
  });

  it('answers router.navigate of a URL on the host, an issue target, and router.getUrl', async () => {
    const frameId = await openProjectPageFrame('SPR');
    const onHost = `${site.hostUrl}/projects/FLOW/flow-metrics`;
    await expect(callBridge(frameId, 'navigate', { url: onHost, type: 'same-tab' })).resolves.toEqual({
      ok: true,
      value: { type: 'same-tab', url: onHost },
    });
    await expect(callBridge(frameId, 'navigate', { target: 'issue', issueKey: 'SPR-3', type: 'new-tab' })).resolves.toEqual({
      ok: true,
      value: { type: 'new-tab', url: `${site.hostUrl}/browse/SPR-3` },
    });
    await expect(callBridge(frameId, 'getUrl', { target: 'issue', issueKey: 'SPR-3' })).resolves.toEqual({
      ok: true,
      value: `${site.hostUrl}/browse/SPR-3`,
    });
    // getUrl goes nowhere, so only the two navigations are on record.
    expect((await navigations()).map((record) => record.url)).toEqual([onHost, `${site.hostUrl}/browse/SPR-3`]);
  });

  it('refuses URLs off the allow-list with the bridge error, and records the refusal', async () => {
    const frameId = await openProjectPageFrame('FLOW');
    const offSite = [
      'https://elsewhere.example/browse/FLOW-7',
      '//elsewhere.example/browse/FLOW-7',
      // The simulated Jira's REST API: same machine, another origin.
      `${site.jiraUrl}/browse/FLOW-7`,
      'javascript:alert(document.cookie)',
    ];
    for (const url of offSite) {
      const answer = await callBridge(frameId, 'navigate', { url, type: 'new-tab' });
      expect(answer).toEqual({ ok: false, message: expect.stringMatching(/is not allowed; only http:\/\/localhost:\d+$/) });
    }
    const records = await navigations();
    expect(records.map((record) => record.requested)).toEqual(offSite.map((url) => ({ url, type: 'new-tab' })));
    expect(records.every((record) => record.url === undefined && /is not allowed/.test(record.refused ?? ''))).toBe(true);
  });

  it('refuses a navigation it cannot place, with the reason', async () => {
    const frameId = await openProjectPageFrame('FLOW');
    await expect(callBridge(frameId, 'navigate', { target: 'dashboard', dashboardId: '10000', type: 'same-tab' })).resolves.toEqual({
      ok: false,
      message: 'The local site has no page for the navigation target "dashboard"',
    });
    await expect(callBridge(frameId, 'navigate', { url: '/browse/FLOW-7', type: 'popup' })).resolves.toEqual({
      ok: false,
      message: 'Unknown navigation type "popup"',
    });
  });
});

describe("the app's history (view.createHistory), through the bridge", () => {
  it("starts where the page was opened: the address after the module's, without the host's own parameters", async () => {
    const frameId = await openProjectPageFrame('FLOW', '/reports?period=90&type=Bug%20%26%20Fix&tab=flow');
    await expect(callBridge(frameId, 'createHistory', null)).resolves.toEqual({
      ok: true,
      value: { pathname: '/reports', search: '?period=90&type=Bug+%26+Fix&tab=flow', hash: '' },
    });
  });

  it('starts at the root of the module when the page was opened at its own address', async () => {
    const frameId = await openProjectPageFrame('FLOW');
    await expect(callBridge(frameId, 'createHistory', null)).resolves.toEqual({ ok: true, value: { pathname: '/', search: '', hash: '' } });
  });
});
