/**
 * The compact issue history: everything the metrics need about a project's issues, and nothing else.
 *
 * Per issue: id, key, type, created, resolution time, the status at creation, each status transition (time
 * and status) and each change of the "Flagged" field. No summaries, people or comments (data minimisation).
 *
 * The layout is columnar: one plain array per field, with the transitions of all issues in shared arrays and
 * an offset array saying where each issue's run starts (issue i owns `transitionAt[transitionOffset[i] ..
 * transitionOffset[i + 1] - 1]`). That is small as JSON, cheap to split into storage shards, free of
 * per-transition objects in memory, and fast to scan. Instants are epoch milliseconds; statuses and issue
 * types are indices into small dictionaries, so a renamed status is one edit.
 *
 * Invariants (checked by `checkCompactHistory`): transitions and flag changes of an issue are in time order
 * and not before the issue was created.
 */

import { checkIssueFacets, pickFacets, type IssueFacets } from './issue-facets';

/** Jira's status categories, listed once. */
export const STATUS_CATEGORY_KEYS = ['new', 'indeterminate', 'done'] as const;
export type StatusCategoryKey = (typeof STATUS_CATEGORY_KEYS)[number];

export interface CompactStatus {
  /** Jira's status id; null when the source named the status only. */
  id: string | null;
  name: string;
  /** Jira's status category, when known. Used to build the default workflow. */
  category: StatusCategoryKey | null;
}

export const COMPACT_HISTORY_FORMAT = 1;

export interface CompactHistory {
  readonly format: typeof COMPACT_HISTORY_FORMAT;
  readonly statuses: readonly CompactStatus[];
  readonly issueTypes: readonly string[];
  readonly issueId: readonly string[];
  readonly key: readonly string[];
  /** Index into `issueTypes`. */
  readonly type: readonly number[];
  /** Epoch ms. */
  readonly created: readonly number[];
  /** Epoch ms of Jira's resolution date, or null. Kept for display; "done" comes from the workflow. */
  readonly resolved: readonly (number | null)[];
  /** Index into `statuses`: the status the issue was created in. */
  readonly initialStatus: readonly number[];
  /** Length issues + 1. */
  readonly transitionOffset: readonly number[];
  readonly transitionAt: readonly number[];
  /** Index into `statuses`: the status entered. */
  readonly transitionStatus: readonly number[];
  /** Length issues + 1. */
  readonly flagOffset: readonly number[];
  readonly flagAt: readonly number[];
  /** 1 when the issue became flagged at that instant, 0 when the flag was cleared. */
  readonly flagOn: readonly number[];
  /** Resolution, labels, components and parent of each issue; absent when not known (see `issue-facets.ts`). */
  readonly facets?: IssueFacets;
}

export function issueCount(history: CompactHistory): number {
  return history.key.length;
}

/** Index into `statuses` of the issue's latest status. */
export function currentStatusOf(history: CompactHistory, issue: number): number {
  const end = history.transitionOffset[issue + 1]!;
  return end > history.transitionOffset[issue]! ? history.transitionStatus[end - 1]! : history.initialStatus[issue]!;
}

/** A reference to a status as sources give it: by id, by name, or both. */
export interface StatusRef {
  id?: string | null;
  name?: string | null;
  category?: string | null;
}

export interface CompactIssueInput {
  id: string;
  key: string;
  type: string;
  created: number;
  resolved: number | null;
  /** From `CompactHistoryBuilder.status`. */
  initialStatus: number;
  /** In time order, none before `created`. */
  transitions: ReadonlyArray<{ at: number; status: number }>;
  /** In time order, none before `created`. */
  flags?: ReadonlyArray<{ at: number; on: boolean }>;
}

/**
 * An issue whose transitions and flag changes are given as columns (`CompactIssueInput` without an object per
 * change): how a reader of a large export hands them on, from arrays it reuses for every issue.
 */
