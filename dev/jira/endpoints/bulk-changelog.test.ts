import { createJiraSite, type JiraSite } from '../jira-site';
import {
  TEST_ANCHOR,
  call,
  type BulkChangelogJson,
  type ChangelogJson,
  type ChangelogPageJson,
  type ErrorCollection,
  type IssueJson,
} from '../site-test-kit';

/** The bulk changelog endpoint: its limits, its field filter, and paging by changes. */
let site: JiraSite;
const path = '/rest/api/3/changelog/bulkfetch';

beforeAll(() => {
  site = createJiraSite({ now: TEST_ANCHOR });
});

const keys = (project: string, count: number, from = 1) => Array.from({ length: count }, (_, i) => `${project}-${i + from}`);

async function fetchAll(body: Record<string, unknown>, caller: 'app' | 'outsider' = 'app') {
  const byIssue = new Map<string, ChangelogJson[]>();
  let token: string | undefined;
  let pages = 0;
  do {
    const answer = await call<BulkChangelogJson>(site, caller, 'POST', path, { ...body, ...(token ? { nextPageToken: token } : {}) });
    expect(answer.status).toBe(200);
    pages++;
    for (const log of answer.body.issueChangeLogs) byIssue.set(log.issueId, [...(byIssue.get(log.issueId) ?? []), ...log.changeHistories]);
    token = answer.body.nextPageToken;
  } while (token);
  return { byIssue, pages };
}

describe('limits', () => {
  it('accepts 1 to 1000 issues and refuses none or more', async () => {
    expect((await call(site, 'app', 'POST', path, { issueIdsOrKeys: keys('BUG', 1000) })).status).toBe(200);
    const tooMany = await call<ErrorCollection>(site, 'app', 'POST', path, { issueIdsOrKeys: keys('BUG', 1001) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errorMessages[0]).toContain('between 1 and 1000');
    expect((await call(site, 'app', 'POST', path, { issueIdsOrKeys: [] })).status).toBe(400);
    expect((await call(site, 'app', 'POST', path, {})).status).toBe(400);
  });

  it('caps maxResults at 10000 and fieldIds at 10', async () => {
    expect((await call(site, 'app', 'POST', path, { issueIdsOrKeys: ['BUG-1'], maxResults: 10_000 })).status).toBe(200);
    expect((await call(site, 'app', 'POST', path, { issueIdsOrKeys: ['BUG-1'], maxResults: 10_001 })).status).toBe(400);
    expect((await call(site, 'app', 'POST', path, { issueIdsOrKeys: ['BUG-1'], maxResults: 0 })).status).toBe(400);
    const eleven = Array.from({ length: 11 }, (_, i) => `customfield_${i}`);
    expect((await call(site, 'app', 'POST', path, { issueIdsOrKeys: ['BUG-1'], fieldIds: eleven })).status).toBe(400);
  });

  it('refuses fields the request bean does not have, and a token from another request', async () => {
    expect((await call(site, 'app', 'POST', path, { issueIdsOrKeys: ['BUG-1'], startAt: 0 })).status).toBe(400);
    const first = await call<BulkChangelogJson>(site, 'app', 'POST', path, { issueIdsOrKeys: keys('BUG', 50), maxResults: 10 });
    const replay = await call(site, 'app', 'POST', path, {
      issueIdsOrKeys: keys('FLOW', 50),
      maxResults: 10,
      nextPageToken: first.body.nextPageToken,
    });
    expect(replay.status).toBe(400);
  });
});

describe('paging by changes', () => {
  it('returns the same histories as the per-issue changelog, however it is paged', async () => {
    const wanted = keys('FLOW', 120);
    const defaultPages = await fetchAll({ issueIdsOrKeys: wanted });
    const smallPages = await fetchAll({ issueIdsOrKeys: wanted, maxResults: 37 });
    expect(smallPages.pages).toBeGreaterThan(defaultPages.pages);
    expect(smallPages.byIssue).toEqual(defaultPages.byIssue);

    const complete = await call<ChangelogPageJson>(site, 'app', 'GET', '/rest/api/3/issue/FLOW-23/changelog?maxResults=100');
    const { id } = (await call<IssueJson>(site, 'app', 'GET', '/rest/api/3/issue/FLOW-23?fields=id')).body;
    expect(smallPages.byIssue.get(id)).toHaveLength(complete.body.total);
    expect(smallPages.byIssue.get(id)?.slice(0, 100)).toEqual(complete.body.values);
  });

  it('gives each issue oldest first and issues by ascending id', async () => {
    const answer = await call<BulkChangelogJson>(site, 'app', 'POST', path, { issueIdsOrKeys: ['SPR-30', 'SPR-10', 'SPR-20'] });
    const ids = answer.body.issueChangeLogs.map((l) => Number(l.issueId));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    for (const log of answer.body.issueChangeLogs) {
      const times = log.changeHistories.map((h) => Date.parse(h.created));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
  });
});

describe('fieldIds', () => {
  it('keeps only changes to the named fields', async () => {
    const { byIssue } = await fetchAll({ issueIdsOrKeys: keys('BUG', 200), fieldIds: ['status'] });
    const items = [...byIssue.values()].flat().flatMap((h) => h.items);
    expect(items.length).toBeGreaterThan(200);
    expect(new Set(items.map((i) => i.fieldId))).toEqual(new Set(['status']));
  });

  it('finds the flagged periods under the Flagged field id', async () => {
    const { byIssue } = await fetchAll({ issueIdsOrKeys: keys('FLOW', 400), fieldIds: ['customfield_10021'] });
    const items = [...byIssue.values()].flat().flatMap((h) => h.items);
    expect(items.length).toBeGreaterThan(10);
    expect(items).toContainEqual({
      field: 'Flagged',
      fieldtype: 'custom',
      fieldId: 'customfield_10021',
      fromString: '',
      to: '[10019]',
      toString: 'Impediment',
    });
    expect(items).toContainEqual({
      field: 'Flagged',
      fieldtype: 'custom',
      fieldId: 'customfield_10021',
      from: '[10019]',
      fromString: 'Impediment',
      toString: '',
    });
  });
});

describe('visibility', () => {
  it('silently leaves out issues the caller cannot browse, and keys that do not exist', async () => {
    const answer = await call<BulkChangelogJson>(site, 'outsider', 'POST', path, {
      issueIdsOrKeys: ['BUG-1', 'BUG-2', 'FLOW-1', 'NOPE-1', 'FLOW-999999'],
    });
    expect(answer.status).toBe(200);
    const project = await call<IssueJson>(site, 'app', 'GET', '/rest/api/3/issue/FLOW-1?fields=id');
    expect(answer.body.issueChangeLogs.map((l) => l.issueId)).toEqual([project.body.id]);
  });
});
