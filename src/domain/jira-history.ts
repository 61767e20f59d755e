/**
 * Reading Jira's issue history into the compact model.
 *
 * Two sources carry the same history in slightly different envelopes:
 * - enhanced JQL search (`/rest/api/3/search/jql?expand=changelog`): each issue with `changelog.histories`;
 * - bulk changelog (`POST /rest/api/3/changelog/bulkfetch`): `changeHistories` per issue id, paged across
 *   issues, with the issue's fields fetched separately by search.
 * Both give, per change, `created` and `items[]` with `field`, `fieldId`, `from`/`fromString`, `to`/`toString`.
 *
 * Input is data from a network or a file, so every field is checked, and a problem is reported as a
 * `JiraHistoryError` naming the issue key and the field path (`changelog.histories[3].created`), never as a
 * stack trace. Statuses are recorded by id when Jira gives one (ids survive renames), else by name.
 */
import { CompactHistoryBuilder, type CompactHistory, type StatusRef } from './compact-history';
import { InstantReadAhead } from './instant-read-ahead';
import { formatIsoTimestamp, parseIsoTimestamp } from './iso-timestamp';
import { changeKind, historyOrder, JiraChangeList, PreReadChangelog, READ_AHEAD } from './jira-change-list';
import { IssueDraft } from './jira-issue-draft';

/**
 * Instants Jira can have recorded: from 1970 to 2199. Anything outside is a corrupt or hostile value, and
 * would stretch every per-day series (a "created" in year 1 makes a 740,000-day cumulative flow chart).
 */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** The instant, or NaN when it is outside the plausible range. */
const plausible = (ms: number): number => (ms >= EARLIEST && ms < LATEST ? ms : NaN);

/** Epoch ms of a Jira date-time (or of one read ahead), or NaN when it is not one or is outside the plausible range. */
function jiraInstant(value: unknown): number {
  if (value instanceof InstantReadAhead) return plausible(value.instant);
  return plausible(typeof value === 'string' ? parseIsoTimestamp(value) : NaN);
}

const NOT_AN_INSTANT = 'is not a date-time with a time zone offset between 1970 and 2199';

interface JiraChangeItem {
  field?: string;
  fieldId?: string;
  fieldtype?: string;
  from?: string | null;
  fromString?: string | null;
  to?: string | null;
  /**
   * The new value as text (a string or null in Jira's answers). Typed `unknown` because every object
   * inherits a `toString` method: a change item without this field still has one, and the reader only
   * accepts it as an own string property.
   */
  toString?: unknown;
}

export interface JiraChangeHistory {
  id?: string;
  created: string;
  items: JiraChangeItem[];
}

export interface JiraStatus {
  id?: string;
  name?: string;
  statusCategory?: { key?: string };
}

interface JiraIssueFields {
  issuetype: { name: string };
  status: JiraStatus;
  created: string;
  resolutiondate?: string | null;
  project?: { key?: string };
  /** The issue's security level (`fields=security`); null or absent when it has none. Only `id` is read. */
  security?: { id?: string | number } | null;
  [field: string]: unknown;
}

/** An issue as `search/jql` returns it, without the changelog. */
export interface JiraIssue {
  id: string;
  key: string;
  fields: JiraIssueFields;
}

/** An issue as `search/jql?expand=changelog` returns it. */
export interface JiraSearchIssue extends JiraIssue {
  changelog: { histories: JiraChangeHistory[]; startAt?: number; maxResults?: number; total?: number };
}

/** One page of `POST /rest/api/3/changelog/bulkfetch`. */
export interface JiraBulkChangelogPage {
  issueChangeLogs: Array<{ issueId: string; changeHistories: JiraChangeHistory[] }>;
  nextPageToken?: string | null;
}

/** The Flagged field's usual id in Jira Cloud; sites can differ, so it is configurable. */
export const DEFAULT_FLAGGED_FIELD_IDS: readonly string[] = Object.freeze(['customfield_10021']);

export interface JiraHistoryOptions {
  /** Statuses as `GET /rest/api/3/status` returns them: supplies names and categories for every status. */
  statuses?: readonly JiraStatus[];
  /** Field ids of the "Flagged" field. A change to a field named "Flagged" is recognised as well. */
  flaggedFieldIds?: readonly string[];
}