export interface CompactIssueRuns extends Omit<CompactIssueInput, 'transitions' | 'flags'> {
  /** In time order, none before `created`; `transitionStatus[k]` is the status entered at `transitionAt[k]`. */
  transitionAt: readonly number[];
  transitionStatus: readonly number[];
  /** In time order, none before `created`; `flagOn[k]` is 1 when the issue became flagged at `flagAt[k]`, 0 when cleared. */
  flagAt: readonly number[];
  flagOn: readonly number[];
  /**
   * How many of the first entries of `transitionAt` and `transitionStatus` (of `flagAt` and `flagOn`) are the
   * issue's; all of `transitionAt` (`flagAt`) when not given. A reader that reuses its arrays for every issue
   * leaves older entries after them rather than emptying the arrays, which would drop their memory with them.
   */
  transitions?: number;
  flags?: number;
}

/** The per-issue columns of a `CompactHistory` while it is written, one issue after another. */
export type IssueColumns = {
  -readonly [K in Exclude<keyof CompactHistory, 'format' | 'statuses' | 'issueTypes' | 'facets'>]: CompactHistory[K][number][];
};

/** Columns of no issue yet: the offset arrays hold the start of the first issue's run. */
export function emptyIssueColumns(): IssueColumns {
  return {
    issueId: [],
    key: [],
    type: [],
    created: [],
    resolved: [],
    initialStatus: [],
    transitionOffset: [0],
    transitionAt: [],
    transitionStatus: [],
    flagOffset: [0],
    flagAt: [],
    flagOn: [],
  };
}

/**
 * Writes one issue at the end of the columns, its transitions and flag changes as its runs. The caller has
 * checked it: its type and statuses index the dictionaries, its changes are in time order.
 */
export function appendIssue(columns: IssueColumns, issue: Omit<CompactIssueInput, 'type'> & { type: number }): void {
  columns.issueId.push(issue.id);
  columns.key.push(issue.key);
  columns.type.push(issue.type);
  columns.created.push(issue.created);
  columns.resolved.push(issue.resolved);
  columns.initialStatus.push(issue.initialStatus);
  for (const transition of issue.transitions) {
    columns.transitionAt.push(transition.at);
    columns.transitionStatus.push(transition.status);
  }
  columns.transitionOffset.push(columns.transitionAt.length);
  for (const flag of issue.flags ?? []) {
    columns.flagAt.push(flag.at);
    columns.flagOn.push(flag.on ? 1 : 0);
  }
  columns.flagOffset.push(columns.flagAt.length);
}

function copiedColumns(columns: IssueColumns): IssueColumns {
  const copy = { ...columns };
  for (const name of Object.keys(copy) as (keyof IssueColumns)[]) (copy[name] as unknown[]) = [...columns[name]];
  return copy;
}

function categoryKey(value: string | null | undefined): StatusCategoryKey | null {
  return value === 'new' || value === 'indeterminate' || value === 'done' ? value : null;
}

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Builds a `CompactHistory` one issue at a time. */
export class CompactHistoryBuilder {
  private readonly statuses: CompactStatus[] = [];
  private readonly statusById = new Map<string, number>();
  private readonly statusByName = new Map<string, number>();
  private readonly issueTypes: string[] = [];
  private readonly typeByName = new Map<string, number>();
  private columns = emptyIssueColumns();
  /**
   * Whether `build` handed the columns out: they are then the built history's, and the next issue added is
   * written into copies. Handing them out rather than copying them saves the largest copy of reading an export
   * (a million changes for 100,000 issues), fresh memory touched only to be the same again.
   */
  private handedOut = false;

  get size(): number {
    return this.columns.key.length;
  }

