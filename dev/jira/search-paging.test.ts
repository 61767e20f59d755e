import { expect } from '@jest/globals';
import { createJiraSite, type JiraSite } from './jira-site';
import { PAGE_SIZE_FEW_FIELDS, PAGE_SIZE_HEAVY, PAGE_SIZE_IDS_ONLY } from './page-size';
import {
  TEST_ANCHOR,
  call,
  q,
  type ChangelogJson,
  type ChangelogPageJson,
  type ErrorCollection,
  type SearchPageJson,
} from './site-test-kit';

/** Enhanced search paging: tokens, the shrinking page size, 5000 ids, and the changelog cap. */
let site: JiraSite;

beforeAll(() => {
  site = createJiraSite({ now: TEST_ANCHOR, bigProjectIssues: 12_000 });
});

async function allPages(jql: string, extra: Record<string, unknown> = {}) {
  const pages: SearchPageJson[] = [];
  let token: string | undefined;
  do {
    const answer = await call<SearchPageJson>(site, 'app', 'POST', '/rest/api/3/search/jql', {
      jql,
      ...extra,
      ...(token ? { nextPageToken: token } : {}),
    });
    expect(answer.status).toBe(200);
    pages.push(answer.body);
    token = answer.body.nextPageToken;
    expect(answer.body.isLast).toBe(token === undefined);
  } while (token);
  return pages;
}