/** Bad input: which issue, which field, what is wrong. */
export class JiraHistoryError extends Error {
  constructor(
    readonly issueKey: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${issueKey}: ${field}: ${problem}`);
    this.name = 'JiraHistoryError';
  }
}

/** Where a status was first seen, to point at it when the workflow cannot place it. */
export interface StatusLocation {
  issueKey: string;
  field: string;
}

/** The path of a change item's field, e.g. `changelog.histories[3].items[0].to`. */
function changePath(historiesPath: string, changes: JiraChangeList, k: number, suffix: string): string {
  return `${historiesPath}[${changes.history[k]}].items[${changes.item[k]}]${suffix}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A string property, or null. Checking the type is enough to ignore inherited members: a JSON object
 * without `toString` inherits `Object.prototype.toString`, which is a function, not a string.
 */
function ownString(object: Record<string, unknown>, name: string): string | null {
  const value = object[name];
  return typeof value === 'string' ? value : null;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  // JSON has no text for a function or a symbol (which a parsed document never holds): name the type instead.
  return text === undefined ? typeof value : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export class JiraHistoryBuilder {
  readonly warnings: string[] = [];
  private readonly compact = new CompactHistoryBuilder();
  private readonly flaggedFieldIds: ReadonlySet<string>;
  private readonly locations: StatusLocation[] = [];
  /** The changes of the issue being added, when read from parsed histories (reused from one issue to the next). */
  private readonly changes = new JiraChangeList();
  /** The issue being added, read and checked (reused from one issue to the next). */
  private readonly issueDraft = new IssueDraft();
  /** The statuses the issue's transitions entered, by dictionary index (see `CompactIssueRuns`), reused for the next. */
  private readonly transitionStatus: number[] = [];

  constructor(options: JiraHistoryOptions = {}) {
    this.flaggedFieldIds = new Set(options.flaggedFieldIds ?? DEFAULT_FLAGGED_FIELD_IDS);
    for (const status of options.statuses ?? []) {
      this.compact.status({ id: status.id ?? null, name: status.name ?? null, category: status.statusCategory?.key ?? null }, true);
    }
  }

  get size(): number {
    return this.compact.size;
  }

  /**
   * Adds one issue in `search/jql?expand=changelog` shape.
   * @param position the issue's index in its list, to name it if it has no usable key.
   * @throws JiraHistoryError on input that is not a well-formed Jira issue.
   */
  addSearchIssue(issue: unknown, position = this.size): void {
    this.addDraft(this.draft(issue, position));
  }

  /**
   * Reads and checks one issue in `search/jql?expand=changelog` shape without adding it: `addDraft` adds it (see
   * `IssueDraft`). The draft is the builder's own, reused by the next call.
   * @throws JiraHistoryError as `addSearchIssue`
   */
  draft(input: unknown, position = this.size): IssueDraft {
    const [label, issue] = this.startDraft(input, position);
    const changelog = issue['changelog'];
    if (changelog instanceof PreReadChangelog) {
      this.warnOfPartialChangelog(label, changelog.histories, changelog.total);
      return this.draftWithHistories(issue, changelog.changes, 'changelog.histories', position);
    }
    if (!isObject(changelog)) {
      throw new JiraHistoryError(label, 'changelog', `${describe(changelog)}: fetch issues with expand=changelog`);
    }
    const histories = changelog['histories'];
    if (!Array.isArray(histories)) {
      throw new JiraHistoryError(label, 'changelog.histories', `expected an array, got ${describe(histories)}`);
    }
    this.warnOfPartialChangelog(label, histories.length, changelog['total']);
    return this.draftWithHistories(issue, histories, 'changelog.histories', position);
  }

  /** Jira pages a long changelog: an issue with only its first page may have wrong dates. */
  private warnOfPartialChangelog(label: string, histories: number, total: unknown): void {
    if (typeof total === 'number' && total > histories) {
      this.issueDraft.warnings.push(
        `${label}: the changelog holds ${histories} of ${total} entries; fetch the rest ` +
          `(GET /rest/api/3/issue/${label}/changelog or the bulk changelog), or its dates may be wrong`,
      );
    }
  }

  /**
   * Adds one issue from its fields (search shape, without changelog) and its complete `changeHistories`
   * from the bulk changelog (see `collectBulkChangelogs` for gathering them across pages).
   * @throws JiraHistoryError on input that is not well formed.
   */
  addChangelogIssue(input: unknown, changeHistories: unknown, position = this.size): void {
    const [label, issue] = this.startDraft(input, position);
    if (!Array.isArray(changeHistories)) {
      throw new JiraHistoryError(label, 'changeHistories', `expected an array, got ${describe(changeHistories)}`);
    }
    this.addDraft(this.draftWithHistories(issue, changeHistories, 'changeHistories', position));
  }

  /** The issue's label in messages, once it is seen to be an object; the builder's draft emptied for it. */
  private startDraft(issue: unknown, position: number): [label: string, issue: Record<string, unknown>] {
    const label = this.labelOf(issue, position);
    if (!isObject(issue)) throw new JiraHistoryError(label, '(issue)', `expected an object, got ${describe(issue)}`);
    this.issueDraft.clear();
    return [label, issue];
  }

  /**
   * Adds an issue read and checked by `draft` (of this builder or another with the same options), placing its
   * statuses in the dictionary as `addSearchIssue` does.
   */
  addDraft(draft: IssueDraft): void {
    for (const warning of draft.warnings) this.warnings.push(warning);
    const key = draft.key;
    const currentStatus = this.currentStatus({ id: draft.statusId, name: draft.statusName, category: draft.statusCategory }, key);
    let initialStatus = currentStatus;
    const transitionStatus = this.transitionStatus;
    const transitions = draft.transitions;
    for (let t = 0; t < transitions; t++) {
      if (t === 0) initialStatus = this.changedStatus(draft.fromId, draft.fromName, draft, 0, '.from');
      transitionStatus[t] = this.changedStatus(draft.toId[t]!, draft.toName[t]!, draft, t, '.to');
    }
    if (transitions > 0 && transitionStatus[transitions - 1] !== currentStatus) {
      this.warnings.push(`${key}: the last status change in the changelog does not lead to fields.status; the changelog may be incomplete`);
    }
    this.compact.addIssueRuns({
      id: draft.id,
      key,
      type: draft.type,
      created: draft.created,
      resolved: draft.resolved,
      initialStatus,
      transitionAt: draft.at,
      transitionStatus,
      flagAt: draft.flagAt,
      flagOn: draft.flagOn,
      transitions,
      flags: draft.flags,
    });
  }

  /** Where the status with this dictionary index was first seen. */
  statusLocation(statusIndex: number): StatusLocation | undefined {
    return this.locations[statusIndex];
  }

  build(): CompactHistory {
    return this.compact.build();
  }

  private labelOf(issue: unknown, position: number): string {
    if (isObject(issue)) {
      const key = issue['key'];
      if (typeof key === 'string' && key !== '') return key;
      const id = issue['id'];
      if (typeof id === 'string' || typeof id === 'number') return `issue #${position} (id ${id})`;
    }
    return `issue #${position}`;
  }

  /** Registers an issue's current status, remembering where it was first seen. */
  private currentStatus(ref: StatusRef, issueKey: string): number {
    const index = this.compact.status(ref, true);
    if (this.locations[index] === undefined) this.locations[index] = { issueKey, field: 'fields.status' };
    return index;
  }

  /** Registers a status named in a change item. The field path is only built for a status seen first. */
  private changedStatus(id: string | null, name: string | null, draft: IssueDraft, transition: number, suffix: '.from' | '.to'): number {
    const known = id ? this.compact.knownStatus(id, name) : -1;
    const index = known >= 0 ? known : this.compact.status({ id, name });
    if (this.locations[index] === undefined) this.locations[index] = { issueKey: draft.key, field: draft.changePath(transition, suffix) };
    return index;
  }

  /**
   * The issue read and checked into the builder's draft (emptied by `startDraft`).
   * @param histories the changelog's histories as parsed, or its changes as read ahead (`PreReadChangelog`)
   */
  private draftWithHistories(
    issue: Record<string, unknown>,
    histories: readonly unknown[] | JiraChangeList,
    historiesPath: string,
    position: number,
  ): IssueDraft {
    const key = issue['key'];
    if (typeof key !== 'string' || key === '') {
      throw new JiraHistoryError(this.labelOf(issue, position), 'key', `expected a non-empty string, got ${describe(key)}`);
    }
    const rawId = issue['id'];
    if (typeof rawId !== 'string' && typeof rawId !== 'number') {
      throw new JiraHistoryError(key, 'id', `expected a string, got ${describe(rawId)}`);
    }
    const fields = issue['fields'];
    if (!isObject(fields)) throw new JiraHistoryError(key, 'fields', `expected an object, got ${describe(fields)}`);

    const createdText = fields['created'];
    const created = jiraInstant(createdText);
    if (Number.isNaN(created)) {
      throw new JiraHistoryError(key, 'fields.created', `${describe(createdText)} ${NOT_AN_INSTANT}`);
    }
    const resolvedText = fields['resolutiondate'];
    let resolved: number | null = null;
    if (resolvedText !== undefined && resolvedText !== null) {
      resolved = jiraInstant(resolvedText);
      if (Number.isNaN(resolved)) {
        throw new JiraHistoryError(key, 'fields.resolutiondate', `${describe(resolvedText)} ${NOT_AN_INSTANT}`);
      }
      if (resolved < created) {
        // Both are strings here (or instants read ahead, whose message report-input.ts words again).
        throw new JiraHistoryError(
          key,
          'fields.resolutiondate',
          `${resolvedText as string} is before the issue was created (${createdText as string})`,
        );
      }
    }
    const issueType = fields['issuetype'];
    const typeName = isObject(issueType) ? ownString(issueType, 'name') : null;
    if (typeName === null) {
      throw new JiraHistoryError(
        key,
        'fields.issuetype.name',
        `expected a string, got ${describe(isObject(issueType) ? issueType['name'] : issueType)}`,
      );
    }
    const status = fields['status'];
    const statusId = isObject(status) ? (ownString(status, 'id') ?? null) : null;
    const statusName = isObject(status) ? (ownString(status, 'name') ?? null) : null;
    if (statusId === null && statusName === null) {
      throw new JiraHistoryError(key, 'fields.status', `expected an object with an id or a name, got ${describe(status)}`);
    }
    const category = isObject(status) && isObject(status['statusCategory']) ? ownString(status['statusCategory'], 'key') : null;

    let changes: JiraChangeList;
    if (histories instanceof JiraChangeList) {
      changes = histories;
      this.checkChangeTimes(key, changes, 0, historiesPath, created);
    } else {
      changes = this.readChanges(key, histories, historiesPath, created);
    }

    const draft = this.issueDraft;
    draft.key = key;
    draft.id = String(rawId);
    draft.type = typeName;
    draft.created = created;
    draft.resolved = resolved;
    draft.statusId = statusId;
    draft.statusName = statusName;
    draft.statusCategory = category;
    draft.historiesPath = historiesPath;
    // The issue's transitions and flag changes, written over the first entries of arrays reused from one issue
    // to the next (emptying them would drop their memory, to be taken again at the first change of the next).
    const { toId, toName, at: transitionAt, history, item, flagAt, flagOn } = draft;
    let transitions = 0;
    let flags = 0;
    let flagged = false;
    for (const k of changes.timeOrder()) {
      const at = changes.at[k]!;
      if (changes.kind[k] === 'status') {
        const to = changes.to[k];
        const entered = changes.toName[k];
        if (!to && !entered)
          throw new JiraHistoryError(key, changePath(historiesPath, changes, k, '.to'), 'a status change without the status entered');
        if (transitions === 0) {
          const from = changes.from[k];
          const fromName = changes.fromName[k];
          if (!from && !fromName) {
            throw new JiraHistoryError(
              key,
              changePath(historiesPath, changes, k, '.from'),
              'the first status change does not say which status the issue was created in',
            );
          }
          draft.fromId = from ?? null;
          draft.fromName = fromName ?? null;
        }
        toId[transitions] = to ?? null;
        toName[transitions] = entered ?? null;
        history[transitions] = changes.history[k]!;
        item[transitions] = changes.item[k]!;
        transitionAt[transitions++] = at;
      } else {
        // Jira writes the flag's option name ("Impediment") when set and an empty value when cleared. If the
        // first change clears it, the issue was created flagged.
        const on = Boolean(changes.toName[k] || changes.to[k]);
        if (flags === 0 && !on && Boolean(changes.fromName[k] || changes.from[k])) {
          flagAt[flags] = created;
          flagOn[flags++] = 1;
          flagged = true;
        }
        if (on !== flagged) {
          flagAt[flags] = at;
          flagOn[flags++] = on ? 1 : 0;
          flagged = on;
        }
      }
    }
    if (flags === 0 && this.isFlaggedNow(fields)) {
      flagAt[flags] = created;
      flagOn[flags++] = 1;
    }
    draft.transitions = transitions;
    draft.flags = flags;
    return draft;
  }

  /**
   * The status and flag changes of parsed histories, their shapes checked. Histories without such a change
   * (comments, assignee changes...) are not read further, not even their dates.
   */
  private readChanges(key: string, histories: readonly unknown[], historiesPath: string, created: number): JiraChangeList {
    const changes = this.changes;
    changes.clear();
    for (let h = 0; h < histories.length; h++) {
      const history = histories[h];
      if (!isObject(history)) throw new JiraHistoryError(key, `${historiesPath}[${h}]`, `expected an object, got ${describe(history)}`);
      const items: unknown = history['items'];
      if (!Array.isArray(items))
        throw new JiraHistoryError(key, `${historiesPath}[${h}].items`, `expected an array, got ${describe(items)}`);
      const id = historyOrder(history['id']);
      const firstOfHistory = changes.length;
      for (let i = 0; i < items.length; i++) {
        const item: unknown = items[i];
        if (!isObject(item)) continue;
        const kind = changeKind(ownString(item, 'fieldId'), ownString(item, 'field'), this.flaggedFieldIds);
        if (kind === null) continue;
        const [from, fromName, to, toName] = ['from', 'fromString', 'to', 'toString'].map((name) => ownString(item, name));
        changes.add(h, i, history['created'], id, kind, from!, fromName!, to!, toName!);
      }
      // Checked before the next history's shape, so a file with both problems is told the first one.
      this.checkChangeTimes(key, changes, firstOfHistory, historiesPath, created);
    }
    return changes;
  }

  /** Checks the date of each history with a change from index `first` on, in the histories' order, and gives each change its instant. */
  private checkChangeTimes(key: string, changes: JiraChangeList, first: number, historiesPath: string, created: number): void {
    let at = NaN;
    for (let k = first; k < changes.length; k++) {
      const h = changes.history[k]!;
      if (k === first || h !== changes.history[k - 1]) {
        const readAhead = changes.readAhead[k]!;
        at = Number.isNaN(readAhead) ? jiraInstant(changes.created[k]) : plausible(readAhead);
        if (Number.isNaN(at) || at < created) {
          // The text of a date read ahead is made only for the message about it.
          const createdText = changes.created[k] === READ_AHEAD ? formatIsoTimestamp(readAhead) : changes.created[k];
          if (Number.isNaN(at)) {
            throw new JiraHistoryError(key, `${historiesPath}[${h}].created`, `${describe(createdText)} ${NOT_AN_INSTANT}`);
          }
          throw new JiraHistoryError(key, `${historiesPath}[${h}].created`, `${createdText as string} is before the issue was created`);
        }
      }
      changes.at[k] = at;
    }
  }

  private isFlaggedNow(fields: Record<string, unknown>): boolean {
    for (const fieldId of this.flaggedFieldIds) {
      const value = fields[fieldId];
      if (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null) return true;
    }
    return false;
  }
}

/** Reads a list of issues in `search/jql?expand=changelog` shape. @throws JiraHistoryError */
export function compactHistoryFromSearch(issues: readonly unknown[], options: JiraHistoryOptions = {}): CompactHistory {
  const builder = new JiraHistoryBuilder(options);
  issues.forEach((issue, position) => builder.addSearchIssue(issue, position));
  return builder.build();
}

/**
 * Gathers each issue's change histories across bulk-changelog pages (one issue's histories can span pages),
 * oldest first, keyed by issue id.
 */
export function collectBulkChangelogs(pages: readonly JiraBulkChangelogPage[]): Map<string, JiraChangeHistory[]> {
  const byIssue = new Map<string, JiraChangeHistory[]>();
  for (const page of pages) {
    for (const log of page.issueChangeLogs) {
      const list = byIssue.get(log.issueId);
      if (list) list.push(...log.changeHistories);
      else byIssue.set(log.issueId, [...log.changeHistories]);
    }
  }
  return byIssue;
}
