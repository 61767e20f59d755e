import { expect } from '@jest/globals';
import { createJiraSite, type JiraSite } from './jira-site';
import { OpenApiContract } from './openapi-contract';
import {
  TEST_ANCHOR,
  call,
  demoUser,
  q,
  type BulkChangelogJson,
  type Caller,
  type ChangelogPageJson,
  type ErrorCollection,
  type SearchPageJson,
} from './site-test-kit';

/** JiraExpressionEvalResultBean over a JQL page. */
interface EvaluationJson {
  value: unknown;
  meta: { issues: { jql: { nextPageToken?: string; isLast: boolean } } };
}

/**
 * Every endpoint's real answers, checked against the operation's response schema in Atlassian's published
 * description: several variants per endpoint (few and many fields, expansions, errors that have a schema).
 */
const contract = new OpenApiContract();
let site: JiraSite;

beforeAll(() => {
  site = createJiraSite({ now: TEST_ANCHOR });
});

/** The answer's body, once it has conformed to the schema, as the type the caller names for that schema. */
async function expectConforms<T = unknown>(
  caller: Caller,
  method: string,
  path: string,
  template: string,
  expectedStatus: number,
  body?: unknown,
): Promise<T> {
  const answer = await call<T>(site, caller, method, path, body);
  expect({ path, status: answer.status }).toEqual({ path, status: expectedStatus });
  expect(contract.errors(method, template, answer.status, answer.body)).toEqual([]);
  return answer.body;
}

describe('search', () => {
  const template = '/rest/api/3/search/jql';

  it.each([
    ['ids only', `jql=${q('project = FLOW')}`],
    ['a few fields', `jql=${q('project = FLOW ORDER BY created ASC')}&fields=summary,status,created,resolutiondate,customfield_10021`],
    ['all fields with names', `jql=${q('project = SPR')}&fields=*all&expand=names`],
    ['navigable minus one', `jql=${q('project = BUG')}&fields=-description`],
    ['changelog', `jql=${q('project = FLOW AND statusCategory = Done')}&fields=status&expand=changelog`],
  ])('GET with %s conforms', async (_name, query) => {
    const body = await expectConforms<SearchPageJson>('app', 'GET', `${template}?${query}`, template, 200);
    expect(body.issues.length).toBeGreaterThan(0);
  });

  it('POST conforms, first and later pages', async () => {
    const first = await expectConforms<SearchPageJson>('member', 'POST', template, template, 200, {
      jql: 'project in (FLOW, BUG)',
      fields: ['key', 'status', 'updated'],
      maxResults: 30,
    });
    expect(first.nextPageToken).toEqual(expect.any(String));
    await expectConforms('member', 'POST', template, template, 200, {
      jql: 'project in (FLOW, BUG)',
      fields: ['key', 'status', 'updated'],
      maxResults: 30,
      nextPageToken: first.nextPageToken,
    });
  });

  it('the approximate count conforms', async () => {
    const body = await expectConforms<{ count: number }>(
      'app',
      'POST',
      '/rest/api/3/search/approximate-count',
      '/rest/api/3/search/approximate-count',
      200,
      {
        jql: 'project = FLOW',
      },
    );
    expect(body.count).toBe(1100);
  });
});

describe('changelogs', () => {
  it('bulk fetch conforms, with and without a field filter', async () => {
    const template = '/rest/api/3/changelog/bulkfetch';
    const keys = Array.from({ length: 40 }, (_, i) => `BUG-${i + 1}`);
    const all = await expectConforms<BulkChangelogJson>('app', 'POST', template, template, 200, { issueIdsOrKeys: keys });
    const statusOnly = await expectConforms<BulkChangelogJson>('app', 'POST', template, template, 200, {
      issueIdsOrKeys: keys,
      fieldIds: ['status', 'customfield_10021'],
      maxResults: 25,
    });
    expect(all.issueChangeLogs.length).toBeGreaterThan(0);
    expect(statusOnly.nextPageToken).toEqual(expect.any(String));
  });

  it("one issue's changelog conforms", async () => {
    const template = '/rest/api/3/issue/{issueIdOrKey}/changelog';
    const body = await expectConforms<ChangelogPageJson>(
      'member',
      'GET',
      '/rest/api/3/issue/FLOW-23/changelog?startAt=0&maxResults=100',
      template,
      200,
    );
    expect(body.total).toBeGreaterThan(100);
    await expectConforms('member', 'GET', '/rest/api/3/issue/FLOW-23/changelog?startAt=100', template, 200);
  });
});

