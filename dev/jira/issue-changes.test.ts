import { expect } from '@jest/globals';
import { ISSUE_EVENT, createJiraSite, type IssueEvent, type JiraSite } from './jira-site';
import { TEST_ANCHOR, call, demoUser, q, type ErrorCollection, type IssueJson, type SearchPageJson } from './site-test-kit';

/** GET issue/{key}/transitions. */
interface TransitionsJson {
  transitions: { id: string; name: string }[];
}

/** What the control shortcuts answer about an issue they changed. */
interface ChangedIssueJson {
  key: string;
  previousKey?: string;
}

/** Changes made while an app runs: recorded in the changelog, visible to search, announced as events. */
let site: JiraSite;
let events: IssueEvent[];
let now: number;

beforeEach(() => {
  now = TEST_ANCHOR.getTime() + 5 * 3_600_000;
  site = createJiraSite({ now: TEST_ANCHOR, clock: () => now });
  events = [];
  site.events.on(ISSUE_EVENT, (event: IssueEvent) => events.push(event));
});

async function issue(key: string) {
  return (
    await call<IssueJson>(
      site,
      'app',
      'GET',
      `/rest/api/3/issue/${key}?fields=status,updated,resolution,resolutiondate,project&expand=changelog`,
    )
  ).body;
}

