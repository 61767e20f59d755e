import {
  facetsOfJiraIssue,
  JiraHistoryBuilder,
  type CompactStatus,
  type JiraChangeHistory,
  type JiraIssue,
  type JiraStatus,
} from '../../domain';
import type { HistoryDictionaries, StoredIssue } from '../../shared/packed-history';
import { updateTimeOf } from './issue-update-time';

/**
 * Turns what Jira answered for a batch of issues (their fields, and their complete status and Flagged
 * change histories) into stored issues whose numbers index the project's dictionaries.
 *
 * The reading itself is the engine's (`JiraHistoryBuilder`); this only maps the batch's own status and type
 * numbers onto the project's, appending statuses and types seen for the first time. Appending (never
 * reordering) keeps every stored shard valid when the dictionaries grow.
 */
export interface IssueBatch {
  issues: readonly JiraIssue[];
  changelogs: ReadonlyMap<string, readonly JiraChangeHistory[]>;
}

export interface ConvertedBatch {
  issues: StoredIssue[];
  dictionaries: HistoryDictionaries;
  /** Jira's newest `updated` among the batch's issues, or null. */
  newestUpdate: number | null;
  /** True when a status used by the stored history has no known category yet (ask for the catalogue). */
  uncategorised: boolean;
}

const ISSUE_ID = /^[0-9]{1,15}$/;

export function storedIssuesFromJira(
  batch: IssueBatch,
  dictionaries: HistoryDictionaries,
  options: { flaggedFieldIds: readonly string[]; catalogue?: readonly JiraStatus[] },
): ConvertedBatch {
  const builder = new JiraHistoryBuilder({
    // The project's own names first, then the site's catalogue, whose names are current.
    statuses: [...dictionaries.statuses.map(asJiraStatus), ...(options.catalogue ?? [])],
    flaggedFieldIds: options.flaggedFieldIds,
  });
  const ordered = [...batch.issues].sort((a, b) => Number(a.id) - Number(b.id));
  let newestUpdate: number | null = null;
  const facetsById = new Map(ordered.map((issue) => [issue.id, facetsOfJiraIssue(issue.fields)]));
  for (const issue of ordered) {
    if (typeof issue.id !== 'string' || !ISSUE_ID.test(issue.id)) throw new Error('Jira answered an issue without a numeric id.');
    builder.addChangelogIssue(issue, [...(batch.changelogs.get(issue.id) ?? [])]);
    const updated = updateTimeOf(issue);
    if (updated !== null && (newestUpdate === null || updated > newestUpdate)) newestUpdate = updated;
  }
  const history = builder.build();
  const levelOf = new Map(ordered.map((issue) => [issue.id, securityLevelOf(issue)]));

  const statuses: CompactStatus[] = dictionaries.statuses.map((status) => ({ ...status }));
  const issueTypes = [...dictionaries.issueTypes];
  const statusMap = new Map<number, number>();
  const catalogueIds = new Set((options.catalogue ?? []).map((status) => status.id).filter((id): id is string => typeof id === 'string'));
  const mapStatus = (index: number): number => {
    const known = statusMap.get(index);
    if (known !== undefined) return known;
    const status = history.statuses[index]!;
    let target = statuses.findIndex((candidate) =>
      status.id !== null ? candidate.id === status.id : candidate.id === null && candidate.name === status.name,
    );
    if (target < 0) {
      target = statuses.length;
      statuses.push({ ...status });
    } else {
      const entry = statuses[target]!;
      // The catalogue is authoritative for names and categories; otherwise only fill in what was missing.
      if (status.id !== null && catalogueIds.has(status.id)) statuses[target] = { ...status };
      else if (entry.category === null && status.category !== null) statuses[target] = { ...entry, category: status.category };
    }
    statusMap.set(index, target);
    return target;
  };
  const mapType = (index: number): number => {
    const name = history.issueTypes[index]!;
    const found = issueTypes.indexOf(name);
    if (found >= 0) return found;
    issueTypes.push(name);
    return issueTypes.length - 1;
  };

  const issues: StoredIssue[] = [];
  for (let i = 0; i < history.key.length; i++) {
    const transitions: Array<{ at: number; status: number }> = [];
    for (let j = history.transitionOffset[i]!; j < history.transitionOffset[i + 1]!; j++) {
      transitions.push({ at: history.transitionAt[j]!, status: mapStatus(history.transitionStatus[j]!) });
    }
    const flags: Array<{ at: number; on: boolean }> = [];
    for (let j = history.flagOffset[i]!; j < history.flagOffset[i + 1]!; j++) {
      flags.push({ at: history.flagAt[j]!, on: history.flagOn[j] === 1 });
    }
    const securityLevel = levelOf.get(history.issueId[i]!);
    issues.push({
      ...(securityLevel !== undefined ? { securityLevel } : {}),
      id: Number(history.issueId[i]),
      key: history.key[i]!,
      type: mapType(history.type[i]!),
      created: history.created[i]!,
      resolved: history.resolved[i]!,
      initialStatus: mapStatus(history.initialStatus[i]!),
      transitions,
      flags,
      facets: facetsById.get(history.issueId[i]!)!,
    });
  }
  const used = new Set(statusMap.values());
  return {
    issues,
    dictionaries: { keyPrefix: dictionaries.keyPrefix, statuses, issueTypes },
    newestUpdate,
    uncategorised: [...used].some((index) => statuses[index]!.category === null),
  };
}

/**
 * The id of the issue's security level (`fields.security.id`), or undefined when it has none.
 * @throws Error when Jira names a level by something other than a positive number: such an issue must not be
 * stored as if it were open to everyone.
 */
function securityLevelOf(issue: JiraIssue): number | undefined {
  const security = issue.fields.security;
  if (security === undefined || security === null) return undefined;
  const id = typeof security === 'object' ? security.id : undefined;
  const level = typeof id === 'number' ? id : typeof id === 'string' && /^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : NaN;
  if (!(Number.isSafeInteger(level) && level > 0))
    throw new Error(`Jira answered issue ${issue.id} with a security level that has no numeric id.`);
  return level;
}

/** Names and categories from the site's status catalogue, for statuses the history already knows. */
export function withCatalogue(dictionaries: HistoryDictionaries, catalogue: readonly JiraStatus[]): HistoryDictionaries {
  const byId = new Map(catalogue.filter((status) => typeof status.id === 'string').map((status) => [status.id!, status]));
  return {
    ...dictionaries,
    statuses: dictionaries.statuses.map((status) => {
      const current = status.id === null ? undefined : byId.get(status.id);
      if (!current) return status;
      const category = current.statusCategory?.key;
      return {
        id: status.id,
        name: current.name ?? status.name,
        category: category === 'new' || category === 'indeterminate' || category === 'done' ? category : status.category,
      };
    }),
  };
}

function asJiraStatus(status: CompactStatus): JiraStatus {
  return {
    ...(status.id !== null ? { id: status.id } : {}),
    name: status.name,
    ...(status.category !== null ? { statusCategory: { key: status.category } } : {}),
  };
}
