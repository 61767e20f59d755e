import { createJiraSite, type JiraSite } from '../jira-site';
import { TEST_ANCHOR, call, q } from '../site-test-kit';
import type { StatsSnapshot } from './request-stats';

/** Fault injection and the statistics that tell whether an app copes with it politely. */
let now = TEST_ANCHOR.getTime();
let site: JiraSite;

beforeEach(() => {
  now = TEST_ANCHOR.getTime() + 3_600_000;
  site = createJiraSite({ now: TEST_ANCHOR, clock: () => now });
});

const chaos = (settings: Record<string, unknown>) => call(site, 'anonymous', 'POST', '/__jira/chaos', settings);
const stats = async () => (await call<StatsSnapshot>(site, 'anonymous', 'GET', '/__jira/stats')).body;
const search = () => call(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${q('project = FLOW')}`);

describe('rate limiting', () => {
  it('answers 429 with Retry-After and RateLimit-Reason as Jira does', async () => {
    expect((await chaos({ rate429: 1, retryAfterSeconds: 7 })).status).toBe(200);
    const answer = await search();
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('7');
    expect(answer.headers['ratelimit-reason']).toBe('jira-burst-based');
    expect(answer.headers['x-ratelimit-reset']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
  });

  it('counts a retry before Retry-After as early and refuses it; a patient retry is not early', async () => {
    await chaos({ rate429: 0.5, retryAfterSeconds: 2, seed: 3 });
    let first = await search();
    while (first.status !== 429) first = await search();
    now += 1000;
    expect((await search()).status).toBe(429);
    expect((await stats()).earlyRetries).toBe(1);
    // Refused again, the wait starts over: the client must wait the full Retry-After from now.
    now += 2000;
    await search();
    expect((await stats()).earlyRetries).toBe(1);
  });

  it('does not count a retry that waited long enough', async () => {
    await chaos({ rate429: 1, retryAfterSeconds: 1, endpoints: ['GET /rest/api/3/search/jql'] });
    expect((await search()).status).toBe(429);
    now += 1000;
    await call(site, 'app', 'GET', '/rest/api/3/myself');
    expect((await search()).status).toBe(429);
    expect((await stats()).earlyRetries).toBe(0);
  });

  it('limits itself to the endpoints named', async () => {
    await chaos({ rate429: 1, endpoints: ['POST /rest/api/3/changelog/bulkfetch'] });
    expect((await search()).status).toBe(200);
    expect((await call(site, 'app', 'POST', '/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['FLOW-1'] })).status).toBe(429);
  });
});

describe('other faults', () => {
  it('answers 503 at rate5xx and cuts JSON short at malformedJsonRate', async () => {
    await chaos({ rate5xx: 1 });
    const unavailable = await search();
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['retry-after']).toBeDefined();
    await chaos({ malformedJsonRate: 1 });
    const raw = await site.handle({ method: 'GET', path: '/rest/api/3/myself', headers: { 'x-forge-sim-principal': 'app' } });
    expect(raw.status).toBe(200);
    expect((): unknown => JSON.parse(raw.body)).toThrow();
  });

  it('refuses settings out of range and calms down on DELETE', async () => {
    expect((await chaos({ rate429: 2 })).status).toBe(400);
    expect((await chaos({ bogus: 1 })).status).toBe(400);
    await chaos({ rate429: 1 });
    expect((await call(site, 'anonymous', 'DELETE', '/__jira/chaos')).status).toBe(204);
    expect((await search()).status).toBe(200);
  });
});

describe('statistics', () => {
  it('counts requests by endpoint template, status and caller, and resets', async () => {
    await search();
    await call(site, 'member', 'GET', '/rest/api/3/issue/FLOW-3/changelog');
    await call(site, 'member', 'GET', '/rest/api/3/issue/FLOW-4/changelog');
    await call(site, 'anonymous', 'GET', '/rest/api/3/myself');
    const counted = await stats();
    expect(counted.total).toBe(4);
    expect(counted.byEndpoint).toEqual({
      'GET /rest/api/3/search/jql': 1,
      'GET /rest/api/3/issue/{issueIdOrKey}/changelog': 2,
      'GET /rest/api/3/myself': 1,
    });
    expect(counted.byStatus).toEqual({ '200': 3, '401': 1 });
    expect(counted.byPrincipal.app).toBe(1);
    expect((await call(site, 'anonymous', 'DELETE', '/__jira/stats')).status).toBe(204);
    expect((await stats()).total).toBe(0);
  });

  it('records the highest number of requests in flight at once', async () => {
    await chaos({ latencyMs: 30 });
    await Promise.all(Array.from({ length: 6 }, () => search()));
    await search();
    expect((await stats()).maxConcurrency).toBe(6);
  });
});
