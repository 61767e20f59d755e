import { SyncHarness } from '../../dev/testing/local-sync-harness';
import type { RemainingWorkData } from '../shared/resolver-contract';

/**
 * `countRemainingWork` on the local platform, the real SDKs and the simulated Jira site: the forecast's remaining
 * work, counted by Jira as the reader. The expected counts are asked of the site itself, as the app, with queries
 * written here (another spelling of "not done"), never with the app's code. FLOW is measured; the outsider may
 * not browse BUG.
 */
const harness = new SyncHarness();
/** Every request the app made of the site, in order: method, path, and the JQL it sent, if any. */
let sent: Array<{ method: string; path: string; jql?: string }> = [];

beforeAll(async () => {
  await harness.measure('FLOW');
  harness.beforeAppRequest = ({ method, path, body }) => {
    const jql = body === undefined ? undefined : (JSON.parse(body) as { jql?: string }).jql;
    sent.push({ method, path: new URL(path, 'http://jira.invalid').pathname, ...(jql === undefined ? {} : { jql }) });
    return Promise.resolve();
  };
});
afterAll(() => harness.close());
beforeEach(() => {
  sent = [];
});

const count = (projectKey: string, payload: unknown, role: 'admin' | 'member' | 'outsider' = 'member') =>
  harness.invoke<RemainingWorkData>('countRemainingWork', projectKey, harness.user(role), payload);

/** The site's own count, asked as `principal`: items of the query whose status category is To Do or In Progress. */
async function siteCount(jql: string, principal = 'app'): Promise<number> {
  const answer = await harness.jira<{ count: number }>(
    'POST',
    '/rest/api/3/search/approximate-count',
    { jql: `${jql} AND statusCategory in ("To Do", "In Progress")` },
    principal,
  );
  expect(answer.status).toBe(200);
  return answer.body.count;
}

const COUNT_PATH = '/rest/api/3/search/approximate-count';

/** BUG's unfinished bugs that have a security level, as the app (which sees every level) finds them in Jira. */
async function unfinishedSecuredBugs(): Promise<string[]> {
  const found: string[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await harness.jira<{ issues: Array<{ key: string; fields: { security: unknown } }>; nextPageToken?: string }>(
      'POST',
      '/rest/api/3/search/jql',
      {
        jql: 'project = BUG AND issuetype = Bug AND statusCategory in ("To Do", "In Progress")',
        fields: ['security'],
        maxResults: 100,
        ...(nextPageToken ? { nextPageToken } : {}),
      },
    );
    found.push(...page.body.issues.filter((issue) => issue.fields.security != null).map((issue) => issue.key));
    nextPageToken = page.body.nextPageToken;
  } while (nextPageToken);
  return found;
}