  /**
   * The dictionary index of a status, adding it if new. Statuses are matched by id first, then by name
   * (case-insensitive). An `authoritative` reference (the issue's current status, a status catalogue) also
   * updates the stored name, because history entries keep the name a status had when the change was made.
   * @throws Error when the reference has neither id nor name.
   */
  status(ref: StatusRef, authoritative = false): number {
    const id = ref.id ? String(ref.id) : null;
    const name = ref.name ? String(ref.name) : null;
    const category = categoryKey(ref.category);
    if (id !== null && !authoritative) {
      // The common case, once per transition: a status already known by its id.
      const known = this.statusById.get(id);
      if (known !== undefined) {
        const status = this.statuses[known]!;
        if (category !== null && status.category === null) status.category = category;
        if (name !== null && status.name === status.id) status.name = name;
        return known;
      }
    }
    let index: number | undefined;
    if (id !== null) {
      index = this.statusById.get(id);
      if (index === undefined && name !== null) {
        // A status first seen by name only, now seen with its id: same status.
        const byName = this.statusByName.get(nameKey(name));
        if (byName !== undefined && this.statuses[byName]!.id === null) index = byName;
      }
    } else if (name !== null) {
      index = this.statusByName.get(nameKey(name));
    } else {
      throw new Error('a status needs an id or a name');
    }
    if (index === undefined) {
      index = this.statuses.length;
      this.statuses.push({ id, name: name ?? id ?? '', category });
    } else {
      const status = this.statuses[index]!;
      if (status.id === null && id !== null) status.id = id;
      if (name !== null && (authoritative || status.name === '' || status.name === status.id)) status.name = name;
      if (category !== null && (authoritative || status.category === null)) status.category = category;
    }
    if (id !== null) this.statusById.set(id, index);
    if (name !== null && !this.statusByName.has(nameKey(name))) this.statusByName.set(nameKey(name), index);
    return index;
  }

  /**
   * `status({ id, name })` for a status already known by its id, or -1 when it is not: the common case, once
   * per status change read, answered without making a reference object for it.
   * @param id a non-empty status id
   */
  knownStatus(id: string, name: string | null): number {
    const known = this.statusById.get(id);
    if (known === undefined) return -1;
    const status = this.statuses[known]!;
    if (name && status.name === status.id) status.name = name;
    return known;
  }

  /** The dictionary entry behind an index from `status`. */
  statusAt(index: number): Readonly<CompactStatus> {
    const status = this.statuses[index];
    if (!status) throw new RangeError(`no status at index ${index}`);
    return status;
  }

  /** @throws Error when transitions or flags are out of order or before creation. */
  addIssue(input: CompactIssueInput): void {
    const { transitions, flags = [], ...issue } = input;
    this.addIssueRuns({
      ...issue,
      transitionAt: transitions.map((transition) => transition.at),
      transitionStatus: transitions.map((transition) => transition.status),
      flagAt: flags.map((flag) => flag.at),
      flagOn: flags.map((flag) => (flag.on ? 1 : 0)),
    });
  }

  /** `addIssue` for an issue whose changes are columns: they are copied, so the caller may reuse its arrays. @throws as `addIssue` */
  addIssueRuns(input: CompactIssueRuns): void {
    const { transitionAt, transitionStatus, flagAt, flagOn } = input;
    const transitions = input.transitions ?? transitionAt.length;
    const flags = input.flags ?? flagAt.length;
    let previous = input.created;
    for (let k = 0; k < transitions; k++) {
      if (!(transitionAt[k]! >= previous)) throw new Error(`${input.key}: transitions must be in time order, after creation`);
      const status = transitionStatus[k]!;
      if (!(status >= 0 && status < this.statuses.length)) throw new Error(`${input.key}: unknown status index ${status}`);
      previous = transitionAt[k]!;
    }
    previous = input.created;
    for (let k = 0; k < flags; k++) {
      if (!(flagAt[k]! >= previous)) throw new Error(`${input.key}: flag changes must be in time order, after creation`);
      previous = flagAt[k]!;
    }
    let typeIndex = this.typeByName.get(input.type);
    if (typeIndex === undefined) {
      typeIndex = this.issueTypes.length;
      this.issueTypes.push(input.type);
      this.typeByName.set(input.type, typeIndex);
    }
    if (this.handedOut) {
      this.columns = copiedColumns(this.columns);
      this.handedOut = false;
    }
    const columns = this.columns;
    columns.issueId.push(input.id);
    columns.key.push(input.key);
    columns.type.push(typeIndex);
    columns.created.push(input.created);
    columns.resolved.push(input.resolved);
    columns.initialStatus.push(input.initialStatus);
    for (let k = 0; k < transitions; k++) {
      columns.transitionAt.push(transitionAt[k]!);
      columns.transitionStatus.push(transitionStatus[k]!);
    }
    columns.transitionOffset.push(columns.transitionAt.length);
    for (let k = 0; k < flags; k++) {
      columns.flagAt.push(flagAt[k]!);
      columns.flagOn.push(flagOn[k]!);
    }
    columns.flagOffset.push(columns.flagAt.length);
  }

