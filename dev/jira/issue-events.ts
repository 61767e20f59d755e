import type { ChangeDetailsJson } from './changelog-json';
import { changeJson } from './changelog-json';
import { issueTypeJson, statusJson } from './catalogue-json';
import { DEMO_USERS } from './demo-data/demo-users';
import type { HistoryRecord, IssueStore } from './issue-store';
import { jiraTime } from './jira-time';
import { projectRef } from './project-json';
import { issueSummary } from './issue-json';

/**
 * The Forge product events the site raises when an issue changes, shaped like the payloads Forge delivers
 * to an `avi:jira:*:issue` trigger: the issue with its key fields, the id of whoever caused the change,
 * and for updates the changelog items of that one change.
 */
export const ISSUE_EVENT = 'issue-event';

export type IssueEventType = 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:deleted:issue';

interface IssueEventUser {
  accountId: string;
}

export interface IssueEvent {
  eventType: IssueEventType;
  issue: {
    id: string;
    key: string;
    fields: {
      summary: string;
      issuetype: ReturnType<typeof issueTypeJson>;
      creator: IssueEventUser;
      created: string;
      project: ReturnType<typeof projectRef>;
      reporter: IssueEventUser;
      assignee: IssueEventUser | null;
      updated: string;
      status: ReturnType<typeof statusJson>;
    };
  };
  changelog?: { id: string; items: ChangeDetailsJson[] };
  /** The account that caused the event: a person, or the app itself. */
  atlassianId: string;
  associatedUsers: IssueEventUser[];
}

function accountRef(index: number): IssueEventUser | null {
  const user = DEMO_USERS[index];
  return user ? { accountId: user.accountId } : null;
}

export function buildIssueEvent(
  store: IssueStore,
  siteUrl: string,
  row: number,
  eventType: IssueEventType,
  atlassianId: string,
  history?: HistoryRecord,
): IssueEvent {
  const project = store.projects[store.project.get(row)];
  if (!project) throw new Error(`issue row ${row} has no project`);
  const reporter = accountRef(store.reporter.get(row)) ?? { accountId: atlassianId };
  return {
    eventType,
    issue: {
      id: store.idOf(row),
      key: store.keyOf(row),
      fields: {
        summary: issueSummary(store, row),
        issuetype: issueTypeJson(siteUrl, store.type.get(row)),
        creator: reporter,
        created: jiraTime(store.created.get(row)),
        project: projectRef(siteUrl, project),
        reporter,
        assignee: accountRef(store.assignee.get(row)),
        updated: jiraTime(store.updated.get(row)),
        status: statusJson(siteUrl, store.status.get(row)),
      },
    },
    ...(history ? { changelog: { id: String(history.id), items: history.changes.map(changeJson) } } : {}),
    atlassianId,
    associatedUsers: [{ accountId: atlassianId }],
  };
}