describe('paging with nextPageToken', () => {
  it('walks every issue exactly once, in order, and says when it is done', async () => {
    const pages = await allPages('project = FLOW ORDER BY key ASC', { fields: ['key'], maxResults: 300 });
    const keys = pages.flatMap((p) => p.issues.map((i) => i.key));
    expect(keys).toHaveLength(1100);
    expect(new Set(keys).size).toBe(1100);
    expect(keys[0]).toBe('FLOW-1');
    expect(keys.at(-1)).toBe('FLOW-1100');
    expect(pages.at(-1)?.isLast).toBe(true);
    expect(pages.at(-1)).not.toHaveProperty('nextPageToken');
    expect(pages[0]).not.toHaveProperty('total');
  });

  it('refuses a token from another query, and nonsense tokens', async () => {
    const first = await call<SearchPageJson>(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${q('project = FLOW')}`);
    const other = await call(
      site,
      'app',
      'GET',
      `/rest/api/3/search/jql?jql=${q('project = SPR')}&nextPageToken=${first.body.nextPageToken ?? ''}`,
    );
    expect(other.status).toBe(400);
    const junk = await call<ErrorCollection>(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${q('project = FLOW')}&nextPageToken=garbage`);
    expect(junk.status).toBe(400);
    expect(junk.body.errorMessages).toEqual(['The provided next page token is invalid or expired.']);
  });

  it('defaults to ids only and 50 per page', async () => {
    const answer = await call<SearchPageJson>(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${q('project = BUG')}`);
    expect(answer.body.issues).toHaveLength(50);
    expect(Object.keys(answer.body.issues[0] ?? {})).toEqual(['id']);
  });
});

describe('page size shrinks as more is asked for', () => {
  const pageLength = async (query: string) =>
    (await call<SearchPageJson>(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${q('project = BIG')}&maxResults=10000&${query}`)).body
      .issues.length;

  it('gives 5000 ids or keys at once, and never more', async () => {
    expect(await pageLength('fields=id')).toBe(PAGE_SIZE_IDS_ONLY);
    expect(await pageLength('fields=key')).toBe(PAGE_SIZE_IDS_ONLY);
  });

  it('gives 100 with a few fields, 50 with all fields or the changelog', async () => {
    expect(await pageLength('fields=status,created,updated')).toBe(PAGE_SIZE_FEW_FIELDS);
    expect(await pageLength('fields=*navigable')).toBe(PAGE_SIZE_HEAVY);
    expect(await pageLength('fields=*all')).toBe(PAGE_SIZE_HEAVY);
    expect(await pageLength('fields=status&expand=changelog')).toBe(PAGE_SIZE_HEAVY);
  });

  it('still honours a smaller maxResults', async () => {
    const answer = await call<SearchPageJson>(
      site,
      'app',
      'GET',
      `/rest/api/3/search/jql?jql=${q('project = BIG')}&fields=id&maxResults=7`,
    );
    expect(answer.body.issues).toHaveLength(7);
  });

  it('pages all 12,000 ids of a big project in three requests', async () => {
    const pages = await allPages('project = BIG', { fields: ['id'], maxResults: 5000 });
    expect(pages.map((p) => p.issues.length)).toEqual([5000, 5000, 2000]);
  });
});

describe('fields', () => {
  it('returns only what was asked, honours exclusions, and adds names on request', async () => {
    const some = await call<SearchPageJson>(
      site,
      'app',
      'GET',
      `/rest/api/3/search/jql?jql=${q('issuekey = FLOW-5')}&fields=status,created`,
    );
    expect(Object.keys(some.body.issues[0]?.fields ?? {}).sort()).toEqual(['created', 'status']);
    const minus = await call<SearchPageJson>(
      site,
      'app',
      'GET',
      `/rest/api/3/search/jql?jql=${q('issuekey = FLOW-5')}&fields=*navigable,-summary`,
    );
    expect(minus.body.issues[0]?.fields).not.toHaveProperty('summary');
    expect(minus.body.issues[0]?.fields).toHaveProperty('status');
    expect(minus.body.issues[0]?.fields).not.toHaveProperty('comment');
    const all = await call<SearchPageJson>(
      site,
      'app',
      'GET',
      `/rest/api/3/search/jql?jql=${q('issuekey = FLOW-5')}&fields=*all&expand=names`,
    );
    expect(all.body.issues[0]?.fields).toHaveProperty('comment');
    expect(all.body.names).toMatchObject({ customfield_10021: 'Flagged', status: 'Status' });
  });

  it('renders times, statuses and the Flagged field as Jira does', async () => {
    const answer = await call<SearchPageJson>(site, 'app', 'POST', '/rest/api/3/search/jql', {
      jql: 'project = FLOW AND Flagged is not EMPTY',
      fields: ['status', 'created', 'customfield_10021', 'statuscategorychangedate'],
    });
    const issue = answer.body.issues[0];
    expect(issue?.fields.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    expect(issue?.fields.status.statusCategory.key).toMatch(/^(new|indeterminate|done)$/);
    expect(issue?.fields.customfield_10021).toEqual([expect.objectContaining({ value: 'Impediment', id: '10019' })]);
  });
});

describe('embedded changelogs stop at 100 histories', () => {
  it('marks truncation with total, and the changelog endpoint pages the rest', async () => {
    const answer = await call<SearchPageJson>(site, 'app', 'POST', '/rest/api/3/search/jql', {
      jql: 'project = FLOW ORDER BY key ASC',
      fields: ['key'],
      expand: 'changelog',
      maxResults: 50,
    });
    const long = answer.body.issues.find((i) => i.changelog.total > 100);
    if (!long) throw new Error('no issue with more than 100 histories');
    expect(long.changelog.histories).toHaveLength(100);
    expect(long.changelog.maxResults).toBe(100);
    expect(long.changelog.startAt).toBe(0);

    const all: ChangelogJson[] = [];
    for (let startAt = 0; ;) {
      const page = await call<ChangelogPageJson>(
        site,
        'app',
        'GET',
        `/rest/api/3/issue/${long.key}/changelog?startAt=${startAt}&maxResults=1000`,
      );
      expect(page.body.maxResults).toBe(100);
      all.push(...page.body.values);
      if (page.body.isLast) break;
      expect(page.body.nextPage).toContain(`startAt=${startAt + 100}`);
      startAt += page.body.values.length;
    }
    expect(all).toHaveLength(long.changelog.total);
    expect(all.slice(0, 100)).toEqual(long.changelog.histories);
    const times = all.map((h) => Date.parse(h.created));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('short changelogs are complete', async () => {
    const answer = await call<SearchPageJson>(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${q('issuekey = SPR-300')}&expand=changelog`);
    const changelog = answer.body.issues[0]?.changelog;
    expect(changelog?.total).toBe(changelog?.histories.length);
    expect(changelog?.maxResults).toBe(changelog?.total);
  });
});
