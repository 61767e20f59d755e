import { expect } from '@jest/globals';
import { createJiraSite, type JiraSite } from '../../../dev/jira/jira-site';
import { parseIsoTimestamp, facetsOfJiraIssue, type JiraIssue } from '../../domain';
import { ISSUES_PER_EVALUATION, smallerPage } from './issue-facts-expression';
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
    // By id: the expression leaves names and categories to the status catalogue.
    status: fields.status.id,
    flagged: fields['customfield_10021'] !== undefined && fields['customfield_10021'] !== null,
    securityLevel: fields.security?.id === undefined ? null : String(fields.security.id),
    facets: facetsOfJiraIssue(fields),
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

  it('lists ids 5000 to a request; reads a few issues by field search (eleven fields: 50 a page), many 1000 to an expression', async () => {
    const ids = await source.listIssueIds('BIG');
    expect(ids).toHaveLength(12_000);
    expect(log).toHaveLength(3);
    log.length = 0;
    const few = await source.issuesByIds('BIG', ids.slice(0, 150), ['customfield_10021']);
    expect(few).toHaveLength(150);
    // The issue fields and the Flagged field are eleven, more than the simulated site pages by 100.
    expect(log).toEqual(['POST /rest/api/3/search/jql', 'POST /rest/api/3/search/jql', 'POST /rest/api/3/search/jql']);
    expect(Object.keys(few[0]!.fields).sort()).toEqual([
      'components',
      'created',
      'customfield_10021',
      'issuetype',
      'labels',
      // No parent: Jira leaves the field out of an issue that has none.
      'resolution',
      'resolutiondate',
      'security',
      'status',
      'updated',
    ]);
    log.length = 0;
    const many = await source.issuesByIds('BIG', ids.slice(0, 2000), ['customfield_10021']);
    expect(many).toHaveLength(2000);
    expect(log.filter((line) => line === 'POST /rest/api/3/expression/evaluate')).toHaveLength(2000 / ISSUES_PER_EVALUATION);
    // One ids-only search per evaluation for the Flagged field's current state.
    expect(log.filter((line) => line === 'POST /rest/api/3/search/jql')).toHaveLength(2000 / ISSUES_PER_EVALUATION);
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
    expect(byExpression.some((issue) => facts(issue).facets.resolution !== null && facts(issue).facets.labels.length > 0)).toBe(true);
    expect(byExpression.some((issue) => facts(issue).facets.parent !== null)).toBe(true);
    expect(refusingLog.filter((line) => line.endsWith('/expression/evaluate'))).toHaveLength(1);
    // Twenty field searches of 50, besides the Flagged search that went out beside the refused expression.
    expect(refusingLog.filter((line) => line.endsWith('/search/jql'))).toHaveLength(21);
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

  it("reads a project's first issues by id in one expression, and says whether that was all of them", async () => {
    // A site whose project BIG fits in one evaluation.
    const small = createJiraSite({ bigProjectIssues: 400 });
    const smallLog: string[] = [];
    const whole = await new JiraIssueSource(asApp(small, smallLog), new JiraPacer()).firstIssues('BIG', ['customfield_10021']);
    expect(smallLog).toEqual(['POST /rest/api/3/expression/evaluate', 'POST /rest/api/3/search/jql']);
    const bigIds = await new JiraIssueSource(asApp(small, []), new JiraPacer()).listIssueIds('BIG');
    expect(whole?.complete).toBe(true);
    expect(whole!.issues.map((issue) => issue.id).sort()).toEqual([...bigIds].sort());
    // The same facts, Flagged state and facets included, as the field search reads.
    const bySearch = await new JiraIssueSource(refusingExpressions(asApp(small, [])), new JiraPacer()).issuesByIds('BIG', bigIds, [
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
      .slice(0, ISSUES_PER_EVALUATION);
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
      // Three thousand issues would be six expressions in parallel: still one line.
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

  it('does the same when reading a thousand issues by expression (one evaluation)', async () => {
    const ids = (await source.listIssueIds('BIG')).slice(6000, 7000);
    const [gone, moved] = [ids[100]!, ids[900]!];
    await site.handle({ method: 'DELETE', path: `/__jira/issues/${gone}`, headers: {} });
    await site.handle({ method: 'POST', path: `/__jira/issues/${moved}/move`, headers: {}, body: JSON.stringify({ project: 'SPR' }) });
    log.length = 0;
    const issues = await source.issuesByIds('BIG', ids, ['customfield_10021']);
    expect(issues.map((issue) => issue.id).sort()).toEqual(ids.filter((id) => id !== gone && id !== moved).sort());
    // One evaluation, refused once for the deleted id and asked again without it.
    expect(log.filter((line) => line.endsWith('/expression/evaluate'))).toHaveLength(2);
  });

  it('asks for half as many issues when Jira refuses a page as over its result limits, and keeps that size for the job', async () => {
    const ids = (await source.listIssueIds('BIG')).slice(0, 2000);
    const sizes: number[] = [];
    const crowded = async (route: { value: string } | string, init?: { body?: string }) => {
      const path = typeof route === 'string' ? route : route.value;
      if (path === '/rest/api/3/expression/evaluate') {
        const size = (JSON.parse(init!.body!) as { context: { issues: { jql: { maxResults: number } } } }).context.issues.jql.maxResults;
        sizes.push(size);
        // What Jira answers a page of issues with many labels: over 10,000 values when more than 400 issues.
        if (size > 400) {
          const message = `Evaluation failed: the result holds ${size * 25} primitive values, over the limit of 10000.`;
          return new Response(JSON.stringify({ errorMessages: [message], errors: {} }), { status: 400 });
        }
      }
      return asApp(site, [])(route as Parameters<RequestJira>[0], init);
    };
    const halving = new JiraIssueSource(crowded as RequestJira, new JiraPacer());
    const first = await halving.issuesByIds('BIG', ids.slice(0, 1000), []);
    expect(first.map((issue) => issue.id).sort()).toEqual(ids.slice(0, 1000).sort());
    // 1000 and 500 refused, then pages of 250.
    expect(sizes).toEqual([1000, 500, 250, 250, 250, 250]);
    // The job keeps that size: its next thousand issues are not asked for at a size already refused.
    sizes.length = 0;
    const next = await halving.issuesByIds('BIG', ids.slice(1000), []);
    expect(next.map((issue) => issue.id).sort()).toEqual(ids.slice(1000).sort());
    expect(sizes).toEqual([250, 250, 250, 250]);
    // Any other refusal is not about the page's size.
    expect(smallerPage(1000, { status: 400, errorMessages: ['Evaluation failed: "i.status.nme" - Unrecognized property'] })).toBeNull();
    expect(smallerPage(125, { status: 400, errorMessages: ['Evaluation failed: over the limit of 10000.'] })).toBeNull();
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