  /** The history of the issues added so far; adding more afterwards leaves it as it is. */
  build(): CompactHistory {
    this.handedOut = true;
    return {
      format: COMPACT_HISTORY_FORMAT,
      // Dictionary entries are updated in place as statuses are seen again (see `status`): copied.
      statuses: this.statuses.map((status) => ({ ...status })),
      issueTypes: [...this.issueTypes],
      ...this.columns,
    };
  }
}

/** One issue of a history as a plain object: for tests, debugging and detail views (not for hot loops). */
export interface CompactIssueView {
  id: string;
  key: string;
  type: string;
  created: number;
  resolved: number | null;
  initialStatus: CompactStatus;
  transitions: Array<{ at: number; status: CompactStatus }>;
  flags: Array<{ at: number; on: boolean }>;
}

export function issueAt(history: CompactHistory, issue: number): CompactIssueView {
  if (!(issue >= 0 && issue < issueCount(history))) throw new RangeError(`no issue at index ${issue}`);
  const transitions: CompactIssueView['transitions'] = [];
  for (let j = history.transitionOffset[issue]!; j < history.transitionOffset[issue + 1]!; j++) {
    transitions.push({ at: history.transitionAt[j]!, status: history.statuses[history.transitionStatus[j]!]! });
  }
  const flags: CompactIssueView['flags'] = [];
  for (let j = history.flagOffset[issue]!; j < history.flagOffset[issue + 1]!; j++) {
    flags.push({ at: history.flagAt[j]!, on: history.flagOn[j] === 1 });
  }
  return {
    id: history.issueId[issue]!,
    key: history.key[issue]!,
    type: history.issueTypes[history.type[issue]!]!,
    created: history.created[issue]!,
    resolved: history.resolved[issue]!,
    initialStatus: history.statuses[history.initialStatus[issue]!]!,
    transitions,
    flags,
  };
}

/**
 * Merges histories (storage shards, or a stored history and a batch of updated issues) into one. When an
 * issue id appears more than once the last part wins, at the position of its first appearance; status and
 * type dictionaries are unified, later parts' names winning.
 */
export function mergeCompactHistories(parts: readonly CompactHistory[]): CompactHistory {
  const winner = new Map<string, { part: number; issue: number }>();
  const order: string[] = [];
  parts.forEach((part, partIndex) => {
    for (let issue = 0; issue < issueCount(part); issue++) {
      const id = part.issueId[issue]!;
      if (!winner.has(id)) order.push(id);
      winner.set(id, { part: partIndex, issue });
    }
  });
  const builder = new CompactHistoryBuilder();
  const statusMaps = parts.map((part) => part.statuses.map((status) => builder.status(status, true)));
  for (const id of order) {
    const { part: partIndex, issue } = winner.get(id)!;
    const part = parts[partIndex]!;
    const statusMap = statusMaps[partIndex]!;
    const view = issueAt(part, issue);
    builder.addIssue({
      id: view.id,
      key: view.key,
      type: view.type,
      created: view.created,
      resolved: view.resolved,
      initialStatus: statusMap[part.initialStatus[issue]!]!,
      transitions: Array.from({ length: part.transitionOffset[issue + 1]! - part.transitionOffset[issue]! }, (_, k) => {
        const j = part.transitionOffset[issue]! + k;
        return { at: part.transitionAt[j]!, status: statusMap[part.transitionStatus[j]!]! };
      }),
      flags: view.flags,
    });
  }
  return builder.build();
}

