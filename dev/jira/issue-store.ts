import type { ChangeDetailsJson } from './changelog-json';
import { Float64Column, Int32Column } from './growable-column';
import type { SiteProject } from './site-project';

/**
 * The site's issue database, kept in typed columns so a 200,000-issue project costs tens of megabytes, not
 * gigabytes. JSON is only ever built for the issues a request returns. Issues generated as demo data keep
 * their histories in compact columns; changes made later (transitions, moves) are appended as small
 * objects beside them.
 */

/** What a compact change touched. `from`/`to` hold catalogue or user indices, -1 for "none". */
export const ChangeKind = { Status: 0, Resolution: 1, Flag: 2, Assignee: 3 } as const;
export type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind];

interface CompactChange {
  kind: ChangeKind;
  from: number;
  to: number;
}

/** A change already in Jira's words (a project move's "project" and "Key" items). */
interface RawChange {
  kind: 'raw';
  details: ChangeDetailsJson;
}

export type ChangeRecord = CompactChange | RawChange;

/** Author index meaning "the app itself" rather than a demo user. */
export const APP_AUTHOR = -1;

export interface HistoryRecord {
  /** Jira's changelog id (a number rendered as a string). */
  id: number;
  created: number;
  /** Index into `DEMO_USERS`, or `APP_AUTHOR`. */
  author: number;
  changes: readonly ChangeRecord[];
}

/** Jira numbers issues from 10000 upwards; an issue's id is this base plus its row. */
const ISSUE_ID_BASE = 10000;
const HISTORY_ID_BASE = 100000;

export interface NewIssue {
  project: number;
  type: number;
  priority: number;
  created: number;
  reporter: number;
  status: number;
  storyPoints?: number;
  summarySeed: number;
}

export interface IssueOutcome {
  status: number;
  resolution: number;
  resolutionDate: number;
  assignee: number;
  flagged: boolean;
  updated: number;
}

export class IssueStore {
  readonly projects: SiteProject[] = [];
  /** Per project: issue row by key number (index 0 unused), -1 once the number no longer lives there. */
  private readonly rowsByNumber: number[][] = [];
  /** Old keys of moved issues still find them, as in Jira. */
  private readonly movedKeys = new Map<string, number>();
  /** Bumped on every change so cached search results know they are stale. */
  version = 0;

  // Issue columns.
  readonly project = new Int32Column();
  readonly number = new Int32Column();
  readonly type = new Int32Column();
  readonly priority = new Int32Column();
  readonly created = new Float64Column();
  readonly updated = new Float64Column();
  readonly status = new Int32Column();
  readonly resolution = new Int32Column();
  readonly resolutionDate = new Float64Column();
  readonly assignee = new Int32Column();
  readonly reporter = new Int32Column();
  readonly flagged = new Int32Column();
  readonly deleted = new Int32Column();
  readonly storyPoints = new Int32Column();
  readonly summarySeed = new Int32Column();
  /** The parent's row (an epic, for the demo teams' stories), -1 for none. */
  private readonly parent = new Int32Column();
  private readonly historyStart = new Int32Column();
  private readonly historyEnd = new Int32Column();

  // Generated history columns: one row per history, and one row per changed field.
  private readonly historyCreated = new Float64Column(4096);
  private readonly historyAuthor = new Int32Column(4096);
  private readonly historyFirstChange = new Int32Column(4096);
  private readonly changeKind = new Int32Column(4096);
  private readonly changeFrom = new Int32Column(4096);
  private readonly changeTo = new Int32Column(4096);

  /** Security level id per secured issue row (most issues have none). */
  private readonly securityLevels = new Map<number, number>();

  private readonly laterHistories = new Map<number, HistoryRecord[]>();
  /** Summaries given by whoever created an issue through the API; generated issues derive theirs. */
  readonly givenSummaries = new Map<number, string>();
  private nextLaterHistoryId = -1;

  get issueCount(): number {
    return this.project.length;
  }

  addProject(project: SiteProject): number {
    this.projects.push(project);
    this.rowsByNumber.push([-1]);
    return this.projects.length - 1;
  }

  projectIndex(keyOrId: string): number {
    const upper = keyOrId.toUpperCase();
    return this.projects.findIndex((p) => p.key === upper || p.id === keyOrId);
  }

