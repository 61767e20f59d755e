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
import { parseIsoTimestamp } from './iso-timestamp';

/**
 * Instants Jira can have recorded: from 1970 to 2199. Anything outside is a corrupt or hostile value, and
 * would stretch every per-day series (a "created" in year 1 makes a 740,000-day cumulative flow chart).
 */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** Epoch ms of a Jira date-time, or NaN when it is not one or is outside the plausible range. */
function jiraInstant(value: unknown): number {
  const ms = typeof value === 'string' ? parseIsoTimestamp(value) : NaN;
  return ms >= EARLIEST && ms < LATEST ? ms : NaN;
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

function changePath(historiesPath: string, change: ParsedChange, suffix: string): string {
  return `${historiesPath}[${change.history}].items[${change.index}]${suffix}`;
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

interface ParsedChange {
  at: number;
  order: number;
  /** Tie-break for changes at the same instant: Jira's history ids grow with time. */
  id: number;
  /** Positions in the input, for naming the field in messages (paths are only built when needed). */
  history: number;
  index: number;
  item: Record<string, unknown>;
  kind: 'status' | 'flag';
}

export class JiraHistoryBuilder {
  readonly warnings: string[] = [];
  private readonly compact = new CompactHistoryBuilder();
  private readonly flaggedFieldIds: ReadonlySet<string>;
  private readonly locations: StatusLocation[] = [];

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
    const label = this.labelOf(issue, position);
    if (!isObject(issue)) throw new JiraHistoryError(label, '(issue)', `expected an object, got ${describe(issue)}`);
    const changelog = issue['changelog'];
    if (!isObject(changelog)) {
      throw new JiraHistoryError(label, 'changelog', `${describe(changelog)}: fetch issues with expand=changelog`);
    }
    const histories = changelog['histories'];
    if (!Array.isArray(histories)) {
      throw new JiraHistoryError(label, 'changelog.histories', `expected an array, got ${describe(histories)}`);
    }
    const total = changelog['total'];
    if (typeof total === 'number' && total > histories.length) {
      this.warnings.push(
        `${label}: the changelog holds ${histories.length} of ${total} entries; fetch the rest ` +
          `(GET /rest/api/3/issue/${label}/changelog or the bulk changelog), or its dates may be wrong`,
      );
    }
    this.addIssueWithHistories(issue, histories, 'changelog.histories', position);
  }

  /**
   * Adds one issue from its fields (search shape, without changelog) and its complete `changeHistories`
   * from the bulk changelog (see `collectBulkChangelogs` for gathering them across pages).
   * @throws JiraHistoryError on input that is not well formed.
   */
  addChangelogIssue(issue: unknown, changeHistories: unknown, position = this.size): void {
    const label = this.labelOf(issue, position);
    if (!isObject(issue)) throw new JiraHistoryError(label, '(issue)', `expected an object, got ${describe(issue)}`);
    if (!Array.isArray(changeHistories)) {
      throw new JiraHistoryError(label, 'changeHistories', `expected an array, got ${describe(changeHistories)}`);
    }
    this.addIssueWithHistories(issue, changeHistories, 'changeHistories', position);
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
  private changedStatus(ref: StatusRef, issueKey: string, historiesPath: string, change: ParsedChange, suffix: '.from' | '.to'): number {
    const index = this.compact.status(ref);
    if (this.locations[index] === undefined) this.locations[index] = { issueKey, field: changePath(historiesPath, change, suffix) };
    return index;
  }

  private addIssueWithHistories(
    issue: Record<string, unknown>,
    histories: readonly unknown[],
    historiesPath: string,
    position: number,
  ): void {
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
        // Both are strings here: jiraInstant reads nothing else.
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
    const currentStatus = this.currentStatus({ id: statusId, name: statusName, category }, key);

    const changes = this.readChanges(key, histories, historiesPath, created);

    let initialStatus = currentStatus;
    const transitions: Array<{ at: number; status: number }> = [];
    const flags: Array<{ at: number; on: boolean }> = [];
    let flagged = false;
    for (const change of changes) {
      const item = change.item;
      if (change.kind === 'status') {
        const to = ownString(item, 'to');
        const toName = ownString(item, 'toString');
        if (!to && !toName)
          throw new JiraHistoryError(key, changePath(historiesPath, change, '.to'), 'a status change without the status entered');
        if (transitions.length === 0) {
          const from = ownString(item, 'from');
          const fromName = ownString(item, 'fromString');
          if (!from && !fromName) {
            throw new JiraHistoryError(
              key,
              changePath(historiesPath, change, '.from'),
              'the first status change does not say which status the issue was created in',
            );
          }
          initialStatus = this.changedStatus({ id: from, name: fromName }, key, historiesPath, change, '.from');
        }
        transitions.push({ at: change.at, status: this.changedStatus({ id: to, name: toName }, key, historiesPath, change, '.to') });
      } else {
        // Jira writes the flag's option name ("Impediment") when set and an empty value when cleared. If the
        // first change clears it, the issue was created flagged.
        const on = Boolean(ownString(item, 'toString') || ownString(item, 'to'));
        if (flags.length === 0 && !on && Boolean(ownString(item, 'fromString') || ownString(item, 'from'))) {
          flags.push({ at: created, on: true });
          flagged = true;
        }
        if (on !== flagged) {
          flags.push({ at: change.at, on });
          flagged = on;
        }
      }
    }
    if (flags.length === 0 && this.isFlaggedNow(fields)) flags.push({ at: created, on: true });
    if (transitions.length > 0 && transitions[transitions.length - 1]!.status !== currentStatus) {
      this.warnings.push(`${key}: the last status change in the changelog does not lead to fields.status; the changelog may be incomplete`);
    }

    this.compact.addIssue({
      id: String(rawId),
      key,
      type: typeName,
      created,
      resolved,
      initialStatus,
      transitions,
      flags,
    });
  }

  private readChanges(key: string, histories: readonly unknown[], historiesPath: string, created: number): ParsedChange[] {
    const changes: ParsedChange[] = [];
    let sorted = true;
    for (let h = 0; h < histories.length; h++) {
      const history = histories[h];
      if (!isObject(history)) throw new JiraHistoryError(key, `${historiesPath}[${h}]`, `expected an object, got ${describe(history)}`);
      const items: unknown = history['items'];
      if (!Array.isArray(items))
        throw new JiraHistoryError(key, `${historiesPath}[${h}].items`, `expected an array, got ${describe(items)}`);
      let relevant = false;
      for (const item of items) {
        if (isObject(item) && this.kindOf(item) !== null) relevant = true;
      }
      if (!relevant) continue; // comments, assignee changes... are not read at all, not even their dates
      const createdText = history['created'];
      const at = jiraInstant(createdText);
      if (Number.isNaN(at)) {
        throw new JiraHistoryError(key, `${historiesPath}[${h}].created`, `${describe(createdText)} ${NOT_AN_INSTANT}`);
      }
      if (at < created) {
        throw new JiraHistoryError(key, `${historiesPath}[${h}].created`, `${createdText as string} is before the issue was created`);
      }
      const rawId = history['id'];
      const id = typeof rawId === 'string' || typeof rawId === 'number' ? Number(rawId) : NaN;
      for (let i = 0; i < items.length; i++) {
        const item: unknown = items[i];
        if (!isObject(item)) continue;
        const kind = this.kindOf(item);
        if (kind === null) continue;
        const change: ParsedChange = { at, order: changes.length, id: Number.isNaN(id) ? 0 : id, history: h, index: i, item, kind };
        const previous = changes[changes.length - 1];
        if (previous && (previous.at > at || (previous.at === at && previous.id > change.id))) sorted = false;
        changes.push(change);
      }
    }
    // search/jql and the bulk changelog list histories oldest first, the issue changelog endpoints can list
    // them newest first: sort when needed, stably, by time then by history id.
    if (!sorted) changes.sort((a, b) => a.at - b.at || a.id - b.id || a.order - b.order);
    return changes;
  }

  private kindOf(item: Record<string, unknown>): 'status' | 'flag' | null {
    const fieldId = ownString(item, 'fieldId');
    const field = ownString(item, 'field');
    if (fieldId === 'status' || (fieldId === null && field === 'status')) return 'status';
    if ((fieldId !== null && this.flaggedFieldIds.has(fieldId)) || field?.toLowerCase() === 'flagged') return 'flag';
    return null;
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
