import { FLAGGED_FIELD, ISSUE_TYPES, SPRINT_FIELD, STATUSES, STORY_POINTS_FIELD } from './catalogue';
import { issueTypeJson, priorityJson, resolutionJson, statusJson } from './catalogue-json';
import { historyJson } from './changelog-json';
import { summaryFor } from './demo-data/summaries';
import type { FieldSelection } from './issue-fields';
import { securityLevel, securityLevelJson } from './issue-security';
import { componentJson, componentsOf } from './project-components';
import { ChangeKind, type IssueStore } from './issue-store';
import { jiraTime } from './jira-time';
import { projectRef } from './project-json';
import type { SiteContext } from './site-context';
import { sprintIndexAt, sprintJson } from './sprints';
import { userRef } from './user-json';

/**
 * Builds the JSON of one issue, on demand, for exactly the fields asked for. Nothing of an issue exists as
 * JSON until a request returns it.
 */

/** Jira embeds at most this many histories in an issue's `changelog`; the rest must be paged. */
const EMBEDDED_CHANGELOG_LIMIT = 100;

const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';
const LABELS = ['frontend', 'backend', 'customer', 'tech-debt', 'security', 'performance'] as const;

export interface IssueRenderOptions {
  selection: FieldSelection;
  expand: ReadonlySet<string>;
  /** Histories embedded with `expand=changelog`; the export passes `Infinity`. */
  changelogLimit?: number;
}

export function issueJson(context: SiteContext, row: number, options: IssueRenderOptions): Record<string, unknown> {
  const { store, siteUrl } = context;
  const id = store.idOf(row);
  const wantsChangelog = options.expand.has('changelog');
  if (options.selection.idsOnly && !wantsChangelog) return { id };
  const fields: Record<string, unknown> = {};
  for (const fieldId of options.selection.fields) {
    const value = fieldValue(context, row, fieldId);
    // Jira leaves `parent` out of an issue that has none, rather than answering null.
    if (!(fieldId === 'parent' && value === null)) fields[fieldId] = value;
  }
  const issue: Record<string, unknown> = {
    expand: ISSUE_EXPAND,
    id,
    self: `${siteUrl}/rest/api/3/issue/${id}`,
    key: store.keyOf(row),
    fields,
  };
  if (wantsChangelog) issue['changelog'] = embeddedChangelog(context, row, options.changelogLimit ?? EMBEDDED_CHANGELOG_LIMIT);
  return issue;
}

/** The `changelog` of an expanded issue: the first histories, oldest first, with the true total. */
function embeddedChangelog(context: SiteContext, row: number, limit: number) {
  const total = context.store.historyCount(row);
  const histories = context.store.histories(row, 0, limit).map((h) => historyJson(context.siteUrl, h));
  return { startAt: 0, maxResults: histories.length, total, histories };
}

/** The summary a creator gave, or the one derived from the generated issue's seed. */
export function issueSummary(store: IssueStore, row: number): string {
  return store.givenSummaries.get(row) ?? summaryFor(ISSUE_TYPES[store.type.get(row)]?.name ?? 'Story', store.summarySeed.get(row));
}

const categoryOf = (status: number) => STATUSES[status]?.category ?? 'undefined';

