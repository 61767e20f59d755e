import { createJiraSite, type JiraSite } from './jira-site';
import { TEST_ANCHOR, call, demoUser, q, type Caller, type ErrorCollection } from './site-test-kit';

/** PageBeanProject: a page of the project search. */
interface ProjectPageJson {
  values: { key: string }[];
  nextPage?: string;
  isLast: boolean;
}

/** BulkPermissionGrants. */
interface PermissionGrantsJson {
  projectPermissions: { permission: string; projects: number[]; issues: number[] }[];
}

/**
 * Who sees what. The admin and the member browse everything; the outsider gets Jira's behaviour for BUG,
 * which it may not browse: absent from searches, 404 on direct access, `havePermission: false`.
 */
let site: JiraSite;

beforeAll(() => {
  site = createJiraSite({ now: TEST_ANCHOR });
});

const have = async (caller: Caller, query: string, key: string) =>
  (await call<{ permissions: Record<string, { havePermission: boolean }> }>(site, caller, 'GET', `/rest/api/3/mypermissions?${query}`)).body
    .permissions[key]?.havePermission;

describe('mypermissions', () => {
  it('needs the permissions parameter', async () => {
    const answer = await call(site, 'member', 'GET', '/rest/api/3/mypermissions?projectKey=FLOW');
    expect(answer.status).toBe(400);
  });

  it('grants ADMINISTER to the admin only', async () => {
    expect(await have('admin', 'permissions=ADMINISTER', 'ADMINISTER')).toBe(true);
    expect(await have('member', 'permissions=ADMINISTER', 'ADMINISTER')).toBe(false);
    expect(await have('outsider', 'permissions=ADMINISTER', 'ADMINISTER')).toBe(false);
    expect(await have('app', 'permissions=ADMINISTER', 'ADMINISTER')).toBe(false);
  });

  it('grants BROWSE_PROJECTS on BUG to everyone but the outsider, who gets a 404', async () => {
    for (const caller of ['admin', 'member', 'app'] as const) {
      expect(await have(caller, 'projectKey=BUG&permissions=BROWSE_PROJECTS', 'BROWSE_PROJECTS')).toBe(true);
    }
    const outsider = await call<ErrorCollection>(
      site,
      'outsider',
      'GET',
      '/rest/api/3/mypermissions?projectKey=BUG&permissions=BROWSE_PROJECTS',
    );
    expect(outsider.status).toBe(404);
    expect(outsider.body.errorMessages).toEqual(["No project could be found with key 'BUG'."]);
    expect(await have('outsider', 'projectKey=FLOW&permissions=BROWSE_PROJECTS', 'BROWSE_PROJECTS')).toBe(true);
    expect(await have('outsider', 'projectId=10001&permissions=BROWSE_PROJECTS', 'BROWSE_PROJECTS')).toBe(true);
  });

  it('answers for an issue by its project', async () => {
    expect(await have('member', 'issueKey=BUG-7&permissions=TRANSITION_ISSUES', 'TRANSITION_ISSUES')).toBe(true);
    expect((await call(site, 'outsider', 'GET', '/rest/api/3/mypermissions?issueKey=BUG-7&permissions=BROWSE_PROJECTS')).status).toBe(404);
  });
});

describe('permissions/check', () => {
  it('lists the granted projects, and lets only an admin ask about someone else', async () => {
    const body = { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000, 10001, 10002] }] };
    const outsider = await call<PermissionGrantsJson>(site, 'outsider', 'POST', '/rest/api/3/permissions/check', body);
    expect(outsider.body.projectPermissions).toEqual([{ permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [] }]);
    const asked = await call<PermissionGrantsJson>(site, 'admin', 'POST', '/rest/api/3/permissions/check', {
      ...body,
      accountId: demoUser('outsider').accountId,
    });
    expect(asked.body.projectPermissions[0]?.projects).toEqual([10000, 10001]);
    const refused = await call(site, 'member', 'POST', '/rest/api/3/permissions/check', {
      ...body,
      accountId: demoUser('outsider').accountId,
    });
    expect(refused.status).toBe(403);
  });
});

