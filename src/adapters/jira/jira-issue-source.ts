import { route } from '@forge/api';
import { AppError } from '../../app/app-error';
import {
  collectBulkChangelogs,
  parseIsoTimestamp,
  type JiraBulkChangelogPage,
  type JiraChangeHistory,
  type JiraIssue,
  type JiraStatus,
  FACET_FIELDS,
} from '../../domain';
import { logJob } from '../../app/job-log';
import type { FirstIssues, IssueSource, JiraCatalogue } from '../../ports';
import {
  ISSUES_PER_EVALUATION,
  ISSUE_FACTS_EXPRESSION,
  issuesFromFacts,
  nextPageOf,
  smallerPage,
  type ExpressionPage,
} from './issue-facts-expression';
import { JiraPacer, JiraRefusal } from './jira-pacer';
import type { RequestJira } from './jira-request';
import { anyFieldSet, idIn, jql, projectIs, updatedSince } from './jql';

/**
 * A project's issues, read as the app, with as few requests as Jira allows:
 * - enhanced JQL search (`POST /rest/api/3/search/jql`, `nextPageToken` paging), asking only for the fields
 *   the compact history needs: ids alone come 5000 to a page, issues with these few fields 100;
 * - for many issues at once, a Jira expression over the same kind of query
 *   (`POST /rest/api/3/expression/evaluate`, see `issue-facts-expression.ts`): 1000 issues' facts a request,
 *   plus one ids-only search for those that are flagged now; a site that refuses expressions is read by
 *   field search instead;
 * - the bulk changelog (`POST /rest/api/3/changelog/bulkfetch`), 1000 issues a call, filtered to the
 *   status and Flagged fields: one call instead of a changelog request per issue;
 * - the status catalogue and the field list (to find the Flagged field's id) once per backfill;
 * - a backfill's opening page: the project's first 1000 issues by one expression, which for most projects is
 *   all of them, so that neither their id list nor the latest update needs a request of its own.
 * Requests go through a `JiraPacer` (bounded concurrency, Retry-After, back-off).
 */
/** `security`: the issue's security level, of which the history keeps the id (see src/app/access/issue-security.ts). */
const ISSUE_FIELDS = ['created', 'updated', 'issuetype', 'status', 'resolutiondate', 'security', ...FACET_FIELDS] as const;

/** Jira's largest pages: ids only; issues with a few fields; bulk changelog issues and changes. */
const IDS_PAGE = 5000;
const ISSUES_PAGE = 100;
/** Statuses of a refusal that mean "this site does not evaluate expressions for the app" (Data Center, a policy, an older API). */
const EXPRESSIONS_UNAVAILABLE = new Set([400, 403, 404, 405, 410]);
const CHANGELOG_ISSUES = 1000;
const CHANGELOG_PAGE = 10_000;

interface SearchPage {
  issues?: JiraIssue[];
  nextPageToken?: string | null;
  isLast?: boolean;
}

interface JiraField {
  id: string;
  name?: string;
  custom?: boolean;
}

export class JiraIssueSource implements IssueSource {
  /** Set once the site refused an expression: later reads of this job go straight to the field search. */
  private expressionsRefused = false;
  /** Issues asked for in one evaluation: Jira's most, until Jira refuses a page as too large. */
  private issuesPerEvaluation = ISSUES_PER_EVALUATION;

  constructor(
    private readonly requestJira: RequestJira,
    private readonly pacer: JiraPacer = new JiraPacer(),
  ) {}

  async catalogue(): Promise<JiraCatalogue> {
    const [statuses, fields] = await Promise.all([
      this.statuses(),
      this.pacer.json<JiraField[]>('the field list', () => this.requestJira(route`/rest/api/3/field`)),
    ]);
    const flaggedFieldIds = (Array.isArray(fields) ? fields : [])
      .filter((field) => field.custom === true && field.name?.trim().toLowerCase() === 'flagged' && typeof field.id === 'string')
      .map((field) => field.id)
      .sort();
    return { statuses, flaggedFieldIds };
  }

  async statuses(): Promise<JiraStatus[]> {
    const statuses = await this.pacer.json<JiraStatus[]>('the status list', () => this.requestJira(route`/rest/api/3/status`));
    if (!Array.isArray(statuses)) throw new AppError('UNAVAILABLE', 'Jira sent an unexpected status list.');
    return statuses;
  }