function fieldValue(context: SiteContext, row: number, fieldId: string): unknown {
  const { store, siteUrl } = context;
  switch (fieldId) {
    case 'summary':
      return issueSummary(store, row);
    case 'issuetype':
      return issueTypeJson(siteUrl, store.type.get(row));
    case 'project': {
      const project = store.projects[store.project.get(row)];
      return project ? projectRef(siteUrl, project) : null;
    }
    case 'status':
      return statusJson(siteUrl, store.status.get(row));
    case 'statuscategorychangedate':
      return jiraTime(store.statusCategoryChangedAt(row, categoryOf));
    case 'priority':
      return priorityJson(siteUrl, store.priority.get(row));
    case 'assignee':
      return userRef(siteUrl, store.assignee.get(row));
    case 'reporter':
    case 'creator':
      return userRef(siteUrl, store.reporter.get(row));
    case 'created':
      return jiraTime(store.created.get(row));
    case 'updated':
      return jiraTime(store.updated.get(row));
    case 'resolution':
      return resolutionJson(siteUrl, store.resolution.get(row));
    case 'resolutiondate': {
      const resolved = store.resolutionDate.get(row);
      return Number.isNaN(resolved) ? null : jiraTime(resolved);
    }
    case 'labels':
      return labelsOf(store.summarySeed.get(row));
    case 'security': {
      const level = store.securityLevelOf(row);
      const definition = level === undefined ? undefined : securityLevel(level);
      return definition ? securityLevelJson(siteUrl, definition) : null;
    }
    case 'parent':
      return parentJson(context, row);
    case 'description':
    case 'duedate':
      return null;
    case 'components':
      return componentsOf(store.projects[store.project.get(row)]?.components, store.summarySeed.get(row)).map((component) =>
        componentJson(siteUrl, component),
      );
    case 'fixVersions':
    case 'issuelinks':
    case 'subtasks':
      return [];
    case 'watches':
      return { self: `${siteUrl}/rest/api/3/issue/${store.keyOf(row)}/watchers`, watchCount: 1, isWatching: false };
    case FLAGGED_FIELD.id:
      return store.flagged.get(row) === 1
        ? [
            {
              self: `${siteUrl}/rest/api/3/customFieldOption/${FLAGGED_FIELD.optionId}`,
              value: FLAGGED_FIELD.optionValue,
              id: FLAGGED_FIELD.optionId,
            },
          ]
        : null;
    case STORY_POINTS_FIELD.id: {
      const points = store.storyPoints.get(row);
      return points > 0 ? points : null;
    }
    case SPRINT_FIELD.id:
      return sprintsOf(context, row);
    case 'comment':
      return { comments: [], self: `${siteUrl}/rest/api/3/issue/${store.idOf(row)}/comment`, maxResults: 0, total: 0, startAt: 0 };
    case 'worklog':
      return { startAt: 0, maxResults: 20, total: 0, worklogs: [] };
    case 'timetracking':
      return {};
    default:
      return null;
  }
}

/** The issue's parent as Jira embeds it: a reference with the parent's summary, status, priority and type. */
function parentJson(context: SiteContext, row: number) {
  const { store, siteUrl } = context;
  const parent = store.parentOf(row);
  if (parent === undefined || !store.isLive(parent)) return null;
  const id = store.idOf(parent);
  return {
    id,
    key: store.keyOf(parent),
    self: `${siteUrl}/rest/api/3/issue/${id}`,
    fields: {
      summary: issueSummary(store, parent),
      status: statusJson(siteUrl, store.status.get(parent)),
      priority: priorityJson(siteUrl, store.priority.get(parent)),
      issuetype: issueTypeJson(siteUrl, store.type.get(parent)),
    },
  };
}

/** The issue's labels: a few of the demo vocabulary, chosen by its seed (`store.summarySeed`). */
export function labelsOf(seed: number): string[] {
  const s = seed >>> 0;
  const count = s % 5 === 0 ? 2 : s % 3 === 0 ? 1 : 0;
  const labels: string[] = [];
  for (let i = 0; i < count; i++) {
    const label = LABELS[(s >>> (8 + i * 4)) % LABELS.length];
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels.sort();
}

/** Every sprint the issue was in: from the sprint it was started in to the one it finished in (or now). */
function sprintsOf(context: SiteContext, row: number) {
  const { store, anchor } = context;
  const project = store.projects[store.project.get(row)];
  if (!project || project.sprintOrigin === undefined) return null;
  const started = firstActiveMoment(store, row);
  if (started === undefined) return null;
  const resolved = store.resolutionDate.get(row);
  const first = Math.max(0, sprintIndexAt(project, started));
  const last = Math.max(first, sprintIndexAt(project, Number.isNaN(resolved) ? Math.max(anchor - 1, started) : resolved));
  const sprints = [];
  for (let index = first; index <= last && sprints.length < 12; index++) sprints.push(sprintJson(project, index, anchor));
  return sprints;
}

function firstActiveMoment(store: IssueStore, row: number): number | undefined {
  const count = store.historyCount(row);
  for (let n = 0; n < count; n++) {
    const history = store.historyAt(row, n);
    if (history.changes.some((c) => c.kind === ChangeKind.Status && categoryOf(c.to) === 'indeterminate')) return history.created;
  }
  return undefined;
}
