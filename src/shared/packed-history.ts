/**
 * A project's compact history as the app stores it and sends it to the browser: in shards of consecutive
 * issues (ascending Jira issue id), each a `PackedShard` of delta-encoded columns.
 *
 * A shard holds exactly the columns of the engine's `CompactHistory` for its issues (nothing is rounded or
 * dropped), written as differences because differences are short: ids and key numbers of neighbouring
 * issues differ by one or two, and a transition is a few days after the one before. That halves the JSON
 * of a 100k-issue project; storage then compresses each shard. Status and issue-type numbers index the
 * project's dictionaries, which live once, beside the list of shards (`HistoryDictionaries`).
 *
 * Pure code, no I/O: the resolvers pack and unpack with it, and the browser rebuilds a `CompactHistory`
 * from the shards a resolver answered (`compactHistoryFromShards`).
 */
import { appendIssue, COMPACT_HISTORY_FORMAT, emptyIssueColumns, type CompactHistory, type CompactStatus } from '../domain/compact-history';

const PACKED_SHARD_FORMAT = 1;

/** One issue with status and type numbers that index the project's dictionaries. */
export interface StoredIssue {
  /** Jira's issue id. Jira ids are decimal numbers; as numbers they sort and subtract. */
  id: number;
  key: string;
  type: number;
  /** Epoch milliseconds. */
  created: number;
  resolved: number | null;
  initialStatus: number;
  /** In time order, none before `created`. */
  transitions: ReadonlyArray<{ at: number; status: number }>;
  /** In time order, none before `created`. */
  flags: ReadonlyArray<{ at: number; on: boolean }>;
  /**
   * Jira's id of the issue's security level; absent when the issue has none. Only the number is kept (never
   * the level's name): it decides who may be shown the issue (see src/app/access/issue-security.ts).
   */
  securityLevel?: number;
}

/** The dictionaries the numbers in every shard of one project refer to. */
export interface HistoryDictionaries {
  /** Keys `<keyPrefix>-<n>` are stored as numbers. */
  keyPrefix: string;
  statuses: readonly CompactStatus[];
  issueTypes: readonly string[];
}

export interface PackedShard {
  v: typeof PACKED_SHARD_FORMAT;
  /** First id absolute, then the difference to the previous id. */
  id: number[];
  /** Key number as the difference to the previous key number; the whole key where it has another prefix. */
  key: Array<number | string>;
  type: number[];
  init: number[];
  /** First instant absolute, then the difference to the previous issue's. */
  created: number[];
  /** Difference to the issue's last transition (or creation); null when unresolved. Usually 0. */
  resolved: Array<number | null>;
  /** Transitions per issue. */
  tn: number[];
  /** Difference to the issue's previous transition (or creation). */
  tAt: number[];
  tTo: number[];
  /** Flag changes per issue. */
  fn: number[];
  /** Difference to the issue's previous flag change (or creation). */
  fAt: number[];
  fOn: number[];
  /**
   * Security level id per issue, 0 for none; absent when no issue of the shard has a level, which is almost
   * every shard of almost every project.
   */
  sl?: number[];
}

export class PackedShardError extends Error {
  constructor(problem: string) {
    super(`Stored history shard is damaged: ${problem}`);
    this.name = 'PackedShardError';
  }
}

export function packShard(issues: readonly StoredIssue[], keyPrefix: string): PackedShard {
  const shard: PackedShard = {
    v: PACKED_SHARD_FORMAT,
    id: [],
    key: [],
    type: [],
    init: [],
    created: [],
    resolved: [],
    tn: [],
    tAt: [],
    tTo: [],
    fn: [],
    fAt: [],
    fOn: [],
  };
  const keyPattern = keyNumberPattern(keyPrefix);
  let previousId = 0;
  let previousKeyNumber = 0;
  let previousCreated = 0;
  for (const issue of issues) {
    shard.id.push(issue.id - previousId);
    previousId = issue.id;
    const keyNumber = keyPattern.exec(issue.key);
    if (keyNumber) {
      const n = Number(keyNumber[1]);
      shard.key.push(n - previousKeyNumber);
      previousKeyNumber = n;
    } else {
      shard.key.push(issue.key);
    }
    shard.type.push(issue.type);
    shard.init.push(issue.initialStatus);
    shard.created.push(issue.created - previousCreated);
    previousCreated = issue.created;
    let last = issue.created;
    shard.tn.push(issue.transitions.length);
    for (const transition of issue.transitions) {
      shard.tAt.push(transition.at - last);
      shard.tTo.push(transition.status);
      last = transition.at;
    }
    shard.resolved.push(issue.resolved === null ? null : issue.resolved - last);
    let lastFlag = issue.created;
    shard.fn.push(issue.flags.length);
    for (const flag of issue.flags) {
      shard.fAt.push(flag.at - lastFlag);
      shard.fOn.push(flag.on ? 1 : 0);
      lastFlag = flag.at;
    }
  }
  if (issues.some((issue) => issue.securityLevel !== undefined)) shard.sl = issues.map((issue) => issue.securityLevel ?? 0);
  return shard;
}

/** Issues of a shard, in order. @throws PackedShardError when the shard is not well formed. */
export function unpackShard(shard: PackedShard, keyPrefix: string): StoredIssue[] {
  const issues: StoredIssue[] = [];
  decodeShard(shard, keyPrefix, (issue) => issues.push(issue));
  return issues;
}