  async latestUpdate(projectKey: string): Promise<number | null> {
    const query = jql([projectIs(projectKey)], 'updated DESC');
    const page = await this.search(projectKey, { jql: query, fields: ['updated'], maxResults: 1 });
    const updated = page.issues?.[0]?.fields.updated;
    const at = typeof updated === 'string' ? parseIsoTimestamp(updated) : NaN;
    return Number.isNaN(at) ? null : at;
  }

  /**
   * The project's first issues in id order, as many as one evaluation holds (`ISSUES_PER_EVALUATION`), with the Flagged state
   * of those that are flagged now (one ids-only search, sent after the expression so that it names only
   * issues the expression found). `complete` when Jira said there are no more. Null when the site does not
   * evaluate expressions for the app: the caller lists and reads the project the other way.
   */
  async firstIssues(projectKey: string, flaggedFieldIds: readonly string[]): Promise<FirstIssues | null> {
    const project = projectIs(projectKey);
    if (flaggedFieldIds.length > 0) anyFieldSet(flaggedFieldIds);
    if (this.expressionsRefused) return null;
    let page: ExpressionPage;
    try {
      page = await this.evaluate(projectKey, jql([project], 'id ASC'), null);
    } catch (error) {
      if (!(error instanceof JiraRefusal) || !EXPRESSIONS_UNAVAILABLE.has(error.status)) throw error;
      this.fallBackToFieldSearch(error);
      return null;
    }
    const issues = issuesFromFacts(page);
    const ids = issues.map((issue) => issue.id);
    const flagged =
      flaggedFieldIds.length > 0 && ids.length > 0
        ? await this.withoutVanished(ids, (rest) => this.flaggedAmong(projectKey, project, rest, flaggedFieldIds))
        : [];
    return { issues: withFlags(issues, flagged, flaggedFieldIds), complete: nextPageOf(page) === null };
  }

  async listIssueIds(projectKey: string): Promise<string[]> {
    const query = jql([projectIs(projectKey)], 'key ASC');
    const ids: string[] = [];
    for await (const page of this.pages(projectKey, { jql: query, fields: ['id'], maxResults: IDS_PAGE })) {
      for (const issue of page) ids.push(String(issue.id));
    }
    return ids;
  }

  /**
   * Read the cheaper way: a field search costs a request per 100 issues; facts by expression cost one per
   * 1000, and one more for the Flagged field when the site has one.
   */
  async issuesByIds(projectKey: string, ids: readonly string[], flaggedFieldIds: readonly string[]): Promise<JiraIssue[]> {
    const project = projectIs(projectKey);
    idIn(ids); // every id is checked before the first request
    if (flaggedFieldIds.length > 0) anyFieldSet(flaggedFieldIds);
    const searchCost = Math.ceil(ids.length / ISSUES_PAGE);
    const expressionCost = Math.ceil(ids.length / ISSUES_PER_EVALUATION) * (flaggedFieldIds.length > 0 ? 2 : 1);
    const byExpression = !this.expressionsRefused && expressionCost < searchCost;
    const answers = await Promise.all(
      chunksOf(ids, byExpression ? ISSUES_PER_EVALUATION : ISSUES_PAGE).map((chunk) =>
        byExpression
          ? this.factsOf(projectKey, project, chunk, flaggedFieldIds)
          : this.withoutVanished(chunk, (rest) => this.fieldsOf(projectKey, project, rest, flaggedFieldIds)),
      ),
    );
    return answers.flat();
  }

  async *updatedIssues(
    projectKey: string,
    since: number | null,
    now: number,
    flaggedFieldIds: readonly string[],
  ): AsyncIterable<JiraIssue[]> {
    const clauses = [projectIs(projectKey), ...(since === null ? [] : [updatedSince(since, now)])];
    yield* this.pages(projectKey, { jql: jql(clauses, 'updated ASC'), fields: fieldsWith(flaggedFieldIds), maxResults: ISSUES_PAGE });
  }

