import { createJiraSite, type JiraSite } from '../jira-site';
import { TEST_ANCHOR, call, type Caller, type ErrorCollection, type IssueJson, type SearchPageJson } from '../site-test-kit';
import { parseJqlDate } from './jql-dates';

/** The JQL subset the site runs, and Jira's refusals for everything else. */
let site: JiraSite;

beforeAll(() => {
  site = createJiraSite({ now: TEST_ANCHOR, clock: () => TEST_ANCHOR.getTime() + 3_600_000 });
});

async function search(
  jql: string,
  fields: string[] = ['key', 'status', 'created', 'updated', 'project', 'issuetype', 'resolutiondate'],
  caller: Caller = 'app',
) {
  const issues: IssueJson[] = [];
  let token: string | undefined;
  for (;;) {
    // A page on 200, Jira's refusal otherwise: typed as both, read as the status says.
    const answer = await call<SearchPageJson & ErrorCollection>(site, caller, 'POST', '/rest/api/3/search/jql', {
      jql,
      fields,
      maxResults: 100,
      ...(token ? { nextPageToken: token } : {}),
    });
    if (answer.status !== 200) return { status: answer.status, errors: answer.body.errorMessages, issues };
    issues.push(...answer.body.issues);
    token = answer.body.nextPageToken;
    if (!token) return { status: 200, errors: [] as string[], issues };
  }
}

describe('clauses', () => {
  it('selects by project, by list of projects, and combines with AND / OR / NOT', async () => {
    expect((await search('project = FLOW')).issues).toHaveLength(1100);
    expect((await search('project in (FLOW, SPR)')).issues).toHaveLength(1860);
    expect((await search('project = "Bug Queue"')).issues).toHaveLength(1350);
    const bugs = await search('project = BUG AND (issuetype = Task OR statusCategory = "In Progress") AND NOT status = Fixing');
    expect(bugs.issues.length).toBeGreaterThan(0);
    for (const issue of bugs.issues) {
      expect(issue.fields.issuetype.name === 'Task' || issue.fields.status.statusCategory.key === 'indeterminate').toBe(true);
      expect(issue.fields.status.name).not.toBe('Fixing');
    }
  });

  it('filters by updated and created with minute, day and relative dates', async () => {
    const since = (await search('project = FLOW AND updated >= "2025-05-01 12:30"')).issues;
    expect(since.length).toBeGreaterThan(0);
    for (const issue of since) expect(Date.parse(issue.fields.updated)).toBeGreaterThanOrEqual(Date.parse('2025-05-01T12:30:00Z'));
    const day = (await search('project = FLOW AND created >= 2025-05-01 AND created < "2025/05/08"')).issues;
    for (const issue of day) {
      expect(Date.parse(issue.fields.created)).toBeGreaterThanOrEqual(Date.parse('2025-05-01T00:00:00Z'));
      expect(Date.parse(issue.fields.created)).toBeLessThan(Date.parse('2025-05-08T00:00:00Z'));
    }
    const relative = (await search('project = FLOW AND updated >= -7d')).issues.length;
    const absolute = (await search('project = FLOW AND updated >= "2025-05-26 01:00"')).issues.length;
    expect(relative).toBe(absolute);
  });

  it('selects by status category name, key and id alike', async () => {
    const byName = await search('project = SPR AND statusCategory = Done');
    const byKey = await search('project = SPR AND statusCategory = done');
    const byId = await search('project = SPR AND statusCategory = 3');
    expect(byName.issues.length).toBeGreaterThan(0);
    expect(byKey.issues).toEqual(byName.issues);
    expect(byId.issues).toEqual(byName.issues);
    const open = await search('project = SPR AND statusCategory != Done');
    expect(open.issues.length + byName.issues.length).toBe(760);
  });

  it('finds issues by key and id, and resolves the unresolved', async () => {
    const found = await search('issuekey in (FLOW-1, SPR-2, 10003)');
    expect(found.issues.map((i) => i.key).sort()).toEqual(['FLOW-1', 'FLOW-4', 'SPR-2']);
    const unresolved = await search('project = BUG AND resolution = Unresolved');
    for (const issue of unresolved.issues) expect(issue.fields.resolutiondate).toBeNull();
    const resolvedLately = await search('project = BUG AND resolved >= "2025-05-01"');
    for (const issue of resolvedLately.issues)
      expect(Date.parse(issue.fields.resolutiondate ?? '')).toBeGreaterThanOrEqual(Date.parse('2025-05-01'));
  });

  it("selects an epic's children by the parent's key or id, one parent or several", async () => {
    const filed = (await search('project = FLOW AND issuetype != Epic', ['key', 'parent'])).issues.flatMap(
      (issue) => (issue.fields as { parent?: { key: string } | null }).parent?.key ?? [],
    );
    const [first, second] = [...new Set(filed)] as [string, string];
    expect(second).toBeDefined();
    const children = await search(`parent = "${first}"`, ['key', 'parent']);
    expect(children.status).toBe(200);
    expect(children.issues.length).toBe(filed.filter((key) => key === first).length);
    for (const issue of children.issues) expect((issue.fields as { parent?: { key: string } }).parent?.key).toBe(first);
    const firstId = (await search(`key = ${first}`, ['id'])).issues[0]?.id ?? '';
    expect((await search(`parent = ${firstId}`, ['key'])).issues.map((i) => i.key)).toEqual(children.issues.map((i) => i.key));
    const both = await search(`parent in (${first}, ${second})`, ['key']);
    const secondChildren = await search(`parent = ${second}`, ['key']);
    expect(both.issues.length).toBe(children.issues.length + secondChildren.issues.length);
    const others = await search(`project = FLOW AND parent != ${first}`, ['key', 'parent']);
    for (const issue of others.issues) expect((issue.fields as { parent?: { key: string } }).parent?.key).not.toBe(first);
    expect((await search('parent = FLOW-999999')).errors).toEqual(["An issue with key 'FLOW-999999' does not exist for field 'parent'."]);
  });
});