  /** Starts an issue; histories appended until `closeIssue` belong to it. Returns its row. */
  openIssue(issue: NewIssue): number {
    const rows = this.rowsByNumber[issue.project];
    if (!rows) throw new Error(`unknown project ${issue.project}`);
    const row = this.project.push(issue.project);
    const number = rows.length;
    rows.push(row);
    this.number.push(number);
    this.type.push(issue.type);
    this.priority.push(issue.priority);
    this.created.push(issue.created);
    this.updated.push(issue.created);
    this.status.push(issue.status);
    this.resolution.push(-1);
    this.resolutionDate.push(Number.NaN);
    this.assignee.push(-1);
    this.reporter.push(issue.reporter);
    this.flagged.push(0);
    this.deleted.push(0);
    this.storyPoints.push(issue.storyPoints ?? 0);
    this.summarySeed.push(issue.summarySeed);
    this.parent.push(-1);
    this.historyStart.push(this.historyCreated.length);
    this.historyEnd.push(this.historyCreated.length);
    this.version++;
    return row;
  }

  /** Appends a generated history to the issue opened last. */
  appendHistory(created: number, author: number, changes: readonly (readonly [ChangeKind, number, number])[]): void {
    this.historyCreated.push(created);
    this.historyAuthor.push(author);
    this.historyFirstChange.push(this.changeKind.length);
    for (const [kind, from, to] of changes) {
      this.changeKind.push(kind);
      this.changeFrom.push(from);
      this.changeTo.push(to);
    }
  }

  closeIssue(row: number, outcome: IssueOutcome): void {
    this.historyEnd.set(row, this.historyCreated.length);
    this.applyOutcome(row, outcome);
  }

  applyOutcome(row: number, outcome: IssueOutcome): void {
    this.status.set(row, outcome.status);
    this.resolution.set(row, outcome.resolution);
    this.resolutionDate.set(row, outcome.resolutionDate);
    this.assignee.set(row, outcome.assignee);
    this.flagged.set(row, outcome.flagged ? 1 : 0);
    this.updated.set(row, outcome.updated);
    this.version++;
  }

  /** The issue's security level id, or undefined when it has none. */
  securityLevelOf(row: number): number | undefined {
    return this.securityLevels.get(row);
  }

  /**
   * Sets or clears the issue's security level. `at` (epoch ms) is when, for an edit on the live site: Jira
   * then moves the issue's `updated`, as for any field edit; generated data passes null (secured from the start).
   */
  setSecurityLevel(row: number, levelId: number | null, at: number | null): void {
    if (levelId === null) this.securityLevels.delete(row);
    else this.securityLevels.set(row, levelId);
    if (at !== null && at > this.updated.get(row)) this.updated.set(row, at);
    this.version++;
  }

  /** The row of the issue's parent, or undefined when it has none. */
  parentOf(row: number): number | undefined {
    const parent = this.parent.get(row);
    return parent < 0 ? undefined : parent;
  }

  /** Files the issue under a parent (generated data: from its creation, so no changelog entry). */
  setParent(row: number, parentRow: number): void {
    this.parent.set(row, parentRow);
    this.version++;
  }

  idOf(row: number): string {
    return String(ISSUE_ID_BASE + row);
  }

  keyOf(row: number): string {
    const project = this.projects[this.project.get(row)];
    return `${project?.key ?? '?'}-${this.number.get(row)}`;
  }

  isLive(row: number): boolean {
    return row >= 0 && row < this.issueCount && this.deleted.get(row) === 0;
  }

  /** Finds a live issue by id or key (current or, after a move, former). */
  find(idOrKey: string): number {
    if (/^\d+$/.test(idOrKey)) {
      const row = Number(idOrKey) - ISSUE_ID_BASE;
      return this.isLive(row) ? row : -1;
    }
    const key = idOrKey.toUpperCase();
    const match = /^([A-Z][A-Z0-9_]*)-(\d+)$/.exec(key);
    if (!match) return -1;
    const projectIndex = this.projects.findIndex((p) => p.key === match[1]);
    const row = projectIndex < 0 ? -1 : (this.rowsByNumber[projectIndex]?.[Number(match[2])] ?? -1);
    if (row >= 0 && this.isLive(row)) return row;
    const moved = this.movedKeys.get(key);
    return moved !== undefined && this.isLive(moved) ? moved : -1;
  }

