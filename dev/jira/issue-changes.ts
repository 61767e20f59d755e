import { STATUSES, resolutionIndex } from './catalogue';
import { securityLevel } from './issue-security';
import { APP_USER, DEMO_USERS } from './demo-data/demo-users';
import { buildIssueEvent, ISSUE_EVENT, type IssueEventType } from './issue-events';
import { APP_AUTHOR, ChangeKind, type ChangeRecord, type HistoryRecord, type IssueStore } from './issue-store';
import type { SiteContext } from './site-context';

/**
 * Changes to issues after the demo data was generated: transitions, creation, deletion, moves between
 * projects, flagging. Each one is recorded the way Jira records it (a changelog history, a new `updated`
 * time, resolution set or cleared with the status) and raises the matching product event, so an app's
 * event trigger and its incremental sync both have something real to see.
 */
export interface NewIssueRequest {
  project: number;
  type: number;
  summary: string;
  priority: number;
  reporter: number;
  assignee: number;
}

const categoryOf = (status: number) => STATUSES[status]?.category ?? 'undefined';
const WONT_FIX_STATUS = STATUSES.findIndex((s) => s.name === "Won't Fix");

export class IssueChanges {
  constructor(private readonly context: Pick<SiteContext, 'store' | 'siteUrl' | 'clock' | 'events'>) {}

  private get store(): IssueStore {
    return this.context.store;
  }

  /** A moment after the issue's last change: histories of one issue never go back in time. */
  private moment(row: number): number {
    const count = this.store.historyCount(row);
    const last = count > 0 ? this.store.historyAt(row, count - 1).created : this.store.created.get(row);
    return Math.max(this.context.clock(), last + 1000, this.store.updated.get(row) + 1);
  }

  transition(row: number, toStatus: number, actor: number): HistoryRecord {
    const { store } = this;
    const from = store.status.get(row);
    const changes: ChangeRecord[] = [{ kind: ChangeKind.Status, from, to: toStatus }];
    const resolution = store.resolution.get(row);
    let nextResolution = resolution;
    if (categoryOf(toStatus) === 'done') {
      nextResolution = resolutionIndex(toStatus === WONT_FIX_STATUS ? "Won't Fix" : 'Done');
      if (nextResolution !== resolution) changes.push({ kind: ChangeKind.Resolution, from: resolution, to: nextResolution });
    } else if (resolution >= 0) {
      nextResolution = -1;
      changes.push({ kind: ChangeKind.Resolution, from: resolution, to: -1 });
    }
    const at = this.moment(row);
    const history = store.appendLaterHistory(row, at, actor, changes);
    store.status.set(row, toStatus);
    store.resolution.set(row, nextResolution);
    if (nextResolution < 0) store.resolutionDate.set(row, Number.NaN);
    else if (resolution < 0 || categoryOf(from) !== 'done') store.resolutionDate.set(row, at);
    this.emit(row, 'avi:jira:updated:issue', actor, history);
    return history;
  }

  setFlagged(row: number, flagged: boolean, actor: number): HistoryRecord | undefined {
    const { store } = this;
    const current = store.flagged.get(row) === 1;
    if (current === flagged) return undefined;
    const history = store.appendLaterHistory(row, this.moment(row), actor, [
      { kind: ChangeKind.Flag, from: current ? 1 : 0, to: flagged ? 1 : 0 },
    ]);
    store.flagged.set(row, flagged ? 1 : 0);
    this.emit(row, 'avi:jira:updated:issue', actor, history);
    return history;
  }

