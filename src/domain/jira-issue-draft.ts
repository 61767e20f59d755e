/**
 * One Jira issue read and checked, its statuses still named as the source names them: what
 * `JiraHistoryBuilder.draft` makes of an issue and `JiraHistoryBuilder.addDraft` adds to the history.
 *
 * Why two steps: reading an issue (its fields, its changelog, the order and dates of its changes) depends on
 * that issue alone, while placing its statuses in the history's dictionary depends on every issue before it. The
 * `flow-metrics` command reads the second part of a large export in another thread and hands its drafts over;
 * the dictionary is filled in the list's order, by one builder, as if one thread had read every issue.
 */
export class IssueDraft {
  key = '';
  id = '';
  type = '';
  created = 0;
  resolved: number | null = null;
  /** The issue's current status (`fields.status`) as given. */
  statusId: string | null = null;
  statusName: string | null = null;
  statusCategory: string | null = null;
  /** Where the changes are in the source, for messages: `changelog.histories` or `changeHistories`. */
  historiesPath = '';
  /** The status the first status change left (the status the issue was created in), as given; none without changes. */
  fromId: string | null = null;
  fromName: string | null = null;
  /**
   * The status changes in time order, the first `transitions` entries of each: the status entered as given, its
   * instant, and its history's and item's index in the changelog (for messages). Reused from one issue to the next.
   */
  transitions = 0;
  readonly toId: (string | null)[] = [];
  readonly toName: (string | null)[] = [];
  readonly at: number[] = [];
  readonly history: number[] = [];
  readonly item: number[] = [];
  /** The Flagged field's changes in time order, the first `flags` entries: 1 when flagged at that instant, 0 when cleared. */
  flags = 0;
  readonly flagAt: number[] = [];
  readonly flagOn: number[] = [];
  /** What the reading found to warn about, in order. */
  readonly warnings: string[] = [];

  /** Empties the draft for the next issue (its arrays keep their memory: see `CompactIssueRuns`). */
  clear(): void {
    this.fromId = null;
    this.fromName = null;
    this.transitions = 0;
    this.flags = 0;
    this.warnings.length = 0;
  }

  /** The path of the field behind a status change's values, e.g. `changelog.histories[3].items[0].to`. */
  changePath(transition: number, suffix: '.from' | '.to'): string {
    return `${this.historiesPath}[${this.history[transition]}].items[${this.item[transition]}]${suffix}`;
  }
}