describe('ORDER BY', () => {
  it('sorts by key, created and updated in either direction', async () => {
    const byKey = (await search('project in (BUG, FLOW) ORDER BY key DESC')).issues.map((i) => i.key);
    expect(byKey[0]).toBe('FLOW-1100');
    expect(byKey.at(-1)).toBe('BUG-1');
    const byUpdated = (await search('project = SPR ORDER BY updated ASC')).issues.map((i) => Date.parse(i.fields.updated));
    expect([...byUpdated].sort((a, b) => a - b)).toEqual(byUpdated);
    const byCreated = (await search('project = SPR ORDER BY created DESC, key ASC')).issues.map((i) => Date.parse(i.fields.created));
    expect([...byCreated].sort((a, b) => b - a)).toEqual(byCreated);
  });
});

describe('refusals, as Jira words them', () => {
  it.each([
    ['', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    ['ORDER BY key', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['foo = bar', "Field 'foo' does not exist or you do not have permission to view it."],
    ['issuekey = FLOW-99999', "An issue with key 'FLOW-99999' does not exist for field 'issuekey'."],
    ['updated >= "yesterday"', "Date value 'yesterday' for field 'updated' is invalid."],
    ['status > Done', "The operator '>' is not supported by the 'status' field."],
    ['project = FLOW ORDER BY nonsense', "Field 'nonsense' does not exist or you do not have permission to view it."],
    ['project = membersOf(x)', "Unable to find JQL function 'membersOf(x)'."],
  ])('%j', async (jql, message) => {
    const result = await search(jql);
    expect(result.status).toBe(400);
    expect(result.errors.join(' ')).toContain(message);
  });

  it('reports syntax errors with the position', async () => {
    const unclosed = await search('project = "FLOW');
    expect(unclosed.errors[0]).toMatch(
      /^Error in the JQL Query: The quoted string 'FLOW' has not been completed\. \(line 1, character 11\)$/,
    );
    const dangling = await search('project = FLOW AND');
    expect(dangling.errors[0]).toMatch(/^Error in the JQL Query: Expecting a field name but got EOF\./);
    const noOperator = await search('project FLOW');
    expect(noOperator.errors[0]).toContain('Expecting operator but got');
  });

  it("says unsupported fields are the simulation's limit, not Jira's", async () => {
    const result = await search('summary ~ "crash"');
    expect(result.errors[0]).toContain('not supported by the simulated Jira site');
  });

  it('lets approximate-count refuse the same way', async () => {
    const answer = await call(site, 'app', 'POST', '/rest/api/3/search/approximate-count', { jql: 'order by created' });
    expect(answer.status).toBe(400);
  });
});

describe('what a caller may not browse does not exist for them', () => {
  it('the outsider cannot name BUG or its issues, and never sees them', async () => {
    expect((await search('project = BUG', ['key'], 'outsider')).errors).toEqual([
      "The value 'BUG' does not exist for the field 'project'.",
    ]);
    expect((await search('issuekey = BUG-1', ['key'], 'outsider')).errors).toEqual([
      "An issue with key 'BUG-1' does not exist for field 'issuekey'.",
    ]);
    const everything = await search('created >= "2000-01-01"', ['project'], 'outsider');
    expect(everything.issues.length).toBe(1860);
    expect(everything.issues.some((i) => i.fields.project.key === 'BUG')).toBe(false);
    expect((await search('project = BUG', ['key'], 'admin')).issues).toHaveLength(1350);
  });

  it('an issue whose security level does not admit the caller is not there for them, key lookups included', async () => {
    const all = await search('project = BUG', ['key', 'security'], 'app');
    const secured = { issues: all.issues.filter((issue) => issue.fields.security !== null) };
    expect(secured.issues.length).toBeGreaterThan(0);
    expect(secured.issues.every((issue) => issue.fields.security?.id === '10100' && issue.fields.security.name === 'Security team')).toBe(
      true,
    );
    const member = await search('project = BUG', ['key'], 'member');
    expect(member.issues).toHaveLength(1350 - secured.issues.length);
    const memberKeys = new Set(member.issues.map((issue) => issue.key));
    for (const issue of secured.issues) expect(memberKeys.has(issue.key)).toBe(false);
    const key = secured.issues[0]?.key ?? '';
    expect((await search(`issuekey = ${key}`, ['key'], 'member')).errors).toEqual([
      `An issue with key '${key}' does not exist for field 'issuekey'.`,
    ]);
    expect((await search(`issuekey = ${key}`, ['key', 'security'], 'admin')).issues.map((issue) => issue.key)).toEqual([key]);
  });
});

describe('date literals', () => {
  const now = Date.parse('2025-06-02T10:00:00Z');
  it.each([
    ['2025-01-05', '2025-01-05T00:00:00Z'],
    ['2025/01/05 13:45', '2025-01-05T13:45:00Z'],
    ['-1d', '2025-06-01T10:00:00Z'],
    ['-1w 2d', '2025-05-24T10:00:00Z'],
    ['2h', '2025-06-02T12:00:00Z'],
  ])('%s', (text, iso) => {
    expect(parseJqlDate(text, now)).toBe(Date.parse(iso));
  });

  it.each(['2025-02-30', '2025-13-01', 'tomorrow', '5x'])('rejects %s', (text) => {
    expect(parseJqlDate(text, now)).toBeUndefined();
  });
});
