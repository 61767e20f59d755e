import { createReportPersonalData } from '@forge/api/out/privacy';
import type { SimResponse } from '../jira/sim-http';
import {
  MAX_ACCOUNTS_PER_REPORT,
  PersonalDataService,
  type AccountSetting,
  type ReportingStats,
  type ReportsReadout,
} from './personal-data';

/**
 * The personal-data reporting API, driven by the real client code of `@forge/api` (`reportPersonalData`),
 * so the simulation is checked against what the SDK actually sends and expects.
 */
let service: PersonalDataService;
let now: number;

beforeEach(() => {
  now = Date.parse('2025-06-02T10:00:00Z');
  service = new PersonalDataService(() => now);
});

function requestAtlassian(url: string, init?: RequestInit): Promise<Response> {
  return service
    .handle({
      method: init?.method ?? 'GET',
      path: url,
      headers: { ...(init?.headers as Record<string, string>), 'x-forge-sim-principal': 'app' },
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
    })
    .then((answer) => new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: answer.headers }));
}

const report = createReportPersonalData(requestAtlassian);
const control = async (method: string, path: string, body?: unknown): Promise<SimResponse> =>
  service.handle({ method, path, headers: {}, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

/** The answer of a control API request, typed as the service documents it. */
async function controlAnswer<Answer>(path: string): Promise<Answer> {
  const answer = await control('GET', path);
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body) as Answer;
}

const accounts = (count: number, updatedAt = '2025-05-01T00:00:00.000Z') =>
  Array.from({ length: count }, (_, i) => ({ accountId: `5b10a2844c20165700ede${String(i).padStart(3, '0')}`, updatedAt }));

describe('reporting accounts', () => {
  it('answers nothing to do (204) when no account changed', async () => {
    await expect(report(accounts(3))).resolves.toEqual([]);
    const { reports } = await controlAnswer<ReportsReadout>('/__atlassian/reports');
    expect(reports).toEqual([{ receivedAt: '2025-06-02T10:00:00.000Z', accounts: accounts(3), status: 204 }]);
  });

  it('lists closed and updated accounts, across the 90-account chunks the SDK sends', async () => {
    const all = accounts(200);
    await control('POST', `/__atlassian/accounts/${all[5]?.accountId}`, { status: 'closed' });
    await control('POST', `/__atlassian/accounts/${all[150]?.accountId}`, { status: 'updated' });
    const answer = await report(all);
    expect(answer).toEqual([
      { accountId: all[5]?.accountId, status: 'closed' },
      { accountId: all[150]?.accountId, status: 'updated' },
    ]);
    const { reports, accounts: reported } = await controlAnswer<ReportsReadout>('/__atlassian/reports');
    expect(reports.map((r) => r.accounts.length)).toEqual([90, 90, 20]);
    expect(reported.map((a) => a.accountId)).toEqual(all.map((a) => a.accountId));
  });

  it('says "updated" only for reports older than the change, when told when it changed', async () => {
    const [account] = accounts(1);
    await control('POST', `/__atlassian/accounts/${account?.accountId}`, { status: 'updated', updatedAt: '2025-05-15T00:00:00Z' });
    await expect(report([{ accountId: account!.accountId, updatedAt: '2025-05-01T00:00:00Z' }])).resolves.toHaveLength(1);
    await expect(report([{ accountId: account!.accountId, updatedAt: '2025-05-20T00:00:00Z' }])).resolves.toEqual([]);
  });

  it('refuses more than 90 accounts, and malformed reports', async () => {
    const tooMany = await service.handle({
      method: 'POST',
      path: '/app/report-accounts',
      headers: {},
      body: JSON.stringify({ accounts: accounts(MAX_ACCOUNTS_PER_REPORT + 1) }),
    });
    expect(tooMany.status).toBe(400);
    const noDate = await service.handle({
      method: 'POST',
      path: '/app/report-accounts',
      headers: {},
      body: JSON.stringify({ accounts: [{ accountId: 'x' }] }),
    });
    expect(noDate.status).toBe(400);
  });
});

describe('rate limiting', () => {
  it('makes the SDK reject the whole call on a 429, and counts an impatient retry', async () => {
    await control('POST', '/__atlassian/chaos', { rate429: 1, retryAfterSeconds: 30 });
    const rejected = await report(accounts(2)).catch((response: Response) => response);
    expect(rejected).toBeInstanceOf(Response);
    expect((rejected as Response).status).toBe(429);
    expect((rejected as Response).headers.get('retry-after')).toBe('30');
    now += 5000;
    await report(accounts(2)).catch(() => undefined);
    const stats = await controlAnswer<ReportingStats>('/__atlassian/stats');
    expect(stats).toMatchObject({ total: 2, byStatus: { '429': 2 }, earlyRetries: 1 });
    await control('DELETE', '/__atlassian/chaos');
    await expect(report(accounts(2))).resolves.toEqual([]);
  });
});

describe('control', () => {
  it('validates what it is told and can forget', async () => {
    expect((await control('POST', '/__atlassian/accounts/abc', { status: 'gone' })).status).toBe(400);
    expect((await control('POST', '/__atlassian/accounts/abc', { status: 'closed' })).status).toBe(200);
    expect(await controlAnswer<AccountSetting[]>('/__atlassian/accounts')).toEqual([{ accountId: 'abc', status: 'closed' }]);
    expect((await control('DELETE', '/__atlassian/accounts/abc')).status).toBe(204);
    await report(accounts(1));
    expect((await control('DELETE', '/__atlassian/reports')).status).toBe(204);
    expect((await controlAnswer<ReportsReadout>('/__atlassian/reports')).reports).toEqual([]);
    expect((await control('GET', '/__atlassian/nothing')).status).toBe(404);
  });
});
