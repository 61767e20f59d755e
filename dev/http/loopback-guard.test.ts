import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { startLocalSite, type LocalSite } from '../local-site';
import { crossOriginRefusal, hostRefusal } from './loopback-guard';

/**
 * The local control API and bridge against another web page in the developer's browser: a cross-site
 * `text/plain` POST (no preflight), a form post, a DNS-rebound name. Sent over real sockets with the headers a
 * browser sends, since `fetch` would not let a test forge `Host`.
 */
let site: LocalSite;
beforeAll(async () => {
  site = await startLocalSite({ rootDir: path.resolve(__dirname, '../..'), port: 0, dataDir: null });
}, 60_000);
afterAll(() => site.close());

interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

function send(base: string, { method = 'GET', path: requestPath, headers = {}, body }: Sent): Promise<{ status: number; body: string }> {
  const url = new URL(requestPath, base);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: Number(url.port), method, path: url.pathname + url.search, headers: { host: url.host, ...headers } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const port = (base: string) => new URL(base).port;
const admin = () => site.users.find((user) => user.role === 'admin')!.accountId;
const eraseAll = () =>
  JSON.stringify({
    moduleKey: 'flow-metrics-settings',
    functionKey: 'eraseAllAppData',
    payload: { confirmation: 'erase all flow metrics data' },
    accountId: admin(),
  });

/** What another site's page would send with a simple (unpreflighted) request. */
const fromEvilPage = {
  origin: 'https://evil.example',
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'no-cors',
  'content-type': 'text/plain;charset=UTF-8',
};

describe('the host server', () => {
  beforeAll(async () => {
    // Something to lose: a measured project.
    const measure = JSON.stringify({
      moduleKey: 'flow-metrics-settings',
      functionKey: 'setProjectMeasured',
      payload: { projectKey: 'FLOW', measured: true },
      accountId: admin(),
    });
    expect(
      (
        await send(site.hostUrl, {
          method: 'POST',
          path: '/__forge/invoke',
          headers: { 'content-type': 'application/json' },
          body: measure,
        })
      ).status,
    ).toBe(200);
  });

  it('listens on loopback only', () => {
    expect(site.hostUrl).toMatch(/^http:\/\/localhost:\d+$/);
  });

  it('refuses a cross-site text/plain POST to the control API, and nothing is erased', async () => {
    const before = JSON.stringify(site.kvs.listPlain());
    const answer = await send(site.hostUrl, { method: 'POST', path: '/__forge/invoke', headers: fromEvilPage, body: eraseAll() });
    expect(answer.status).toBe(403);
    expect(JSON.stringify(site.kvs.listPlain())).toBe(before);
    expect(site.kvs.listPlain('settings:measured-projects')).toEqual([{ key: 'settings:measured-projects', value: ['FLOW'] }]);
  });

  it.each([
    ['another site, by Origin alone', { origin: 'https://evil.example' }],
    ['another site, by Sec-Fetch-Site alone (a form post or an image)', { 'sec-fetch-site': 'cross-site' }],
    ['another local server on another port (same site, other origin)', { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' }],
    ['a sandboxed or file page', { origin: 'null' }],
  ])('refuses requests from %s on every control and bridge endpoint', async (_, headers) => {
    for (const [method, requestPath] of [
      ['POST', '/__forge/invoke'],
      ['GET', '/__forge/kvs/secrets'],
      ['GET', '/__forge/kvs'],
      ['POST', '/__forge/queue/drain'],
      ['POST', '/__forge/scheduled/daily-retention-purge'],
      ['POST', '/__forge/bridge/0f2a6c1e-1111-4222-8333-944445555666'],
      ['POST', '/__jira/chaos'],
      ['GET', '/__jira/export?project=FLOW'],
      ['GET', '/__github/tokens'],
      ['GET', '/__slack/tokens'],
      ['POST', '/__atlassian/accounts/someone'],
    ] as const) {
      const answer = await send(site.hostUrl, {
        method,
        path: requestPath,
        headers: { ...headers, 'content-type': 'text/plain' },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect([method, requestPath, answer.status]).toEqual([method, requestPath, 403]);
    }
  });

  it('refuses any Host but its own name and port, pages included (DNS rebinding)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${port(site.hostUrl)}`,
      'localhost',
      'localhost:1',
      `10.0.0.5:${port(site.hostUrl)}`,
    ]) {
      for (const requestPath of ['/__forge/kvs/secrets', '/__forge/users', '/', '/browse/FLOW-1']) {
        const answer = await send(site.hostUrl, { path: requestPath, headers: { host } });
        expect([host, requestPath, answer.status]).toEqual([host, requestPath, 421]);
        expect(answer.body).not.toContain('secret:');
      }
    }
  });

  it('answers its own pages and scripts: same origin, either loopback name, or no browser at all', async () => {
    const own = port(site.hostUrl);
    const callers: Array<Record<string, string>> = [
      {},
      { origin: `http://localhost:${own}`, 'sec-fetch-site': 'same-origin' },
      { host: `127.0.0.1:${own}`, origin: `http://127.0.0.1:${own}`, 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
    ];
    for (const headers of callers) {
      expect([headers, (await send(site.hostUrl, { path: '/__forge/users', headers })).status]).toEqual([headers, 200]);
    }
    // A page of the host itself may be reached from a link on another site; only its control API may not.
    expect(
      (await send(site.hostUrl, { path: '/', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' } })).status,
    ).toBe(200);
  });
});

describe('the simulated Jira server', () => {
  it("refuses another Host and other sites' pages, and answers the local platform", async () => {
    const own = port(site.jiraUrl);
    expect(site.jiraUrl).toBe(`http://127.0.0.1:${own}`);
    expect((await send(site.jiraUrl, { path: '/rest/api/3/status', headers: { host: `evil.example:${own}` } })).status).toBe(421);
    const chaos = await send(site.jiraUrl, {
      method: 'POST',
      path: '/__jira/chaos',
      headers: fromEvilPage,
      body: JSON.stringify({ rate5xx: 1 }),
    });
    expect(chaos.status).toBe(403);
    // The chaos was refused: Jira still answers the app.
    const answer = await send(site.jiraUrl, { path: '/rest/api/3/status', headers: { 'x-forge-sim-principal': 'app' } });
    expect(answer.status).toBe(200);
  });
});

describe('the guard itself', () => {
  it("takes the Host's name and port together, in any case", () => {
    expect(hostRefusal({ headers: { host: 'LOCALHOST:8080' } }, 8080)).toBeNull();
    expect(hostRefusal({ headers: { host: '[::1]:8080' } }, 8080)).toBeNull();
    expect(hostRefusal({ headers: { host: 'localhost:8081' } }, 8080)).toMatchObject({ status: 421 });
    expect(hostRefusal({ headers: {} }, 8080)).toMatchObject({ status: 421 });
  });

  it('lets a request with neither Origin nor Sec-Fetch-Site through: it came from no web page', () => {
    expect(crossOriginRefusal({ headers: {} }, 8080)).toBeNull();
    expect(crossOriginRefusal({ headers: { origin: 'http://127.0.0.1:8080' } }, 8080)).toBeNull();
    expect(crossOriginRefusal({ headers: { origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'cross-site' } }, 8080)).toMatchObject({
      status: 403,
    });
  });
});