  historyCount(row: number): number {
    return this.historyEnd.get(row) - this.historyStart.get(row) + (this.laterHistories.get(row)?.length ?? 0);
  }

  /** The n-th history of an issue, oldest first. */
  historyAt(row: number, n: number): HistoryRecord {
    const start = this.historyStart.get(row);
    const generated = this.historyEnd.get(row) - start;
    if (n < generated) return this.generatedHistory(start + n);
    const later = this.laterHistories.get(row)?.[n - generated];
    if (!later) throw new RangeError(`history ${n} of row ${row} does not exist`);
    return later;
  }

  histories(row: number, from = 0, count = Number.POSITIVE_INFINITY): HistoryRecord[] {
    const end = Math.min(this.historyCount(row), from + count);
    const result: HistoryRecord[] = [];
    for (let n = from; n < end; n++) result.push(this.historyAt(row, n));
    return result;
  }

  private generatedHistory(h: number): HistoryRecord {
    const first = this.historyFirstChange.get(h);
    const end = h + 1 < this.historyFirstChange.length ? this.historyFirstChange.get(h + 1) : this.changeKind.length;
    const changes: CompactChange[] = [];
    for (let c = first; c < end; c++) {
      changes.push({ kind: this.changeKind.get(c) as ChangeKind, from: this.changeFrom.get(c), to: this.changeTo.get(c) });
    }
    return { id: HISTORY_ID_BASE + h, created: this.historyCreated.get(h), author: this.historyAuthor.get(h), changes };
  }

  /** Records a change made after generation (through the REST API or the control API). */
  appendLaterHistory(row: number, created: number, author: number, changes: readonly ChangeRecord[]): HistoryRecord {
    if (this.nextLaterHistoryId < 0) this.nextLaterHistoryId = HISTORY_ID_BASE + this.historyCreated.length;
    const record: HistoryRecord = { id: this.nextLaterHistoryId++, created, author, changes };
    const list = this.laterHistories.get(row) ?? [];
    list.push(record);
    this.laterHistories.set(row, list);
    this.updated.set(row, created);
    this.version++;
    return record;
  }

  markDeleted(row: number): void {
    this.deleted.set(row, 1);
    this.version++;
  }

  /** Gives the issue the next number in another project; its old key keeps resolving to it. */
  moveToProject(row: number, projectIndex: number): void {
    const oldKey = this.keyOf(row);
    const oldRows = this.rowsByNumber[this.project.get(row)];
    if (oldRows) oldRows[this.number.get(row)] = -1;
    const rows = this.rowsByNumber[projectIndex];
    if (!rows) throw new Error(`unknown project ${projectIndex}`);
    this.project.set(row, projectIndex);
    this.number.set(row, rows.length);
    rows.push(row);
    this.movedKeys.set(oldKey, row);
    this.version++;
  }

  /** Time of the last status change into another category: Jira's `statuscategorychangedate`. */
  statusCategoryChangedAt(row: number, categoryOf: (status: number) => string): number {
    for (let n = this.historyCount(row) - 1; n >= 0; n--) {
      const history = this.historyAt(row, n);
      for (const change of history.changes) {
        if (change.kind === ChangeKind.Status && categoryOf(change.from) !== categoryOf(change.to)) {
          return history.created;
        }
      }
    }
    return this.created.get(row);
  }

  /** Bytes held by the columns (capacity included), for the scale tests. */
  columnBytes(): number {
    const columns = [
      this.project,
      this.number,
      this.type,
      this.priority,
      this.created,
      this.updated,
      this.status,
      this.resolution,
      this.resolutionDate,
      this.assignee,
      this.reporter,
      this.flagged,
      this.deleted,
      this.storyPoints,
      this.summarySeed,
      this.parent,
      this.historyStart,
      this.historyEnd,
      this.historyCreated,
      this.historyAuthor,
      this.historyFirstChange,
      this.changeKind,
      this.changeFrom,
      this.changeTo,
    ];
    return columns.reduce((sum, column) => sum + column.bytes, 0);
  }

  get generatedHistoryTotal(): number {
    return this.historyCreated.length;
  }
}
