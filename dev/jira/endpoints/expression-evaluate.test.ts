import { expect } from '@jest/globals';
import { ISSUE_FACTS_EXPRESSION } from '../../../src/adapters/jira/issue-facts-expression';
import { createJiraSite, type JiraSite } from '../jira-site';
import { TEST_ANCHOR, call, q, type ErrorCollection, type SearchPageJson } from '../site-test-kit';

/** Jira expressions over JQL pages: the facts they read, paging, permissions, limits and refusals. */
let site: JiraSite;

beforeAll(() => {
  site = createJiraSite({ now: TEST_ANCHOR, bigProjectIssues: 2500 });
});

const EVALUATE = '/rest/api/3/expression/evaluate';
const FACTS =
  'issues.map(i => [i.id, i.key, i.created.getTime(), i.updated.getTime(), i.resolutionDate?.getTime(), i.issueType.name, i.status.id, i.status.category.key])';

/** What FACTS gives for one issue: id, key, created, updated, resolved (or null), type, status id, status category. */
type FactRow = [number, string, number, number, number | null, string, number, string];

/**
 * JiraExpressionEvalResultBean with the value the expression makes, or on a 400 the ErrorCollection: typed as
 * both, since each test reads the one the status it expects carries.
 */
type EvaluationJson<Value> = ErrorCollection & {
  value: Value;
  meta: { issues: { jql: { nextPageToken?: string; isLast: boolean } } };
};

function evaluate<Value = unknown>(
  caller: Parameters<typeof call>[1],
  expression: string,
  jql?: { query?: string; maxResults?: number; nextPageToken?: string },
) {
  return call<EvaluationJson<Value>>(site, caller, 'POST', EVALUATE, { expression, ...(jql ? { context: { issues: { jql } } } : {}) });
}

async function allPages(query: string, maxResults?: number) {
  const pages: FactRow[][] = [];
  let token: string | undefined;
  do {
    const answer = await evaluate<FactRow[]>('app', FACTS, {
      query,
      ...(maxResults ? { maxResults } : {}),
      ...(token ? { nextPageToken: token } : {}),
    });
    expect(answer.status).toBe(200);
    pages.push(answer.body.value);
    token = answer.body.meta.issues.jql.nextPageToken;
    expect(answer.body.meta.issues.jql.isLast).toBe(token === undefined);
  } while (token);
  return pages;
}