describe('expression evaluation', () => {
  const template = '/rest/api/3/expression/evaluate';
  const expression = 'issues.map(i => [i.id, i.key, i.created.getTime(), i.resolutionDate?.getTime(), i.status.name])';

  it('a page of issues, an error, and one issue conform', async () => {
    const first = await expectConforms<EvaluationJson>('app', 'POST', template, template, 200, {
      expression,
      context: { issues: { jql: { query: 'project = FLOW ORDER BY id ASC', maxResults: 1000 } } },
    });
    expect(first.value).toHaveLength(1000);
    expect(first.meta.issues.jql).toEqual({ nextPageToken: expect.any(String), isLast: false });
    await expectConforms('member', 'POST', template, template, 400, {
      expression: 'issues.map(i => i.id + 1)',
      context: { issues: { jql: { query: 'project = FLOW' } } },
    });
    await expectConforms('outsider', 'POST', template, template, 404, { expression: 'issue.key', context: { issue: { key: 'BUG-1' } } });
    const one = await expectConforms<EvaluationJson>('member', 'POST', template, template, 200, {
      expression: '{ key: issue.key, type: issue.issueType.name }',
      context: { issue: { key: 'FLOW-1' } },
    });
    expect(one.value).toEqual({ key: 'FLOW-1', type: expect.any(String) });
  });

  it('the last page departs from the description in one documented way: it has no nextPageToken', async () => {
    // The description marks nextPageToken required; a last page has no next page to point at. The
    // simulation answers as the enhanced search does (isLast, no token), and this is the only difference.
    const query = 'project = FLOW ORDER BY id ASC';
    const first = await call<EvaluationJson>(site, 'app', 'POST', template, {
      expression,
      context: { issues: { jql: { query, maxResults: 1000 } } },
    });
    const last = await call<EvaluationJson>(site, 'app', 'POST', template, {
      expression,
      context: { issues: { jql: { query, maxResults: 1000, nextPageToken: first.body.meta.issues.jql.nextPageToken } } },
    });
    expect(last.status).toBe(200);
    expect(last.body.value).toHaveLength(100);
    expect(last.body.meta.issues.jql).toEqual({ isLast: true });
    expect(contract.errors('POST', template, 200, last.body)).toEqual([
      expect.stringContaining("must have required property 'nextPageToken'"),
    ]);
  });
});

describe('permissions', () => {
  const template = '/rest/api/3/mypermissions';

  it.each([
    ['admin', 'permissions=ADMINISTER,BROWSE_PROJECTS'],
    ['member', 'projectKey=BUG&permissions=BROWSE_PROJECTS,EDIT_ISSUES'],
    ['outsider', 'projectKey=FLOW&permissions=BROWSE_PROJECTS'],
    ['app', 'issueKey=SPR-3&permissions=BROWSE_PROJECTS,TRANSITION_ISSUES'],
  ] as const)('mypermissions conforms for the %s', async (caller, query) => {
    await expectConforms(caller, 'GET', `${template}?${query}`, template, 200);
  });

  it('its errors conform too', async () => {
    await expectConforms('member', 'GET', template, template, 400);
    await expectConforms('member', 'GET', `${template}?permissions=NOT_A_PERMISSION`, template, 400);
    await expectConforms('outsider', 'GET', `${template}?projectKey=BUG&permissions=BROWSE_PROJECTS`, template, 404);
    await expectConforms('anonymous', 'GET', `${template}?permissions=BROWSE_PROJECTS`, template, 401);
  });

  it('the bulk check conforms', async () => {
    const path = '/rest/api/3/permissions/check';
    await expectConforms('admin', 'POST', path, path, 200, {
      accountId: demoUser('outsider').accountId,
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projects: [10000, 10002], issues: [10005] }],
    });
    await expectConforms('member', 'POST', path, path, 200, { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'] }] });
    await expectConforms('member', 'POST', path, path, 400, { globalPermissions: ['NOPE'] });
    await expectConforms('member', 'POST', path, path, 403, { accountId: demoUser('admin').accountId, globalPermissions: ['ADMINISTER'] });
  });
});

