import { expect } from '@jest/globals';
import { createJiraSite, type JiraSite } from '../../../dev/jira/jira-site';
import { parseIsoTimestamp, type JiraIssue } from '../../domain';
import { JiraIssueSource } from './jira-issue-source';
import { JiraPacer } from './jira-pacer';
import type { RequestJira } from './jira-request';

/** `requestJira` as the app, answered in process by a simulated site; every request is recorded. */
function asApp(site: JiraSite, log: string[]): RequestJira {
  const request = async (
    route: { value: string } | string,
    init: { method?: string; body?: string | ArrayBuffer | URLSearchParams; headers?: Record<string, string> } = {},
  ) => {
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
  return request;
}

/** A site that answers expressions as Jira Data Center does: there is no such resource. */
function refusingExpressions(requestJira: RequestJira): RequestJira {
  const request = async (route: { value: string } | string, init?: unknown) => {
    const path = typeof route === 'string' ? route : route.value;
    if (path === '/rest/api/3/expression/evaluate') {
      await requestJira(route as Parameters<RequestJira>[0], init as Parameters<RequestJira>[1]);
      return new Response(
        JSON.stringify({ errorMessages: ['No REST resource matches POST /rest/api/3/expression/evaluate.'], errors: {} }),
        { status: 404 },
      );
    }
    return requestJira(route as Parameters<RequestJira>[0], init as Parameters<RequestJira>[1]);
  };
  return request;
}

/** What the compact history reads of an issue, whichever way it was read. */
function facts(issue: JiraIssue) {
  const { fields } = issue;
  const at = (text: unknown) => (typeof text === 'string' ? parseIsoTimestamp(text) : null);
  return {
    id: issue.id,
    key: issue.key,
    created: at(fields.created),
    updated: at(fields['updated']),
    resolved: at(fields.resolutiondate),
    type: fields.issuetype.name,
    status: [fields.status.id, fields.status.name, fields.status.statusCategory?.key],
    flagged: fields['customfield_10021'] !== undefined && fields['customfield_10021'] !== null,
    securityLevel: fields.security?.id === undefined ? null : String(fields.security.id),
  };
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
    await expect(source.firstIssues('FLOW" OR project = "BUG', [])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(source.firstIssues('FLOW', ['customfield_10021) OR (project = BUG'])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(source.issuesByIds('FLOW', ['10001', '1) OR (project = BUG'], [])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(source.changelogs(['10001', 'BUG-1'], [])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const pages = source.updatedIssues('FLOW', Number.NaN, Date.now(), []);
    await expect(pages[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(log).toEqual([]);
  });

  it('lists ids 5000 to a request; reads a few issues 100 to a field search, many 1000 to an expression', async () => {
    const ids = await source.listIssueIds('BIG');
    expect(ids).toHaveLength(12_000);
    expect(log).toHaveLength(3);
    log.length = 0;
    const few = await source.issuesByIds('BIG', ids.slice(0, 150), ['customfield_10021']);
    expect(few).toHaveLength(150);
    expect(log).toEqual(['POST /rest/api/3/search/jql', 'POST /rest/api/3/search/jql']);
    expect(Object.keys(few[0]!.fields).sort()).toEqual([
      'created',
      'customfield_10021',
      'issuetype',
      'resolutiondate',
      'security',
      'status',
      'updated',
    ]);
    log.length = 0;
    const many = await source.issuesByIds('BIG', ids.slice(0, 2000), ['customfield_10021']);
    expect(many).toHaveLength(2000);
    expect(log.filter((line) => line === 'POST /rest/api/3/expression/evaluate')).toHaveLength(2);
    // One ids-only search per thousand for the Flagged field's current state.
    expect(log.filter((line) => line === 'POST /rest/api/3/search/jql')).toHaveLength(2);
  });

  it('reads by expression exactly what the field search reads, and falls back to it where expressions are refused', async () => {
    const ids = (await source.listIssueIds('BIG')).slice(3000, 4000);
    const refusingLog: string[] = [];
    const refusing = new JiraIssueSource(refusingExpressions(asApp(site, refusingLog)), new JiraPacer());
    const [byExpression, bySearch] = await Promise.all([
      source.issuesByIds('BIG', ids, ['customfield_10021']),
      refusing.issuesByIds('BIG', ids, ['customfield_10021']),
    ]);
    expect(byExpression.map(facts)).toEqual(bySearch.map(facts));
    expect(byExpression.some((issue) => facts(issue).flagged)).toBe(true);
    expect(byExpression.some((issue) => facts(issue).resolved !== null)).toBe(true);
    expect(refusingLog.filter((line) => line.endsWith('/expression/evaluate'))).toHaveLength(1);
    // Ten field searches, besides the Flagged search that went out beside the refused expression.
    expect(refusingLog.filter((line) => line.endsWith('/search/jql'))).toHaveLength(11);
    // Refused once, the same source no longer asks.
    refusingLog.length = 0;
    await refusing.issuesByIds('BIG', ids, []);
    expect(refusingLog.some((line) => line.endsWith('/expression/evaluate'))).toBe(false);
  });

  it('reads the security level id by expression and by field search alike', async () => {
    const ids = await source.listIssueIds('BUG');
    const refusing = new JiraIssueSource(refusingExpressions(asApp(site, [])), new JiraPacer());
    const [byExpression, bySearch] = await Promise.all([source.issuesByIds('BUG', ids, []), refusing.issuesByIds('BUG', ids, [])]);
    expect(byExpression.map(facts)).toEqual(bySearch.map(facts));
    const levels = byExpression.map((issue) => facts(issue).securityLevel).filter((level) => level !== null);
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['10100']));
  });

  it("reads a project's first thousand issues by id in one expression, and says whether that was all of them", async () => {
    const whole = await source.firstIssues('SPR', ['customfield_10021']);
    expect(log).toEqual(['POST /rest/api/3/expression/evaluate', 'POST /rest/api/3/search/jql']);
    const sprIds = await source.listIssueIds('SPR');
    expect(whole?.complete).toBe(true);
    expect(whole!.issues.map((issue) => issue.id).sort()).toEqual([...sprIds].sort());
    // The same facts, Flagged state included, as the field search reads.
    const bySearch = await new JiraIssueSource(refusingExpressions(asApp(site, [])), new JiraPacer()).issuesByIds('SPR', sprIds, [
      'customfield_10021',
    ]);
    const byId = (a: JiraIssue, b: JiraIssue) => Number(a.id) - Number(b.id);
    expect(whole!.issues.sort(byId).map(facts)).toEqual(bySearch.sort(byId).map(facts));
    expect(whole!.issues.some((issue) => facts(issue).flagged)).toBe(true);

    const opening = await source.firstIssues('BIG', ['customfield_10021']);
    expect(opening?.complete).toBe(false);
    const smallest = (await source.listIssueIds('BIG'))
      .map(Number)
      .sort((a, b) => a - b)
      .slice(0, 1000);
    expect(opening!.issues.map((issue) => Number(issue.id))).toEqual(smallest);
  });

  it('answers no first issues where expressions are refused, and asks only once', async () => {
    const refusingLog: string[] = [];
    const refusing = new JiraIssueSource(refusingExpressions(asApp(site, refusingLog)), new JiraPacer());
    await expect(refusing.firstIssues('SPR', ['customfield_10021'])).resolves.toBeNull();
    await expect(refusing.firstIssues('SPR', ['customfield_10021'])).resolves.toBeNull();
    expect(refusingLog).toEqual(['POST /rest/api/3/expression/evaluate']);
  });

  it('logs the fallback to field search once, with why Jira refused', async () => {
    const logged = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const refusing = new JiraIssueSource(refusingExpressions(asApp(site, [])), new JiraPacer());
      const ids = (await source.listIssueIds('BIG')).slice(0, 3000);
      await refusing.firstIssues('BIG', ['customfield_10021']);
      // Three thousand issues would be three expressions in parallel: still one line.
      await refusing.issuesByIds('BIG', ids, ['customfield_10021']);
      const fallbacks = logged.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('field search'));
      expect(fallbacks).toEqual([
        '[jira-issue-source] Jira refused the issue facts expression (404: No REST resource matches POST /rest/api/3/expression/evaluate.); reading issues by field search instead',
      ]);
      // A source that reads by expression says nothing of the kind.
      logged.mockClear();
      await source.issuesByIds('BIG', ids, ['customfield_10021']);
      expect(logged.mock.calls.filter(([line]) => String(line).includes('field search'))).toEqual([]);
    } finally {
      logged.mockRestore();
    }
  });

  it('reads complete status histories for 1000 issues in one bulk call', async () => {
    const ids = (await source.listIssueIds('BIG')).slice(0, 1000);
    log.length = 0;
    const changelogs = await source.changelogs(ids, ['customfield_10021']);
    expect(log).toEqual(['POST /rest/api/3/changelog/bulkfetch']);
    const histories = [...changelogs.values()].flat();
    expect(histories.length).toBeGreaterThan(1000);
    expect(
      histories.every((history) => history.items.every((item) => item.fieldId === 'status' || item.fieldId === 'customfield_10021')),
    ).toBe(true);
  });

  it('drops ids of issues deleted since they were listed, and issues that left the project', async () => {
    const ids = (await source.listIssueIds('FLOW')).slice(0, 100);
    const [gone, moved] = [ids[10]!, ids[20]!];
    await site.handle({ method: 'DELETE', path: `/__jira/issues/${gone}`, headers: {} });
    await site.handle({ method: 'POST', path: `/__jira/issues/${moved}/move`, headers: {}, body: JSON.stringify({ project: 'SPR' }) });
    const issues = await source.issuesByIds('FLOW', ids, []);
    expect(issues.map((issue) => issue.id).sort()).toEqual(ids.filter((id) => id !== gone && id !== moved).sort());
  });

  it('does the same when reading a thousand issues by expression', async () => {
    const ids = (await source.listIssueIds('BIG')).slice(6000, 7000);
    const [gone, moved] = [ids[100]!, ids[900]!];
    await site.handle({ method: 'DELETE', path: `/__jira/issues/${gone}`, headers: {} });
    await site.handle({ method: 'POST', path: `/__jira/issues/${moved}/move`, headers: {}, body: JSON.stringify({ project: 'SPR' }) });
    log.length = 0;
    const issues = await source.issuesByIds('BIG', ids, ['customfield_10021']);
    expect(issues.map((issue) => issue.id).sort()).toEqual(ids.filter((id) => id !== gone && id !== moved).sort());
    // Refused once for the deleted id, asked again without it.
    expect(log.filter((line) => line.endsWith('/expression/evaluate'))).toHaveLength(2);
  });

  it('finds the Flagged field and the status catalogue', async () => {
    const catalogue = await source.catalogue();
    expect(catalogue.flaggedFieldIds).toEqual(['customfield_10021']);
    expect(catalogue.statuses.find((status) => status.name === 'In Review')).toMatchObject({ statusCategory: { key: 'indeterminate' } });
  });

  it('says which project Jira does not know', async () => {
    await expect(source.latestUpdate('NOPE')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('NOPE') });
    await expect(source.firstIssues('NOPE', [])).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('NOPE') });
  });
});