describe('projects and issues', () => {
  it('hides BUG from the outsider everywhere', async () => {
    expect((await call(site, 'outsider', 'GET', '/rest/api/3/project/BUG')).status).toBe(404);
    expect((await call(site, 'outsider', 'GET', '/rest/api/3/project/10002/statuses')).status).toBe(404);
    expect((await call(site, 'outsider', 'GET', '/rest/api/3/issue/BUG-3/changelog')).status).toBe(404);
    expect((await call(site, 'outsider', 'GET', '/rest/api/3/issue/BUG-3/transitions')).status).toBe(404);
    const list = await call<ProjectPageJson>(site, 'outsider', 'GET', '/rest/api/3/project/search');
    expect(list.body.values.map((p) => p.key)).toEqual(['FLOW', 'SPR']);
    const count = await call<{ count: number }>(site, 'outsider', 'POST', '/rest/api/3/search/approximate-count', {
      jql: 'created >= "2000-01-01"',
    });
    expect(count.body.count).toBe(1860);
  });

  it('shows everything to the member and the app', async () => {
    for (const caller of ['member', 'app', 'admin'] as const) {
      const list = await call<ProjectPageJson>(site, caller, 'GET', '/rest/api/3/project/search');
      expect(list.body.values.map((p) => p.key)).toEqual(['BUG', 'FLOW', 'SPR']);
      expect((await call(site, caller, 'GET', `/rest/api/3/search/jql?jql=${q('project = BUG')}`)).status).toBe(200);
    }
  });

  it('pages the project search', async () => {
    const first = await call<ProjectPageJson>(site, 'member', 'GET', '/rest/api/3/project/search?maxResults=2');
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false });
    expect(first.body.nextPage).toContain('startAt=2');
    const second = await call<ProjectPageJson>(site, 'member', 'GET', '/rest/api/3/project/search?startAt=2&maxResults=2');
    expect(second.body.values.map((p) => p.key)).toEqual(['SPR']);
    expect(second.body.isLast).toBe(true);
  });
});

describe('identity', () => {
  it("refuses requests without an identity, in Jira's words", async () => {
    const answer = await call(site, 'anonymous', 'GET', '/rest/api/3/project/FLOW');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
      errors: {},
    });
  });

  it("accepts basic auth with a demo user's email and API token, and refuses a wrong token", async () => {
    const user = demoUser('outsider');
    const basic = (token: string) => `Basic ${Buffer.from(`${user.emailAddress}:${token}`).toString('base64')}`;
    const ok = await site.handle({ method: 'GET', path: '/rest/api/3/myself', headers: { Authorization: basic(user.apiToken) } });
    expect(JSON.parse(ok.body)).toMatchObject({ accountId: user.accountId, emailAddress: user.emailAddress, accountType: 'atlassian' });
    const hidden = await site.handle({ method: 'GET', path: '/rest/api/3/project/BUG', headers: { Authorization: basic(user.apiToken) } });
    expect(hidden.status).toBe(404);
    const wrong = await site.handle({ method: 'GET', path: '/rest/api/3/myself', headers: { Authorization: basic('not-the-token') } });
    expect(wrong.status).toBe(401);
  });

  it('knows the app as an app account', async () => {
    const me = await call(site, 'app', 'GET', '/rest/api/3/myself');
    expect(me.body).toMatchObject({ accountId: site.appAccountId, accountType: 'app' });
  });

  it('refuses an unknown principal', async () => {
    const answer = await site.handle({ method: 'GET', path: '/rest/api/3/myself', headers: { 'x-forge-sim-principal': 'user:nobody' } });
    expect(answer.status).toBe(401);
  });
});