describe('people, projects and statuses', () => {
  it.each(['admin', 'member', 'outsider', 'app'] as const)('myself conforms for the %s', async (caller) => {
    await expectConforms(caller, 'GET', '/rest/api/3/myself?expand=groups,applicationRoles', '/rest/api/3/myself', 200);
  });

  it('user bulk conforms', async () => {
    const ids = site.users
      .slice(0, 4)
      .map((u) => `accountId=${q(u.accountId)}`)
      .join('&');
    const body = await expectConforms<{ values: unknown[] }>(
      'member',
      'GET',
      `/rest/api/3/user/bulk?${ids}&maxResults=3`,
      '/rest/api/3/user/bulk',
      200,
    );
    expect(body.values).toHaveLength(3);
  });

  it('projects conform: one, the search, and statuses', async () => {
    await expectConforms('member', 'GET', '/rest/api/3/project/FLOW', '/rest/api/3/project/{projectIdOrKey}', 200);
    await expectConforms('member', 'GET', '/rest/api/3/project/10002?expand=insight,lead', '/rest/api/3/project/{projectIdOrKey}', 200);
    await expectConforms(
      'member',
      'GET',
      '/rest/api/3/project/search?maxResults=2&expand=insight,lead,issueTypes',
      '/rest/api/3/project/search',
      200,
    );
    await expectConforms('outsider', 'GET', '/rest/api/3/project/search', '/rest/api/3/project/search', 200);
    await expectConforms('app', 'GET', '/rest/api/3/project/BUG/statuses', '/rest/api/3/project/{projectIdOrKey}/statuses', 200);
  });

  it("a project's issue security levels conform: all of them for the app and the admin, those that admit the member, none without a scheme", async () => {
    const template = '/rest/api/3/project/{projectKeyOrId}/securitylevel';
    const ids = async (caller: 'app' | 'admin' | 'member', key: string) =>
      (
        await expectConforms<{ levels: { id: string }[] }>(caller, 'GET', `/rest/api/3/project/${key}/securitylevel`, template, 200)
      ).levels.map((level) => level.id);
    expect(await ids('app', 'BUG')).toEqual(['10100', '10101']);
    expect(await ids('admin', 'BUG')).toEqual(['10100', '10101']);
    expect(await ids('member', 'BUG')).toEqual(['10101']);
    expect(await ids('member', 'FLOW')).toEqual([]);
    expect((await call(site, 'outsider', 'GET', '/rest/api/3/project/BUG/securitylevel')).status).toBe(404);
  });

  it("a secured issue's level conforms in a field search", async () => {
    let secured = 0;
    let nextPageToken: string | undefined;
    do {
      const body = await expectConforms<SearchPageJson>('app', 'POST', '/rest/api/3/search/jql', '/rest/api/3/search/jql', 200, {
        jql: 'project = BUG',
        fields: ['security'],
        maxResults: 100,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      secured += body.issues.filter((issue) => issue.fields.security !== null).length;
      nextPageToken = body.nextPageToken;
    } while (nextPageToken);
    expect(secured).toBeGreaterThan(0);
  });

  it('statuses, status categories and fields conform', async () => {
    await expectConforms('member', 'GET', '/rest/api/3/status', '/rest/api/3/status', 200);
    await expectConforms('member', 'GET', '/rest/api/3/statuscategory', '/rest/api/3/statuscategory', 200);
    await expectConforms('member', 'GET', '/rest/api/3/field', '/rest/api/3/field', 200);
  });
});

describe('error bodies', () => {
  it.each([
    ['anonymous', 'GET', '/rest/api/3/myself', 401],
    ['outsider', 'GET', '/rest/api/3/project/BUG', 404],
    ['outsider', 'GET', '/rest/api/3/issue/BUG-1/changelog', 404],
    ['member', 'GET', `/rest/api/3/search/jql?jql=${q('order by key')}`, 400],
    ['member', 'GET', '/rest/api/3/search?jql=project%3DFLOW', 410],
    ['member', 'POST', '/rest/api/3/search', 410],
    ['member', 'GET', '/rest/api/3/nothing/here', 404],
  ] as const)('%s %s %s answers %i with an ErrorCollection', async (caller, method, path, status) => {
    const answer = await call<ErrorCollection>(site, caller, method, path);
    expect(answer.status).toBe(status);
    expect(contract.componentErrors('ErrorCollection', answer.body)).toEqual([]);
    expect(answer.body.errorMessages.length).toBeGreaterThan(0);
  });
});

describe('operations the simulated site serves beyond what the app calls', () => {
  it('transitions and issue creation conform', async () => {
    const transitions = await call(site, 'member', 'GET', '/rest/api/3/issue/FLOW-900/transitions');
    expect(contract.errors('GET', '/rest/api/3/issue/{issueIdOrKey}/transitions', 200, transitions.body)).toEqual([]);
    const created = await call<{ key: string }>(site, 'member', 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'FLOW' }, issuetype: { name: 'Story' }, summary: 'Contract check' },
    });
    expect(created.status).toBe(201);
    expect(contract.errors('POST', '/rest/api/3/issue', 201, created.body)).toEqual([]);
    const issue = await call(site, 'member', 'GET', `/rest/api/3/issue/${created.body.key}?expand=changelog`);
    expect(contract.errors('GET', '/rest/api/3/issue/{issueIdOrKey}', 200, issue.body)).toEqual([]);
  });
});