describe('transitions', () => {
  it("lists the workflow's transitions and performs one, with history, updated time and event", async () => {
    const before = await issue('FLOW-1000');
    const { transitions } = (await call<TransitionsJson>(site, 'member', 'GET', '/rest/api/3/issue/FLOW-1000/transitions')).body;
    expect(transitions.map((t) => t.name)).not.toContain(before.fields.status.name);
    const toReview = transitions.find((t) => t.name === 'In Review');
    expect(
      (await call(site, 'member', 'POST', '/rest/api/3/issue/FLOW-1000/transitions', { transition: { id: toReview?.id } })).status,
    ).toBe(204);

    const after = await issue('FLOW-1000');
    expect(after.fields.status.name).toBe('In Review');
    expect(Date.parse(after.fields.updated)).toBe(now);
    const last = after.changelog.histories.at(-1);
    expect(last?.author.accountId).toBe(demoUser('member').accountId);
    expect(last?.items).toEqual([
      expect.objectContaining({ field: 'status', fromString: before.fields.status.name, toString: 'In Review' }),
    ]);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      atlassianId: demoUser('member').accountId,
      issue: { key: 'FLOW-1000', fields: { status: { name: 'In Review' }, project: { key: 'FLOW' } } },
      changelog: { items: [expect.objectContaining({ fieldId: 'status', toString: 'In Review' })] },
    });
  });

  it('sets and clears the resolution with done statuses', async () => {
    const transitionTo = async (name: string) => {
      const { transitions } = (await call<TransitionsJson>(site, 'app', 'GET', '/rest/api/3/issue/BUG-1300/transitions')).body;
      const target = transitions.find((t) => t.name === name);
      now += 60_000;
      return call(site, 'app', 'POST', '/rest/api/3/issue/BUG-1300/transitions', { transition: { id: target?.id } });
    };
    await transitionTo("Won't Fix");
    let bug = await issue('BUG-1300');
    expect(bug.fields.resolution?.name).toBe("Won't Fix");
    expect(bug.fields.resolutiondate).not.toBeNull();
    await transitionTo('Open');
    bug = await issue('BUG-1300');
    expect(bug.fields.resolution).toBeNull();
    expect(bug.fields.resolutiondate).toBeNull();
    expect(bug.changelog.histories.at(-1)?.items).toContainEqual(
      expect.objectContaining({ field: 'resolution', fromString: "Won't Fix", toString: '' }),
    );
    expect(events.every((e) => e.atlassianId === site.appAccountId)).toBe(true);
  });

  it('refuses an unknown transition', async () => {
    const answer = await call<ErrorCollection>(site, 'member', 'POST', '/rest/api/3/issue/FLOW-1/transitions', {
      transition: { id: '999' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errorMessages).toEqual(["Transition id '999' is not valid for this issue."]);
  });

  it('makes the change visible to an incremental sync', async () => {
    const since = '2025-06-02 04:00';
    const jql = `project = SPR AND updated >= "${since}"`;
    expect((await call<SearchPageJson>(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${q(jql)}`)).body.issues).toHaveLength(0);
    await call(site, 'anonymous', 'POST', '/__jira/issues/SPR-700/status', { status: 'In Review' });
    const found = (await call<SearchPageJson>(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${q(jql)}&fields=key`)).body.issues;
    expect(found.map((i) => i.key)).toEqual(['SPR-700']);
  });
});

describe('the control shortcuts', () => {
  it('moves an issue to another status as the project lead unless told otherwise', async () => {
    const answer = await call(site, 'anonymous', 'POST', '/__jira/issues/FLOW-1090/status', { status: 'QA' });
    expect(answer.body).toMatchObject({ key: 'FLOW-1090', status: { name: 'QA' } });
    expect(events[0]?.atlassianId).toBe('712020:3b8f0a5e-6c1d-4f2a-9e7b-2d4c6a8f1e03');
    await call(site, 'anonymous', 'POST', '/__jira/issues/FLOW-1090/status', { status: 'Done', accountId: demoUser('admin').accountId });
    expect(events[1]?.atlassianId).toBe(demoUser('admin').accountId);
    const refused = await call(site, 'anonymous', 'POST', '/__jira/issues/FLOW-1090/status', { status: 'Triaged' });
    expect(refused.status).toBe(400);
  });

  it('flags and unflags', async () => {
    await call(site, 'anonymous', 'POST', '/__jira/issues/SPR-750/flag', { flagged: true });
    const flagged = (await call<IssueJson>(site, 'app', 'GET', '/rest/api/3/issue/SPR-750?fields=customfield_10021')).body;
    expect(flagged.fields.customfield_10021).toEqual([expect.objectContaining({ value: 'Impediment' })]);
    await call(site, 'anonymous', 'POST', '/__jira/issues/SPR-750/flag', { flagged: false });
    expect(events.map((e) => e.changelog?.items[0]?.toString)).toEqual(['Impediment', '']);
  });

  it('moves an issue to another project: new key, old key still found, status mapped', async () => {
    const moved = (await call<ChangedIssueJson>(site, 'anonymous', 'POST', '/__jira/issues/BUG-1340/move', { project: 'SPR' })).body;
    expect(moved.previousKey).toBe('BUG-1340');
    expect(moved.key).toBe('SPR-761');
    const viaOldKey = await issue('BUG-1340');
    expect(viaOldKey.key).toBe('SPR-761');
    expect(viaOldKey.fields.project.key).toBe('SPR');
    expect(['To Do', 'In Progress', 'In Review', 'Done']).toContain(viaOldKey.fields.status.name);
    const items = viaOldKey.changelog.histories.at(-1)?.items;
    expect(items).toContainEqual(expect.objectContaining({ field: 'project', fromString: 'Bug Queue', toString: 'Sprinters Mobile' }));
    expect(items).toContainEqual(expect.objectContaining({ field: 'Key', fromString: 'BUG-1340', toString: 'SPR-761' }));
    const inBug = (await call<{ count: number }>(site, 'app', 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = BUG' }))
      .body.count;
    expect(inBug).toBe(1349);
    expect(events[0]).toMatchObject({ eventType: 'avi:jira:updated:issue', issue: { key: 'SPR-761' } });
  });
});

describe('creating and deleting', () => {
  it('creates an issue in the first column and announces it', async () => {
    const created = await call<ChangedIssueJson>(site, 'member', 'POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'FLOW' },
        issuetype: { name: 'Bug' },
        summary: 'Totals are off by one',
        assignee: { accountId: demoUser('member').accountId },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toBe('FLOW-1101');
    const fetched = (
      await call<IssueJson>(site, 'app', 'GET', `/rest/api/3/issue/${created.body.key}?fields=summary,status,assignee,created`)
    ).body;
    expect(fetched.fields).toMatchObject({
      summary: 'Totals are off by one',
      status: { name: 'Backlog' },
      assignee: { accountId: demoUser('member').accountId },
    });
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:created:issue',
      issue: { key: 'FLOW-1101', fields: { summary: 'Totals are off by one' } },
    });
    expect(events[0]).not.toHaveProperty('changelog');
  });

  it('explains what is missing from a create request', async () => {
    const answer = await call<ErrorCollection>(site, 'outsider', 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'BUG' }, issuetype: { name: 'Bug' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toMatchObject({
      project: 'Specify a valid project ID or key',
      summary: 'You must specify a summary of the issue.',
    });
  });

  it('deletes an issue for those allowed to, and it disappears', async () => {
    expect((await call(site, 'member', 'DELETE', '/rest/api/3/issue/FLOW-500')).status).toBe(403);
    expect((await call(site, 'admin', 'DELETE', '/rest/api/3/issue/FLOW-500')).status).toBe(204);
    expect((await call(site, 'app', 'GET', '/rest/api/3/issue/FLOW-500')).status).toBe(404);
    const count = (await call<{ count: number }>(site, 'app', 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = FLOW' }))
      .body.count;
    expect(count).toBe(1099);
    expect(events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:deleted:issue',
        atlassianId: demoUser('admin').accountId,
        issue: expect.objectContaining({ key: 'FLOW-500' }),
      }),
    ]);
    const search = await call(site, 'app', 'GET', `/rest/api/3/search/jql?jql=${q('issuekey in (FLOW-499, FLOW-500)')}`);
    expect(search.status).toBe(400);
  });

  it('answers the removed search API with 410 Gone', async () => {
    const answer = await call<ErrorCollection>(site, 'member', 'POST', '/rest/api/3/search', { jql: 'project = FLOW' });
    expect(answer.status).toBe(410);
    expect(answer.body.errorMessages[0]).toMatch(
      /^The requested API has been removed\. Please migrate to the \/rest\/api\/3\/search\/jql API/,
    );
  });
});
