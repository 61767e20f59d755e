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
import { IssueFacetsBuilder, type IssueFacetValues } from '../domain/issue-facets';

/**
 * Shard formats: 1 holds the status history (and the security levels); 2 adds each issue's facets
 * (resolution, labels, components, parent), and is what the sync writes. Both are read, so the purges can
 * still read a history stored before facets were kept; the project page serves none of such a history (its
 * manifest has an older format, see src/app/sync/history-manifest.ts) until the sync has rebuilt it.
 */
const SHARD_WITHOUT_FACETS = 1;
const SHARD_WITH_FACETS = 2;

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
  /** Absent when read from a shard written before facets were kept. */
  facets?: IssueFacetValues;
}

/** The dictionaries the numbers in every shard of one project refer to. */
export interface HistoryDictionaries {
  /** Keys `<keyPrefix>-<n>` are stored as numbers. */
  keyPrefix: string;
  statuses: readonly CompactStatus[];
  issueTypes: readonly string[];
}

export interface PackedShard {
  v: typeof SHARD_WITHOUT_FACETS | typeof SHARD_WITH_FACETS;
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
  /** Format 2: the resolution, label and component names the shard's issues use, once each. */
  names?: string[];
  /** Format 2: index into `names` of each issue's resolution, or -1. */
  res?: number[];
  /** Format 2: labels per issue, then each an index into `names`. */
  ln?: number[];
  lab?: number[];
  /** Format 2: components per issue, then each an index into `names`. */
  cn?: number[];
  cmp?: number[];
  /** Format 2: each issue's parent key, its number where it has the project's prefix; null for none. */
  par?: Array<number | string | null>;
}

export class PackedShardError extends Error {
  constructor(problem: string) {
    super(`Stored history shard is damaged: ${problem}`);
    this.name = 'PackedShardError';
  }
}

export function packShard(issues: readonly StoredIssue[], keyPrefix: string): PackedShard {
  const withFacets = issues.every((issue) => issue.facets !== undefined);
  const shard: PackedShard = {
    v: withFacets ? SHARD_WITH_FACETS : SHARD_WITHOUT_FACETS,
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
  if (withFacets)
    Object.assign(
      shard,
      packFacets(
        issues.map((issue) => issue.facets!),
        keyPattern,
      ),
    );
  return shard;
}

/** The facet columns of a format 2 shard. */
function packFacets(
  facets: readonly IssueFacetValues[],
  keyPattern: RegExp,
): Required<Pick<PackedShard, 'names' | 'res' | 'ln' | 'lab' | 'cn' | 'cmp' | 'par'>> {
  const names = new Map<string, number>();
  const name = (text: string) => {
    let index = names.get(text);
    if (index === undefined) names.set(text, (index = names.size));
    return index;
  };
  const columns = {
    res: [] as number[],
    ln: [] as number[],
    lab: [] as number[],
    cn: [] as number[],
    cmp: [] as number[],
    par: [] as Array<number | string | null>,
  };
  for (const issue of facets) {
    columns.res.push(issue.resolution === null ? -1 : name(issue.resolution));
    columns.ln.push(issue.labels.length);
    for (const label of issue.labels) columns.lab.push(name(label));
    columns.cn.push(issue.components.length);
    for (const component of issue.components) columns.cmp.push(name(component));
    const parentNumber = issue.parent === null ? null : keyPattern.exec(issue.parent);
    columns.par.push(parentNumber ? Number(parentNumber[1]) : issue.parent);
  }
  return { names: [...names.keys()], ...columns };
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
  // Facets are known for the whole history or not at all: one older shard makes them unknown.
  const facets = shards.every((shard) => shard.v === SHARD_WITH_FACETS) ? new IssueFacetsBuilder() : null;
  for (const shard of shards) {
    decodeShard(shard, dictionaries.keyPrefix, (issue) => {
      if (!(issue.type < typeCount) || !(issue.initialStatus < statusCount))
        throw new PackedShardError('an index is outside the dictionaries');
      for (const transition of issue.transitions) {
        if (!(transition.status < statusCount)) throw new PackedShardError('a status index is outside the dictionary');
      }
      appendIssue(columns, { ...issue, id: String(issue.id) });
      facets?.add(issue.facets!);
    });
  }
  return {
    format: COMPACT_HISTORY_FORMAT,
    statuses: dictionaries.statuses.map((status) => ({ ...status })),
    issueTypes: [...dictionaries.issueTypes],
    ...columns,
    ...(facets ? { facets: facets.build() } : {}),
  };
}

function keyNumberPattern(keyPrefix: string): RegExp {
  // Project keys are letters, digits and underscores: nothing to escape.
  return new RegExp(`^${keyPrefix}-([1-9][0-9]{0,14})$`);
}

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const isCount = (value: unknown): value is number => isInteger(value) && value >= 0;

function decodeShard(shard: PackedShard, keyPrefix: string, visit: (issue: StoredIssue) => void): void {
  if (typeof shard !== 'object' || shard === null || (shard.v !== SHARD_WITHOUT_FACETS && shard.v !== SHARD_WITH_FACETS)) {
    throw new PackedShardError('unknown format');
  }
  const facetsOf = shard.v === SHARD_WITH_FACETS ? facetReader(shard, keyPrefix) : null;
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
    const issue: StoredIssue = {
      id,
      key,
      type,
      created,
      resolved: resolvedStep === null ? null : last + resolvedStep,
      initialStatus: init,
      transitions,
      flags,
      ...(securityLevel > 0 ? { securityLevel } : {}),
    };
    if (facetsOf) issue.facets = facetsOf.next(i);
    visit(issue);
  }
  if (t !== shard.tAt.length || f !== shard.fAt.length) throw new PackedShardError('changes left over after the last issue');
  facetsOf?.finish();
}

/** Reads a format 2 shard's facets issue by issue, checking each index and count. */
function facetReader(shard: PackedShard, keyPrefix: string) {
  const { names, res, ln, lab, cn, cmp, par } = shard;
  const n = shard.id.length;
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) throw new PackedShardError('facet names are malformed');
  for (const column of [res, ln, cn, par])
    if (!Array.isArray(column) || column.length !== n) throw new PackedShardError('facet columns of different lengths');
  if (!Array.isArray(lab) || !Array.isArray(cmp)) throw new PackedShardError('facet columns are missing');
  const nameAt = (index: unknown): string => {
    if (!isCount(index) || index >= names.length) throw new PackedShardError('a facet name index is outside the names');
    return names[index]!;
  };
  let l = 0;
  let c = 0;
  const take = (count: unknown, values: unknown[], from: number): string[] => {
    if (!isCount(count) || from + count > values.length) throw new PackedShardError('an issue has too many labels or components');
    return values.slice(from, from + count).map(nameAt);
  };
  return {
    next(i: number): IssueFacetValues {
      const labels = take(ln![i], lab, l);
      l += labels.length;
      const components = take(cn![i], cmp, c);
      c += components.length;
      const parent = par![i];
      if (!(parent === null || typeof parent === 'string' || isCount(parent)))
        throw new PackedShardError(`issue ${i} has a malformed parent`);
      return {
        resolution: res![i] === -1 ? null : nameAt(res![i]),
        labels,
        components,
        parent: typeof parent === 'number' ? `${keyPrefix}-${parent}` : parent,
      };
    },
    finish() {
      if (l !== lab.length || c !== cmp.length) throw new PackedShardError('labels or components left over after the last issue');
    },
  };
}