/**
 * Rebuilds the engine's model from a project's shards, in order: what the browser does with the answer of
 * the project view. @throws PackedShardError when a shard is not well formed.
 */
export function compactHistoryFromShards(dictionaries: HistoryDictionaries, shards: readonly PackedShard[]): CompactHistory {
  const columns = emptyIssueColumns();
  const statusCount = dictionaries.statuses.length;
  const typeCount = dictionaries.issueTypes.length;
  for (const shard of shards) {
    decodeShard(shard, dictionaries.keyPrefix, (issue) => {
      if (!(issue.type < typeCount) || !(issue.initialStatus < statusCount))
        throw new PackedShardError('an index is outside the dictionaries');
      for (const transition of issue.transitions) {
        if (!(transition.status < statusCount)) throw new PackedShardError('a status index is outside the dictionary');
      }
      appendIssue(columns, { ...issue, id: String(issue.id) });
    });
  }
  return {
    format: COMPACT_HISTORY_FORMAT,
    statuses: dictionaries.statuses.map((status) => ({ ...status })),
    issueTypes: [...dictionaries.issueTypes],
    ...columns,
  };
}

function keyNumberPattern(keyPrefix: string): RegExp {
  // Project keys are letters, digits and underscores: nothing to escape.
  return new RegExp(`^${keyPrefix}-([1-9][0-9]{0,14})$`);
}

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const isCount = (value: unknown): value is number => isInteger(value) && value >= 0;

function decodeShard(shard: PackedShard, keyPrefix: string, visit: (issue: StoredIssue) => void): void {
  if (typeof shard !== 'object' || shard === null || shard.v !== PACKED_SHARD_FORMAT) throw new PackedShardError('unknown format');
  const n = shard.id?.length;
  const perIssue = [shard.key, shard.type, shard.init, shard.created, shard.resolved, shard.tn, shard.fn];
  if (!Array.isArray(shard.id) || perIssue.some((column) => !Array.isArray(column) || column.length !== n)) {
    throw new PackedShardError('columns of different lengths');
  }
  if (!Array.isArray(shard.tAt) || !Array.isArray(shard.tTo) || shard.tAt.length !== shard.tTo.length) {
    throw new PackedShardError('transition columns of different lengths');
  }
  if (!Array.isArray(shard.fAt) || !Array.isArray(shard.fOn) || shard.fAt.length !== shard.fOn.length) {
    throw new PackedShardError('flag columns of different lengths');
  }
  const levels = shard.sl;
  if (levels !== undefined && (!Array.isArray(levels) || levels.length !== n || !levels.every(isCount))) {
    throw new PackedShardError('malformed security levels');
  }
  let id = 0;
  let keyNumber = 0;
  let created = 0;
  let t = 0;
  let f = 0;
  for (let i = 0; i < n; i++) {
    const idStep = shard.id[i];
    const keyStep = shard.key[i];
    const createdStep = shard.created[i];
    const type = shard.type[i];
    const init = shard.init[i];
    const transitionCount = shard.tn[i];
    const flagCount = shard.fn[i];
    const resolvedStep = shard.resolved[i];
    if (!isInteger(idStep) || !isInteger(createdStep) || !isCount(type) || !isCount(init))
      throw new PackedShardError(`issue ${i} is malformed`);
    if (!isCount(transitionCount) || !isCount(flagCount) || t + transitionCount > shard.tAt.length || f + flagCount > shard.fAt.length) {
      throw new PackedShardError(`issue ${i} has too many changes`);
    }
    id += idStep;
    created += createdStep;
    let key: string;
    if (typeof keyStep === 'string') key = keyStep;
    else if (isInteger(keyStep)) {
      keyNumber += keyStep;
      key = `${keyPrefix}-${keyNumber}`;
    } else throw new PackedShardError(`issue ${i} has no key`);
    const transitions: Array<{ at: number; status: number }> = [];
    let last = created;
    for (let j = 0; j < transitionCount; j++, t++) {
      const step = shard.tAt[t];
      const status = shard.tTo[t];
      if (!isCount(step) || !isCount(status)) throw new PackedShardError(`issue ${i} has a malformed transition`);
      last += step;
      transitions.push({ at: last, status });
    }
    const flags: Array<{ at: number; on: boolean }> = [];
    let lastFlag = created;
    for (let j = 0; j < flagCount; j++, f++) {
      const step = shard.fAt[f];
      if (!isCount(step)) throw new PackedShardError(`issue ${i} has a malformed flag change`);
      lastFlag += step;
      flags.push({ at: lastFlag, on: shard.fOn[f] === 1 });
    }
    if (resolvedStep !== null && !isInteger(resolvedStep)) throw new PackedShardError(`issue ${i} has a malformed resolution`);
    const securityLevel = levels?.[i] ?? 0;
    visit({
      id,
      key,
      type,
      created,
      resolved: resolvedStep === null ? null : last + resolvedStep,
      initialStatus: init,
      transitions,
      flags,
      ...(securityLevel > 0 ? { securityLevel } : {}),
    });
  }
  if (t !== shard.tAt.length || f !== shard.fAt.length) throw new PackedShardError('changes left over after the last issue');
}