/** The issues for which `keep(index)` is true, with the same dictionaries (indices stay valid). */
export function filterCompactHistory(history: CompactHistory, keep: (issue: number) => boolean): CompactHistory {
  const selected: number[] = [];
  for (let issue = 0; issue < issueCount(history); issue++) if (keep(issue)) selected.push(issue);
  const pick = <T>(column: readonly T[]): T[] => selected.map((issue) => column[issue]!);
  // Plain loops over two columns at a time: a page filters 20,000 issues' transitions at each change of type.
  const runs = (offsets: readonly number[], first: readonly number[], second: readonly number[]) => {
    const nextOffsets = [0];
    const nextFirst: number[] = [];
    const nextSecond: number[] = [];
    for (const issue of selected) {
      for (let j = offsets[issue]!; j < offsets[issue + 1]!; j++) {
        nextFirst.push(first[j]!);
        nextSecond.push(second[j]!);
      }
      nextOffsets.push(nextFirst.length);
    }
    return { offsets: nextOffsets, columns: [nextFirst, nextSecond] as const };
  };
  const transitions = runs(history.transitionOffset, history.transitionAt, history.transitionStatus);
  const flags = runs(history.flagOffset, history.flagAt, history.flagOn);
  return {
    format: COMPACT_HISTORY_FORMAT,
    statuses: history.statuses,
    issueTypes: history.issueTypes,
    issueId: pick(history.issueId),
    key: pick(history.key),
    type: pick(history.type),
    created: pick(history.created),
    resolved: pick(history.resolved),
    initialStatus: pick(history.initialStatus),
    transitionOffset: transitions.offsets,
    transitionAt: transitions.columns[0],
    transitionStatus: transitions.columns[1],
    flagOffset: flags.offsets,
    flagAt: flags.columns[0],
    flagOn: flags.columns[1],
    ...(history.facets ? { facets: pickFacets(history.facets, selected) } : {}),
  };
}

/**
 * Structural problems of a history (for data read back from storage): empty when it is well formed.
 * Linear in the size of the history.
 */
export function checkCompactHistory(history: CompactHistory): string[] {
  const problems: string[] = [];
  const n = history.key.length;
  const perIssue = ['issueId', 'type', 'created', 'resolved', 'initialStatus'] as const;
  for (const column of perIssue) {
    if (history[column].length !== n) problems.push(`${column} has ${history[column].length} entries for ${n} issues`);
  }
  const checkRuns = (name: string, offsets: readonly number[], at: readonly number[], other: readonly number[]) => {
    if (offsets.length !== n + 1 || offsets[0] !== 0 || offsets[n] !== at.length || other.length !== at.length) {
      problems.push(`${name} offsets do not match their columns`);
      return;
    }
    for (let i = 0; i < n; i++) {
      let previous = history.created[i]!;
      if (offsets[i + 1]! < offsets[i]!) problems.push(`${name} offsets decrease at issue ${i}`);
      for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
        if (!(at[j]! >= previous)) {
          problems.push(`${history.key[i]}: ${name} out of time order or before creation`);
          break;
        }
        previous = at[j]!;
      }
    }
  };
  checkRuns('transition', history.transitionOffset, history.transitionAt, history.transitionStatus);
  checkRuns('flag', history.flagOffset, history.flagAt, history.flagOn);
  const statusCount = history.statuses.length;
  const badStatus = (s: number) => !(s >= 0 && s < statusCount);
  if (history.initialStatus.some(badStatus) || history.transitionStatus.some(badStatus)) {
    problems.push('a status index is outside the status dictionary');
  }
  if (history.type.some((t) => !(t >= 0 && t < history.issueTypes.length))) {
    problems.push('a type index is outside the issue type dictionary');
  }
  if (history.facets) problems.push(...checkIssueFacets(history.facets, n));
  return problems;
}
