import { route } from '@forge/api';
import { AppError } from '../../app/app-error';
import {
  collectBulkChangelogs,
  type JiraBulkChangelogPage,
  type JiraChangeHistory,
  type JiraIssue,
  type JiraStatus,
} from '../../domain/jira-history';
import { parseIsoTimestamp } from '../../domain/iso-timestamp';
import type { IssueSource, JiraCatalogue } from '../../ports';
import { JiraPacer, JiraRefusal } from './jira-pacer';
import type { RequestJira } from './jira-request';
import { idIn, jql, projectIs, updatedSince } from './jql';

/**
 * A project's issues, read as the app, with as few requests as Jira allows:
 * - enhanced JQL search (`POST /rest/api/3/search/jql`, `nextPageToken` paging), asking only for the fields
 *   the compact history needs: ids alone come 5000 to a page, issues with these few fields 100;
 * - the bulk changelog (`POST /rest/api/3/changelog/bulkfetch`), 1000 issues a call, filtered to the
 *   status and Flagged fields: one call instead of a changelog request per issue;
 * - the status catalogue and the field list (to find the Flagged field's id) once per backfill.
 * Requests go through a `JiraPacer` (bounded concurrency, Retry-After, back-off).
 */
const ISSUE_FIELDS = ['created', 'updated', 'issuetype', 'status', 'resolutiondate'] as const;

/** Jira's largest pages: ids only; issues with a few fields; bulk changelog issues and changes. */
const IDS_PAGE = 5000;
const ISSUES_PAGE = 100;
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

  async listIssueIds(projectKey: string): Promise<string[]> {
    const query = jql([projectIs(projectKey)], 'key ASC');
    const ids: string[] = [];
    for await (const page of this.pages(projectKey, { jql: query, fields: ['id'], maxResults: IDS_PAGE })) {
      for (const issue of page) ids.push(String(issue.id));
    }
    return ids;
  }

  async issuesByIds(projectKey: string, ids: readonly string[], flaggedFieldIds: readonly string[]): Promise<JiraIssue[]> {
    const project = projectIs(projectKey);
    idIn(ids); // every id is checked before the first request
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += ISSUES_PAGE) chunks.push(ids.slice(i, i + ISSUES_PAGE));
    const answers = await Promise.all(chunks.map((chunk) => this.issuesOf(projectKey, project, chunk, flaggedFieldIds)));
    return answers.flat();
  }

  async *updatedIssues(projectKey: string, since: number | null, now: number, flaggedFieldIds: readonly string[]): AsyncIterable<JiraIssue[]> {
    const clauses = [projectIs(projectKey), ...(since === null ? [] : [updatedSince(since, now)])];
    yield* this.pages(projectKey, { jql: jql(clauses, 'updated ASC'), fields: fieldsWith(flaggedFieldIds), maxResults: ISSUES_PAGE });
  }

  async changelogs(ids: readonly string[], flaggedFieldIds: readonly string[]): Promise<Map<string, JiraChangeHistory[]>> {
    if (ids.length === 0) return new Map();
    idIn(ids);
    const fieldIds = ['status', ...flaggedFieldIds];
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += CHANGELOG_ISSUES) chunks.push(ids.slice(i, i + CHANGELOG_ISSUES));
    const pages = await Promise.all(
      chunks.map(async (chunk) => {
        const collected: JiraBulkChangelogPage[] = [];
        let token: string | null = null;
        do {
          const body = JSON.stringify({ issueIdsOrKeys: chunk, fieldIds, maxResults: CHANGELOG_PAGE, ...(token ? { nextPageToken: token } : {}) });
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

  /**
   * Issues among up to 100 ids. Jira refuses an `id in (…)` query naming an issue that was deleted since
   * the ids were listed, and says which: those ids are dropped and the query asked again.
   */
  private async issuesOf(projectKey: string, project: string, ids: readonly string[], flaggedFieldIds: readonly string[]): Promise<JiraIssue[]> {
    let remaining = [...ids];
    while (remaining.length > 0) {
      const query = jql([project, idIn(remaining)], 'key ASC');
      try {
        const issues: JiraIssue[] = [];
        for await (const page of this.pages(projectKey, { jql: query, fields: fieldsWith(flaggedFieldIds), maxResults: ISSUES_PAGE })) issues.push(...page);
        return issues;
      } catch (error) {
        if (!(error instanceof JiraRefusal) || error.status !== 400) throw error;
        const vanished = remaining.filter((id) => error.errorMessages.some((message) => message.includes(`'${id}'`)));
        if (vanished.length === 0) throw error;
        remaining = remaining.filter((id) => !vanished.includes(id));
      }
    }
    return [];
  }

  private async *pages(projectKey: string, request: { jql: string; fields: readonly string[]; maxResults: number }): AsyncIterable<JiraIssue[]> {
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
    try {
      const page = await this.pacer.json<SearchPage>('the issue search', () =>
        this.requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: JSON_HEADERS, body }),
      );
      if (page.issues !== undefined && !Array.isArray(page.issues)) throw new AppError('UNAVAILABLE', 'Jira sent an unexpected search answer.');
      return page;
    } catch (error) {
      if (error instanceof JiraRefusal && error.errorMessages.some((message) => message.includes(`'${projectKey}'`) && /project/i.test(message))) {
        throw new AppError('NOT_FOUND', `Jira does not know project ${projectKey}, or the app may no longer browse it.`);
      }
      throw error;
    }
  }
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

function fieldsWith(flaggedFieldIds: readonly string[]): string[] {
  return [...ISSUE_FIELDS, ...flaggedFieldIds];
}