describe('an expression over a JQL page', () => {
  it("answers each issue's facts as the search shows them", async () => {
    const [page] = await allPages('project = FLOW AND key <= FLOW-40 ORDER BY id ASC');
    const search = await call<SearchPageJson>(
      site,
      'app',
      'GET',
      `/rest/api/3/search/jql?jql=${q('project = FLOW AND key <= FLOW-40 ORDER BY id ASC')}&fields=created,updated,resolutiondate,issuetype,status&maxResults=100`,
    );
    expect(page).toHaveLength(40);
    page?.forEach((row, index) => {
      const issue = search.body.issues[index];
      if (!issue) throw new Error(`the search has no issue ${index}`);
      expect(row).toEqual([
        Number(issue.id),
        issue.key,
        Date.parse(issue.fields.created.replace('+0000', 'Z')),
        Date.parse(issue.fields.updated.replace('+0000', 'Z')),
        issue.fields.resolutiondate === null ? null : Date.parse(issue.fields.resolutiondate.replace('+0000', 'Z')),
        issue.fields.issuetype.name,
        Number(issue.fields.status.id),
        issue.fields.status.statusCategory.key,
      ]);
    });
    expect(page?.some((row) => row[4] === null)).toBe(true);
    expect(page?.some((row) => typeof row[4] === 'number')).toBe(true);
  });

  it("answers each issue's components as the search shows them, and the bug queue's fit the app's first page", async () => {
    const query = 'project = BUG ORDER BY id ASC';
    const answer = await evaluate<Array<[string, string[]]>>('app', 'issues.map(i => [i.key, i.components.map(c => c.name)])', {
      query,
      maxResults: 100,
    });
    const search = await call<{ issues: Array<{ key: string; fields: { components: Array<{ name: string }> } }> }>(
      site,
      'app',
      'GET',
      `/rest/api/3/search/jql?jql=${q(query)}&fields=components&maxResults=100`,
    );
    expect(answer.body.value).toEqual(search.body.issues.map((issue) => [issue.key, issue.fields.components.map((c) => c.name)]));
    expect(answer.body.value.filter(([, names]) => names.length === 0).length).toBeGreaterThan(0);
    expect(answer.body.value.filter(([, names]) => names.length === 2).length).toBeGreaterThan(0);
    // The demo projects' first 1000 issues, with their labels, components and parents, stay within Jira's 10,000 values.
    for (const project of ['FLOW', 'SPR', 'BUG']) {
      const first = await evaluate('app', ISSUE_FACTS_EXPRESSION, { query: `project = ${project} ORDER BY id ASC` });
      expect([project, first.status]).toEqual([project, 200]);
    }
  });

  it('loads at most 1000 issues an evaluation and pages through the rest with nextPageToken', async () => {
    const pages = await allPages('project = BIG ORDER BY id ASC', 5000);
    expect(pages.map((p) => p.length)).toEqual([1000, 1000, 500]);
    const ids = pages.flatMap((p) => p.map((row) => row[0]));
    expect(new Set(ids).size).toBe(2500);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect((await allPages('project = BIG ORDER BY id ASC', 300)).length).toBe(9);
  });

  it('refuses a token from another query', async () => {
    const first = await evaluate('app', FACTS, { query: 'project = FLOW' });
    const other = await evaluate('app', FACTS, { query: 'project = SPR', nextPageToken: first.body.meta.issues.jql.nextPageToken });
    expect(other.status).toBe(400);
    expect(other.body.errorMessages).toEqual(['The provided next page token is invalid or expired.']);
  });

  it('shows each caller only what they may browse, as the search does', async () => {
    const refused = await evaluate('outsider', 'issues.map(i => i.key)', { query: 'project = BUG' });
    expect(refused.status).toBe(400);
    expect(refused.body.errorMessages).toEqual(["The value 'BUG' does not exist for the field 'project'."]);
    // Newest first, so BUG's issues (created after FLOW's and SPR's) would lead the page if they leaked.
    const query = 'issuetype = Bug AND project != BIG ORDER BY id DESC';
    const mixed = await evaluate<string[]>('outsider', 'issues.map(i => i.key)', { query, maxResults: 100 });
    const searched = await call<SearchPageJson>(site, 'outsider', 'POST', '/rest/api/3/search/jql', {
      jql: query,
      fields: ['key'],
      maxResults: 100,
    });
    expect(mixed.body.value).toEqual(searched.body.issues.map((issue) => issue.key));
    expect(mixed.body.value.some((key) => key.startsWith('BUG-'))).toBe(false);
    const asMember = await evaluate<string[]>('member', 'issues.map(i => i.key)', { query, maxResults: 100 });
    expect(asMember.body.value.some((key) => key.startsWith('BUG-'))).toBe(true);
    expect((await evaluate('member', 'issues.map(i => i.key)', { query: 'project = BUG', maxResults: 5 })).body.value).toHaveLength(5);
    const oneIssue = await call(site, 'outsider', 'POST', EVALUATE, { expression: 'issue.key', context: { issue: { key: 'BUG-1' } } });
    expect(oneIssue.status).toBe(404);
  });

  it('refuses unbounded and empty queries', async () => {
    for (const query of ['', 'ORDER BY id ASC']) {
      const answer = await evaluate('app', FACTS, { query });
      expect(answer.status).toBe(400);
      expect(answer.body.errorMessages[0]).toMatch(/Unbounded JQL/);
    }
  });
});

