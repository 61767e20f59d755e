import { expect } from '@jest/globals';
import { PersonalDataService } from '../atlassian/personal-data';
import { createJiraSite, startJiraServer, type JiraSite } from './jira-site';
import type { RunningServer } from './jira-server';
import { TEST_ANCHOR, demoUser } from './site-test-kit';

/** The site over real HTTP on loopback: how the "real site" mode and `npm start` reach it. */
let site: JiraSite;
let server: RunningServer;

beforeAll(async () => {
  site = createJiraSite({ now: TEST_ANCHOR });
  server = await startJiraServer(site, { port: 0 });
});

afterAll(async () => {
  await server.close();
});

const basic = (email: string, token: string) => `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

describe('basic auth over HTTP', () => {
  it('serves a demo user by email and API token, with their permissions', async () => {
    const member = demoUser('member');
    const me = await fetch(`${server.url}/rest/api/3/myself`, { headers: { Authorization: basic(member.emailAddress, member.apiToken) } });
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toContain('application/json');
    expect(await me.json()).toMatchObject({ accountId: member.accountId, displayName: member.displayName });

    const outsider = demoUser('outsider');
    const hidden = await fetch(`${server.url}/rest/api/3/project/BUG`, {
      headers: { Authorization: basic(outsider.emailAddress, outsider.apiToken) },
    });
    expect(hidden.status).toBe(404);
  });

  it('refuses a wrong token and a missing one', async () => {
    const member = demoUser('member');
    expect(
      (await fetch(`${server.url}/rest/api/3/myself`, { headers: { Authorization: basic(member.emailAddress, 'nope') } })).status,
    ).toBe(401);
    expect((await fetch(`${server.url}/rest/api/3/myself`)).status).toBe(401);
  });

  it('takes POST bodies and the principal header too', async () => {
    const admin = demoUser('admin');
    const search = await fetch(`${server.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { Authorization: basic(admin.emailAddress, admin.apiToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ jql: 'project = SPR ORDER BY key ASC', fields: ['key'], maxResults: 2 }),
    });
    const body = (await search.json()) as { issues: { key: string }[]; nextPageToken?: string };
    expect(body.issues.map((i) => i.key)).toEqual(['SPR-1', 'SPR-2']);
    expect(body.nextPageToken).toEqual(expect.any(String));
    const asApp = await fetch(`${server.url}/rest/api/3/myself`, { headers: { 'x-forge-sim-principal': 'app' } });
    expect(((await asApp.json()) as { accountType: string }).accountType).toBe('app');
  });

  it('carries Retry-After and RateLimit-Reason on a 429, and the control API needs no credentials', async () => {
    await fetch(`${server.url}/__jira/chaos`, { method: 'POST', body: JSON.stringify({ rate429: 1, retryAfterSeconds: 4 }) });
    const limited = await fetch(`${server.url}/rest/api/3/status`, { headers: { 'x-forge-sim-principal': 'app' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('4');
    expect(limited.headers.get('RateLimit-Reason')).toBe('jira-burst-based');
    await fetch(`${server.url}/__jira/chaos`, { method: 'DELETE' });
    const stats = (await (await fetch(`${server.url}/__jira/stats`)).json()) as { byEndpoint: Record<string, number> };
    expect(stats.byEndpoint['GET /rest/api/3/myself']).toBeGreaterThan(0);
  });
});

describe('other services', () => {
  it('serves the personal-data API the same way', async () => {
    const personalData = new PersonalDataService();
    const running = await startJiraServer(personalData);
    try {
      const answer = await fetch(`${running.url}/app/report-accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ accounts: [{ accountId: '5b10a2844c20165700ede21g', updatedAt: '2025-01-01T00:00:00Z' }] }),
      });
      expect(answer.status).toBe(204);
    } finally {
      await running.close();
    }
  });
});