  async changelogs(ids: readonly string[], flaggedFieldIds: readonly string[]): Promise<Map<string, JiraChangeHistory[]>> {
    if (ids.length === 0) return new Map();
    idIn(ids);
    const fieldIds = ['status', ...flaggedFieldIds];
    const pages = await Promise.all(
      chunksOf(ids, CHANGELOG_ISSUES).map(async (chunk) => {
        const collected: JiraBulkChangelogPage[] = [];
        let token: string | null = null;
        do {
          const body = JSON.stringify({
            issueIdsOrKeys: chunk,
            fieldIds,
            maxResults: CHANGELOG_PAGE,
            ...(token ? { nextPageToken: token } : {}),
          });
          const page: JiraBulkChangelogPage = await this.pacer.json<JiraBulkChangelogPage>('the bulk changelog', () =>
            this.requestJira(route`/rest/api/3/changelog/bulkfetch`, { method: 'POST', headers: JSON_HEADERS, body }),
          );
          if (!Array.isArray(page.issueChangeLogs)) throw new AppError('UNAVAILABLE', 'Jira sent an unexpected bulk changelog.');
          collected.push(page);
          token = page.nextPageToken ?? null;
        } while (token);
        return collected;
      }),
    );
    return collectBulkChangelogs(pages.flat());
  }

  /** Issues among up to 100 ids, by field search. */
  private async fieldsOf(
    projectKey: string,
    project: string,
    ids: readonly string[],
    flaggedFieldIds: readonly string[],
  ): Promise<JiraIssue[]> {
    const issues: JiraIssue[] = [];
    const query = jql([project, idIn(ids)], 'key ASC');
    for await (const page of this.pages(projectKey, { jql: query, fields: fieldsWith(flaggedFieldIds), maxResults: ISSUES_PAGE }))
      issues.push(...page);
    return issues;
  }

  /**
   * Issues among up to 1000 ids, by expression, with the Flagged field's current state from an ids-only
   * search in parallel. Only issues whose Flagged field was never changed need that state (their history has
   * no Flagged entry to read), and for them it cannot change without adding one: so the two answers agree
   * even if someone flags an issue between them. A site that refuses expressions is read by search.
   */
  private async factsOf(
    projectKey: string,
    project: string,
    ids: readonly string[],
    flaggedFieldIds: readonly string[],
  ): Promise<JiraIssue[]> {
    try {
      const [issues, flagged] = await Promise.all([
        this.withoutVanished(ids, (rest) => this.evaluateFacts(projectKey, project, rest)),
        flaggedFieldIds.length > 0
          ? this.withoutVanished(ids, (rest) => this.flaggedAmong(projectKey, project, rest, flaggedFieldIds))
          : [],
      ]);
      const wanted = new Set(ids);
      return withFlags(
        issues.filter((issue) => wanted.has(issue.id)),
        flagged,
        flaggedFieldIds,
      );
    } catch (error) {
      if (!(error instanceof JiraRefusal) || !EXPRESSIONS_UNAVAILABLE.has(error.status)) throw error;
      this.fallBackToFieldSearch(error);
      const answers = await Promise.all(
        chunksOf(ids, ISSUES_PAGE).map((chunk) =>
          this.withoutVanished(chunk, (rest) => this.fieldsOf(projectKey, project, rest, flaggedFieldIds)),
        ),
      );
      return answers.flat();
    }
  }

  private async evaluateFacts(projectKey: string, project: string, ids: readonly string[]): Promise<JiraIssue[]> {
    const query = jql([project, idIn(ids)], 'id ASC');
    const issues: JiraIssue[] = [];
    let token: string | null = null;
    do {
      const page = await this.evaluate(projectKey, query, token);
      issues.push(...issuesFromFacts(page));
      token = nextPageOf(page);
    } while (token);
    return issues;
  }

  /**
   * From now on this source (one invocation's) reads by field search. Said once, with Jira's answer, since the
   * fallback costs ten times the requests and would otherwise go unnoticed: a site, a proxy or a policy that
   * refuses expressions shows in the logs the first time it happens in each job.
   */
  private fallBackToFieldSearch(refusal: JiraRefusal): void {
    if (this.expressionsRefused) return;
    this.expressionsRefused = true;
    const said = refusal.errorMessages[0]?.slice(0, 160);
    logJob(
      'jira-issue-source',
      `Jira refused the issue facts expression (${refusal.status}${said ? `: ${said}` : ''}); reading issues by field search instead`,
    );
  }

