import { createJiraSite, type JiraSite } from '../../../dev/jira/jira-site';
import { JiraIssueSource } from './jira-issue-source';
import { JiraPacer } from './jira-pacer';
import type { RequestJira } from './jira-request';

/** `requestJira` as the app, answered in process by a simulated site; every request is recorded. */
function asApp(site: JiraSite, log: string[]): RequestJira {
  const request = async (route: { value: string } | string, init: { method?: string; body?: string | ArrayBuffer | URLSearchParams; headers?: Record<string, string> } = {}) => {
    const path = typeof route === 'string' ? route : route.value;
    log.push(`${init.method ?? 'GET'} ${path}`);
    const answer = await site.handle({
      method: init.method ?? 'GET',
      path,
      headers: { ...(init.headers ?? {}), 'x-forge-sim-principal': 'app' },
      ...(typeof init.body === 'string' ? { body: init.body } : {}),
    });
    return new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
  return request as unknown as RequestJira;
}

describe('reading issues from Jira as the app', () => {
  const site = createJiraSite({ bigProjectIssues: 12_000 });
  let log: string[];
  let source: JiraIssueSource;
  beforeEach(() => {
    log = [];
    source = new JiraIssueSource(asApp(site, log), new JiraPacer());
  });

  it('refuses injection attempts before making any request', async () => {
    await expect(source.listIssueIds('FLOW" OR project = "BUG')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(source.latestUpdate('FLOW OR 1=1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(source.issuesByIds('FLOW', ['10001', '1) OR (project = BUG'], [])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(source.changelogs(['10001', 'BUG-1'], [])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const pages = source.updatedIssues('FLOW', Number.NaN, Date.now(), []);
    await expect(pages[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(log).toEqual([]);
  });

  it('lists ids 5000 to a request, and reads the fields it needs 100 issues to a request', async () => {
    const ids = await source.listIssueIds('BIG');
    expect(ids).toHaveLength(12_000);
    expect(log).toHaveLength(3);
    log.length = 0;
    const issues = await source.issuesByIds('BIG', ids.slice(0, 250), ['customfield_10021']);
    expect(issues).toHaveLength(250);
    expect(log).toHaveLength(3);
    expect(Object.keys(issues[0]!.fields).sort()).toEqual(['created', 'customfield_10021', 'issuetype', 'resolutiondate', 'status', 'updated']);
  });

  it('reads complete status histories for 1000 issues in one bulk call', async () => {
    const ids = (await source.listIssueIds('BIG')).slice(0, 1000);
    log.length = 0;
    const changelogs = await source.changelogs(ids, ['customfield_10021']);
    expect(log).toEqual(['POST /rest/api/3/changelog/bulkfetch']);
    const histories = [...changelogs.values()].flat();
    expect(histories.length).toBeGreaterThan(1000);
    expect(histories.every((history) => history.items.every((item) => item.fieldId === 'status' || item.fieldId === 'customfield_10021'))).toBe(true);
  });

  it('drops ids of issues deleted since they were listed, and issues that left the project', async () => {
    const ids = (await source.listIssueIds('FLOW')).slice(0, 100);
    const [gone, moved] = [ids[10]!, ids[20]!];
    await site.handle({ method: 'DELETE', path: `/__jira/issues/${gone}`, headers: {} });
    await site.handle({ method: 'POST', path: `/__jira/issues/${moved}/move`, headers: {}, body: JSON.stringify({ project: 'SPR' }) });
    const issues = await source.issuesByIds('FLOW', ids, []);
    expect(issues.map((issue) => issue.id).sort()).toEqual(ids.filter((id) => id !== gone && id !== moved).sort());
  });

  it('finds the Flagged field and the status catalogue', async () => {
    const catalogue = await source.catalogue();
    expect(catalogue.flaggedFieldIds).toEqual(['customfield_10021']);
    expect(catalogue.statuses.find((status) => status.name === 'In Review')).toMatchObject({ statusCategory: { key: 'indeterminate' } });
  });

  it('says which project Jira does not know', async () => {
    await expect(source.latestUpdate('NOPE')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('NOPE') });
  });
});