describe('countRemainingWork', () => {
  it("counts the project's unfinished items matching the reader's JQL, asked of Jira as the reader", async () => {
    const expected = await siteCount('project = FLOW AND issuetype = Bug');
    expect(expected).toBeGreaterThan(0);
    await expect(count('FLOW', { source: 'jql', jql: 'issuetype = Bug' })).resolves.toEqual({ ok: true, data: { count: expected } });
    // The permission first, then one count, with the reader's query inside the project's.
    expect(sent.map((request) => request.path)).toEqual(['/rest/api/3/mypermissions', COUNT_PATH]);
    expect(sent[1]!.jql).toBe('project = "FLOW" AND (issuetype = Bug) AND statusCategory != Done');
    const log = await harness.stats();
    expect(log.byEndpoint[`POST ${COUNT_PATH}`]).toBeGreaterThan(0);
  });

  it('counts only what the reader may see: not the items of a security level that does not admit them', async () => {
    // BUG is not measured: the count asks Jira, not the app's stored history. Its newest open bug is at the
    // "Security team" level, which admits the admin and not the member.
    const secured = await unfinishedSecuredBugs();
    expect(secured.length).toBeGreaterThan(0);
    const all = await siteCount('project = BUG AND issuetype = Bug');
    const query = { source: 'jql', jql: 'issuetype = Bug' };
    await expect(count('BUG', query, 'admin')).resolves.toEqual({ ok: true, data: { count: all } });
    await expect(count('BUG', query, 'member')).resolves.toEqual({ ok: true, data: { count: all - secured.length } });
  });

  it('keeps a query to the project: it cannot close the parentheses it is put in', async () => {
    for (const jql of ['issuetype = Bug) OR (project = BUG', 'issuetype = Bug)) OR ((project = BUG', 'status = "Done']) {
      const answer = await count('FLOW', { source: 'jql', jql });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    await expect(count('FLOW', { source: 'jql', jql: 'issuetype = Bug ORDER BY created' })).resolves.toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Leave out ORDER BY: a count has no order.' },
    });
    // Parentheses and quotes inside values are the query's own business.
    const quoted = await count('FLOW', { source: 'jql', jql: 'status = "In (Progress" OR issuetype = Bug' });
    expect(quoted.ok ? null : quoted.error).toEqual({
      code: 'INVALID_INPUT',
      message: "Jira could not run this query: The value 'In (Progress' does not exist for the field 'status'.",
    });
    expect(sent.filter((request) => request.path === COUNT_PATH)).toHaveLength(1);
  });

  it("answers a query Jira refuses with Jira's reason, in plain words beside the field", async () => {
    await expect(count('FLOW', { source: 'jql', jql: 'colour = blue' })).resolves.toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: "Jira could not run this query: Field 'colour' does not exist or you do not have permission to view it.",
      },
    });
  });

  it('refuses an empty or an overlong query before asking Jira', async () => {
    await expect(count('FLOW', { source: 'jql', jql: '   ' })).resolves.toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Enter a JQL query.' },
    });
    await expect(count('FLOW', { source: 'jql', jql: `issuetype = Bug AND ${'x'.repeat(2000)}` })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Invalid request at "jql": at most 2000 characters.' },
    });
    expect(sent.filter((request) => request.path === COUNT_PATH)).toHaveLength(0);
  });

  it("refuses an epic key that is not one, or not of this project's, before asking Jira", async () => {
    await expect(count('FLOW', { source: 'epic', epicKey: 'FLOW 12' })).resolves.toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: "Enter an epic's key, such as FLOW-12." },
    });
    await expect(count('FLOW', { source: 'epic', epicKey: 'bug-3' })).resolves.toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: "BUG-3 is not in this project: enter the key of one of FLOW's epics." },
    });
    await expect(count('FLOW', { source: 'epic', epicKey: 'FLOW-1" OR project = "BUG' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(sent.filter((request) => request.path === COUNT_PATH)).toHaveLength(0);
  });

  it("counts an epic's unfinished children with parent = KEY", async () => {
    await count('FLOW', { source: 'epic', epicKey: 'flow-1' });
    expect(sent.at(-1)!.jql).toBe('project = "FLOW" AND parent = "FLOW-1" AND statusCategory != Done');
  });

  it('refuses someone who may not browse the project before reading the payload, and asks Jira nothing more', async () => {
    for (const payload of [{ source: 'jql', jql: 'issuetype = Bug' }, { nonsense: true }]) {
      await expect(count('BUG', payload, 'outsider')).resolves.toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'You do not have permission to browse this project.' },
      });
    }
    expect(sent.map((request) => request.path)).toEqual(['/rest/api/3/mypermissions', '/rest/api/3/mypermissions']);
  });

  it('refuses a payload of another shape, naming only its own fields', async () => {
    await expect(count('FLOW', { source: 'jql', jql: 'issuetype = Bug', extra: 1 })).resolves.toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Invalid request: it has a field this function does not take.' },
    });
    await expect(count('FLOW', { source: 'filter', id: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it("answers Jira's rate limit and failures with typed errors, never a stack trace", async () => {
    try {
      await harness.chaos({ rate429: 1, retryAfterSeconds: 1, endpoints: [`POST ${COUNT_PATH}`] });
      await expect(count('FLOW', { source: 'jql', jql: 'issuetype = Bug' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED' },
      });
      await harness.chaos({ rate5xx: 1, endpoints: [`POST ${COUNT_PATH}`] });
      await expect(count('FLOW', { source: 'jql', jql: 'issuetype = Bug' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE' },
      });
    } finally {
      await harness.chaos(null);
    }
  });

  it('keeps nothing: the query and the count are not written to storage', async () => {
    const before = JSON.stringify(harness.snapshot());
    await count('FLOW', { source: 'jql', jql: 'issuetype = Story' });
    expect(JSON.stringify(harness.snapshot())).toBe(before);
  });
});