describe("Jira's limits", () => {
  it('refuses expressions over 1000 characters or 100 syntactic elements', async () => {
    const long = await evaluate('app', `[${Array.from({ length: 400 }, () => "'a'").join(',')}]`);
    expect(long.status).toBe(400);
    expect(long.body.errorMessages).toEqual(['Jira expression is too long (1601), limit: 1000 characters']);
    const large = await evaluate('app', `[${Array.from({ length: 120 }, (_, i) => String(i)).join(',')}]`);
    expect(large.status).toBe(400);
    expect(large.body.errorMessages).toEqual(['Jira expression has too many nodes (121), limit: 100 leaves']);
    expect((await evaluate('app', `[${Array.from({ length: 99 }, (_, i) => String(i)).join(',')}]`)).status).toBe(200);
  });

  it('refuses results over 10,000 primitive values', async () => {
    const eleven = 'issues.map(i => [i.id, i.key, i.id, i.key, i.id, i.key, i.id, i.key, i.id, i.key, i.id])';
    const answer = await evaluate('app', eleven, { query: 'project = BIG', maxResults: 1000 });
    expect(answer.status).toBe(400);
    expect(answer.body.errorMessages[0]).toMatch(/11000 primitive values, over the limit of 10000/);
    expect((await evaluate('app', eleven, { query: 'project = BIG', maxResults: 909 })).status).toBe(200);
  });

  it('counts entities returned as beans, at most 1000', async () => {
    const answer = await evaluate('app', 'issues.map(i => [i.status, i.issueType])', { query: 'project = BIG', maxResults: 1000 });
    expect(answer.status).toBe(400);
    expect(answer.body.errorMessages[0]).toMatch(/2000 beans/);
    const beans = await evaluate<unknown[]>('app', 'issues.map(i => i.status)', { query: 'project = FLOW', maxResults: 2 });
    expect(beans.body.value[0]).toEqual({
      self: expect.stringContaining('/rest/api/3/status/'),
      id: expect.any(String),
      name: expect.any(String),
    });
  });
});

describe('what the simulated site does not evaluate', () => {
  it.each([
    ['an operator', 'issues.map(i => i.id + 1)', /'\+' is not supported by the simulated Jira site/],
    ['an ordering', 'issues.map(i => i.id < 1)', /'<' is not supported/],
    ['a comparison of lists', 'issues.map(i => i.labels == [])', /compares null, Booleans, numbers, strings and dates only/],
    ['a filter whose function answers no Boolean', 'issues.map(i => i.labels.filter(l => l))', /returned a String, not a Boolean/],
    [
      'an unknown property',
      'issues.map(i => i.status.nme)',
      /Evaluation failed: "i.status.nme" - Unrecognized property of `i.status`: "nme". Available properties of type 'IssueStatus' are: 'category', 'description', 'id', 'name'/,
    ],
    ['an unknown method', 'issues.map(i => i.created.toString())', /Unrecognized method of `i.created`: "toString"/],
    ['member access on null', 'issues.map(i => i.resolutionDate.getTime())', /Cannot call method "getTime" of null/],
    ['an unknown variable', 'board.id', /Unrecognized variable: "board"/],
    [
      'a syntax error',
      'issues.map(i => [i.id, )',
      /Jira expression failed to parse: Line 1, column 24: a value expected, '\)' encountered/,
    ],
  ])("answers 400 in Jira's error shape for %s", async (_what, expression, message) => {
    const answer = await evaluate('member', expression, { query: 'project = FLOW AND resolution = Unresolved' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ errorMessages: [expect.stringMatching(message)], errors: {} });
  });

  it('refuses context it does not simulate, and malformed bodies', async () => {
    expect((await call(site, 'app', 'POST', EVALUATE, { expression: 'project.key', context: { project: { key: 'FLOW' } } })).status).toBe(
      400,
    );
    expect((await call(site, 'app', 'POST', EVALUATE, { expression: 1 })).status).toBe(400);
    expect((await call(site, 'app', 'POST', EVALUATE, { expression: 'user', unknown: true })).status).toBe(400);
  });

  it('evaluates objects, lists, strings and the calling user', async () => {
    const answer = await call<{ value: unknown }>(site, 'member', 'POST', EVALUATE, {
      expression: '{ who: user.displayName, key: issue.key, created: issue.created, words: [\'a\', "b"].length, nothing: null }',
      context: { issue: { key: 'FLOW-1' } },
    });
    expect(answer.body.value).toEqual({
      who: 'Sam Okafor',
      key: 'FLOW-1',
      created: expect.stringMatching(/\+0000$/),
      words: 2,
      nothing: null,
    });
    expect((await evaluate('app', 'user')).body.value).toBeNull();
  });
});

describe('bad days', () => {
  it('answers 429 with Retry-After like every other endpoint', async () => {
    await call(site, 'anonymous', 'POST', '/__jira/chaos', { rate429: 1, retryAfterSeconds: 3, endpoints: [`POST ${EVALUATE}`] });
    try {
      const answer = await evaluate('app', FACTS, { query: 'project = FLOW' });
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toBe('3');
    } finally {
      await call(site, 'anonymous', 'DELETE', '/__jira/chaos');
    }
  });
});