  /**
   * One page of the issue facts expression over a JQL query. A page Jira refuses as over its result limits
   * (many labels and components) is asked for again with half as many issues, and this job keeps the
   * smaller size: its next pages are likely to be as crowded.
   */
  private async evaluate(projectKey: string, query: string, token: string | null): Promise<ExpressionPage> {
    for (;;) {
      // Read when the request goes out, so a page queued behind a refused one is already asked for fewer.
      let size = this.issuesPerEvaluation;
      const send = () => {
        size = this.issuesPerEvaluation;
        const body = JSON.stringify({
          expression: ISSUE_FACTS_EXPRESSION,
          context: { issues: { jql: { query, maxResults: size, ...(token ? { nextPageToken: token } : {}) } } },
        });
        return this.requestJira(route`/rest/api/3/expression/evaluate`, { method: 'POST', headers: JSON_HEADERS, body });
      };
      try {
        return await this.withProjectNamed(projectKey, () => this.pacer.json<ExpressionPage>('the issue facts expression', send));
      } catch (error) {
        const smaller = error instanceof JiraRefusal ? smallerPage(size, error) : null;
        if (smaller === null) throw error;
        // Another page of the same job may have halved it already.
        this.issuesPerEvaluation = Math.min(this.issuesPerEvaluation, smaller);
      }
    }
  }

  /** Ids among `ids` whose Flagged field holds a value now (ids only: 5000 a page). */
  private async flaggedAmong(
    projectKey: string,
    project: string,
    ids: readonly string[],
    flaggedFieldIds: readonly string[],
  ): Promise<string[]> {
    const query = jql([project, idIn(ids), anyFieldSet(flaggedFieldIds)], 'id ASC');
    const flagged: string[] = [];
    for await (const page of this.pages(projectKey, { jql: query, fields: ['id'], maxResults: IDS_PAGE }))
      flagged.push(...page.map((issue) => String(issue.id)));
    return flagged;
  }

  /**
   * Jira refuses an `id in (…)` query naming an issue that was deleted since the ids were listed, and says
   * which: those ids are dropped and the query asked again.
   */
  private async withoutVanished<T>(ids: readonly string[], read: (ids: readonly string[]) => Promise<T[]>): Promise<T[]> {
    let remaining = [...ids];
    while (remaining.length > 0) {
      try {
        return await read(remaining);
      } catch (error) {
        if (!(error instanceof JiraRefusal) || error.status !== 400) throw error;
        const vanished = new Set(remaining.filter((id) => error.errorMessages.some((message) => message.includes(`'${id}'`))));
        if (vanished.size === 0) throw error;
        remaining = remaining.filter((id) => !vanished.has(id));
      }
    }
    return [];
  }

  private async *pages(
    projectKey: string,
    request: { jql: string; fields: readonly string[]; maxResults: number },
  ): AsyncIterable<JiraIssue[]> {
    let token: string | null = null;
    do {
      const page = await this.search(projectKey, request, token);
      yield page.issues ?? [];
      token = page.isLast === true ? null : (page.nextPageToken ?? null);
    } while (token);
  }

  private async search(
    projectKey: string,
    request: { jql: string; fields: readonly string[]; maxResults: number },
    token: string | null = null,
  ): Promise<SearchPage> {
    const body = JSON.stringify({ ...request, ...(token ? { nextPageToken: token } : {}) });
    const page = await this.withProjectNamed(projectKey, () =>
      this.pacer.json<SearchPage>('the issue search', () =>
        this.requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: JSON_HEADERS, body }),
      ),
    );
    if (page.issues !== undefined && !Array.isArray(page.issues))
      throw new AppError('UNAVAILABLE', 'Jira sent an unexpected search answer.');
    return page;
  }

  /** A query Jira refuses because of the project itself says so plainly: the project is gone, or hidden from the app. */
  private async withProjectNamed<T>(projectKey: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (
        error instanceof JiraRefusal &&
        error.errorMessages.some((message) => message.includes(`'${projectKey}'`) && /project/i.test(message))
      ) {
        throw new AppError('NOT_FOUND', `Jira does not know project ${projectKey}, or the app may no longer browse it.`);
      }
      throw error;
    }
  }
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/** Issues read by expression, with the Flagged field set on those `flagged` names. */
function withFlags(issues: readonly JiraIssue[], flagged: readonly string[], flaggedFieldIds: readonly string[]): JiraIssue[] {
  const flaggedIds = new Set(flagged);
  // The history only asks whether any Flagged field holds a value: the first one stands for them all.
  return issues.map((issue) =>
    flaggedIds.has(issue.id) ? { ...issue, fields: { ...issue.fields, [flaggedFieldIds[0]!]: [{ value: 'Flagged' }] } } : issue,
  );
}

function fieldsWith(flaggedFieldIds: readonly string[]): string[] {
  return [...ISSUE_FIELDS, ...flaggedFieldIds];
}

function chunksOf(ids: readonly string[], size: number): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  return chunks;
}