  /**
   * Sets (or, with null, clears) the issue's security level, as an edit of its "Security Level" field: a
   * changelog entry named `security`, a new `updated`, and an issue updated event.
   */
  setSecurityLevel(row: number, levelId: number | null, actor: number): HistoryRecord | undefined {
    const { store } = this;
    const current = store.securityLevelOf(row);
    if ((current ?? null) === levelId) return undefined;
    const before = current === undefined ? undefined : securityLevel(current);
    const after = levelId === null ? undefined : securityLevel(levelId);
    if (levelId !== null && !after) throw new Error(`no security level ${levelId}`);
    const history = store.appendLaterHistory(row, this.moment(row), actor, [
      {
        kind: 'raw',
        details: {
          field: 'security',
          fieldtype: 'jira',
          fieldId: 'security',
          ...(before ? { from: before.id, fromString: before.name } : {}),
          ...(after ? { to: after.id, toString: after.name } : {}),
        },
      },
    ]);
    store.setSecurityLevel(row, levelId, null);
    this.emit(row, 'avi:jira:updated:issue', actor, history);
    return history;
  }

  create(request: NewIssueRequest, actor: number): number {
    const { store } = this;
    const project = store.projects[request.project];
    if (!project) throw new Error(`unknown project ${request.project}`);
    const now = this.context.clock();
    const row = store.openIssue({
      project: request.project,
      type: request.type,
      priority: request.priority,
      created: now,
      reporter: request.reporter,
      status: project.statuses[0] as number,
      summarySeed: 0,
    });
    store.givenSummaries.set(row, request.summary);
    store.closeIssue(row, {
      status: project.statuses[0] as number,
      resolution: -1,
      resolutionDate: Number.NaN,
      assignee: request.assignee,
      flagged: false,
      updated: now,
    });
    this.emit(row, 'avi:jira:created:issue', actor);
    return row;
  }

  delete(row: number, actor: number): void {
    // The event carries the issue as it was, so it is built before the issue disappears.
    const event = buildIssueEvent(this.store, this.context.siteUrl, row, 'avi:jira:deleted:issue', this.accountId(actor));
    this.store.markDeleted(row);
    this.publish(event);
  }

  /**
   * Moves an issue to another project, as Jira's "Move" does: a new key, the old key still resolving, and a
   * status mapped into the target workflow when the old one is not part of it.
   */
  move(row: number, toProject: number, actor: number): HistoryRecord {
    const { store } = this;
    const fromProject = store.projects[store.project.get(row)];
    const target = store.projects[toProject];
    if (!fromProject || !target) throw new Error('unknown project');
    const oldKey = store.keyOf(row);
    const status = store.status.get(row);
    store.moveToProject(row, toProject);
    const changes: ChangeRecord[] = [
      {
        kind: 'raw',
        details: {
          field: 'project',
          fieldtype: 'jira',
          fieldId: 'project',
          from: fromProject.id,
          fromString: fromProject.name,
          to: target.id,
          toString: target.name,
        },
      },
      { kind: 'raw', details: { field: 'Key', fieldtype: 'jira', fieldId: 'issuekey', fromString: oldKey, toString: store.keyOf(row) } },
    ];
    if (!target.statuses.includes(status)) {
      const sameCategory = target.statuses.find((s) => categoryOf(s) === categoryOf(status));
      const mapped = sameCategory ?? target.statuses[0]!;
      changes.push({ kind: ChangeKind.Status, from: status, to: mapped });
      store.status.set(row, mapped);
    }
    const history = store.appendLaterHistory(row, this.moment(row), actor, changes);
    this.emit(row, 'avi:jira:updated:issue', actor, history);
    return history;
  }

  private accountId(actor: number): string {
    return actor === APP_AUTHOR ? APP_USER.accountId : (DEMO_USERS[actor]?.accountId ?? APP_USER.accountId);
  }

  private emit(row: number, eventType: IssueEventType, actor: number, history?: HistoryRecord): void {
    this.publish(buildIssueEvent(this.store, this.context.siteUrl, row, eventType, this.accountId(actor), history));
  }

  /** A failing listener must not turn Jira's answer into an error: product events are fire-and-forget. */
  private publish(event: ReturnType<typeof buildIssueEvent>): void {
    try {
      this.context.events.emit(ISSUE_EVENT, event);
    } catch {
      // Deliberately ignored, as above.
    }
  }
}
