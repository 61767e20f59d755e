import type {
  Clock,
  FlowConfigStore,
  HistoryEditLog,
  HistoryManifest,
  HistoryStore,
  MeasuredProjects,
  OverviewSummaryStore,
  SecurityLevelVisibility,
  ShardRef,
  SyncCursorStore,
  SyncStateStore,
  UserPermissions,
} from '../../ports';
import type { HistoryEdit, ProjectHistoryPart, ProjectViewData, ProjectViewPayload } from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { historyVersionOf, viewerHistoryVersionOf } from './history-version';
import { hiddenIssuesIn, hiddenLevelsFor, keysShownTo, type HiddenLevels } from '../access/issue-security';
import { isSummaryServable } from './overview-summary';
import { HISTORY_STORAGE_FORMAT, issueCountOf, securityLevelsOfHistory } from '../sync/history-manifest';
import { NEVER_SYNCED, syncStateForPage } from '../sync/sync-state';
import { workflowFor } from './stored-workflow';

/**
 * What the project page computes with: the stored compact history as it is stored (shards the browser
 * unpacks itself, so the resolver only reads), the workflow and the sync's progress.
 *
 * The calling user's permission to browse the project is asked of Jira, as that user, before anything is
 * read: someone who may not browse it learns nothing, not even whether it was ever synced. A project no longer
 * measured serves no history: what it left behind waits only for the retention purge or an erase.
 *
 * Issue security: when the history holds issues with a security level, Jira is asked (as the viewer, see
 * `SecurityLevelVisibility`) which of those levels the viewer may see, and the issues of the others are left
 * out of the answer, shard by shard; the page computes every figure from what it is sent, so they are left
 * out of the figures too. Such an answer carries a version of its own (the history's and the hidden levels'),
 * so it is never taken for, or patched from, the history another viewer holds. A history stored before levels
 * were kept (an older storage format) is served to no one until the next sync has rebuilt it: it cannot say
 * which of its issues are secured.
 */
export interface ProjectViewPorts {
  userPermissions: UserPermissions;
  store: HistoryStore;
  syncStates: Pick<SyncStateStore, 'read'>;
  cursors: Pick<SyncCursorStore, 'read'>;
  flowConfigs: Pick<FlowConfigStore, 'read'>;
  measured: Pick<MeasuredProjects, 'list'>;
  edits: HistoryEditLog;
  /** Which security levels the viewer may see: asked only when the history holds secured issues. */
  securityLevels: SecurityLevelVisibility;
  summaries: Pick<OverviewSummaryStore, 'read'>;
  clock: Clock;
}

/** Shard text per answer: Forge refuses resolver answers over 5 MB, and the rest of the answer is small. */
const VIEW_ANSWER_BUDGET_CHARS = 4_500_000;

/** Shards read per round trip to storage. */
const SHARDS_PER_READ = 16;

/**
 * The project's view; with `since` (the version the browser holds), only the edits since then when they
 * are kept and fit one answer, so a returning reader costs the installation's storage quota a few units;
 * with `overviewFirst` (a browser that holds nothing), the Overview summary instead of the history when it
 * is servable (see overview-summary.ts), so a first open costs a few units too. With `historyUpTo` (a first
 * open that loads the history of a small project in a request of its own, beside the `overviewFirst` one), the
 * history only where that request is the one to bring it (see `withholdsHistory`). With `overviewOnly` beside
 * `overviewFirst`, never the history: the summary, or nothing (`historyWithheld`).
 */
export async function loadProjectView(
  ports: ProjectViewPorts,
  projectKey: string,
  request: ProjectViewPayload = {},
): Promise<ProjectViewData> {
  const { fromShard = 0, since, overviewFirst = false, historyUpTo, overviewOnly = false } = request;
  await requireBrowsePermission(ports.userPermissions, projectKey);
  const wantsOverview = overviewFirst && fromShard === 0 && since === undefined;
  const [storedManifest, sync, cursor, flowConfig, measuredKeys, summary] = await Promise.all([
    ports.store.readManifest(projectKey, 'live'),
    ports.syncStates.read(projectKey),
    ports.cursors.read(projectKey),
    ports.flowConfigs.read(projectKey),
    ports.measured.list(),
    wantsOverview ? ports.summaries.read(projectKey) : Promise.resolve(null),
  ]);
  const measured = measuredKeys.includes(projectKey);
  const manifest = measured && storedManifest?.format === HISTORY_STORAGE_FORMAT ? storedManifest : null;
  const statuses = manifest?.statuses ?? [];
  // During a rebuild the live history is still the one this watermark belongs to.
  const watermark = manifest ? (cursor?.watermark ?? null) : null;
  const common = {
    projectKey,
    measured,
    sync: syncStateForPage(sync ?? NEVER_SYNCED),
    dataAsOf: watermark === null ? null : new Date(watermark).toISOString(),
    workflow: workflowFor(flowConfig, statuses),
    flowConfig,
  };
  if (manifest && isSummaryServable(summary, manifest, flowConfig, ports.clock.now().getTime())) {
    const overview = {
      figures: summary.figures,
      cycleTime: summary.cycleTime,
      clampedFrom: summary.clampedFrom,
      dictionaries: { keyPrefix: manifest.keyPrefix, statuses: manifest.statuses, issueTypes: manifest.issueTypes },
      issueCount: issueCountOf(manifest),
      version: summary.historyVersion,
    };
    return { ...common, history: null, overview };
  }
  if (manifest && ((wantsOverview && overviewOnly) || withholdsHistory(issueCountOf(manifest), wantsOverview, historyUpTo)))
    return { ...common, history: null, historyWithheld: true };
  let history: ProjectHistoryPart | null = null;
  if (manifest) {
    if (fromShard > manifest.shards.length) throw new AppError('INVALID_INPUT', 'There is no such part of the history.');
    const hidden = await hiddenLevelsFor(manifest, ports.securityLevels, projectKey);
    const version = hidden.hidden.length === 0 ? historyVersionOf(manifest) : viewerHistoryVersionOf(manifest, hidden.hidden);
    const edits = since !== undefined && fromShard === 0 ? await editsSince(ports, projectKey, manifest, since, version, hidden) : null;
    const shards: string[] = [];
    let size = 0;
    let next = edits ? manifest.shards.length : fromShard;
    while (next < manifest.shards.length) {
      const texts = await readShardsFor(ports.store, projectKey, manifest, manifest.shards.slice(next, next + SHARDS_PER_READ), hidden);
      let taken = 0;
      for (const text of texts) {
        if (shards.length > 0 && size + text.length > VIEW_ANSWER_BUDGET_CHARS) break;
        shards.push(text);
        size += text.length;
        taken += 1;
      }
      next += taken;
      if (taken < texts.length) break;
    }
    history = {
      format: manifest.format,
      dictionaries: { keyPrefix: manifest.keyPrefix, statuses: manifest.statuses, issueTypes: manifest.issueTypes },
      issueCount: issueCountOf(manifest) - manifest.shards.reduce((sum, shard) => sum + hiddenIssuesIn(shard, hidden), 0),
      shardCount: manifest.shards.length,
      fromShard,
      shards,
      nextShard: next < manifest.shards.length ? next : null,
      version,
      basedOn: edits ? since! : null,
      edits: edits ?? [],
    };
  }
  return { ...common, history };
}

/**
 * Whether an answer leaves the history out because the page loads it apart (`historyUpTo`, the page's limit on
 * a history loaded before the reader asks): the history's own request brings it only up to that many issues,
 * and the `overviewFirst` request sent beside it then never does, so each first open reads the history at most
 * once. A request without `historyUpTo` is answered as always.
 */
function withholdsHistory(issueCount: number, wantsOverview: boolean, historyUpTo: number | undefined): boolean {
  if (historyUpTo === undefined) return false;
  const loadedApart = issueCount <= historyUpTo;
  return wantsOverview ? loadedApart : !loadedApart;
}

/**
 * The shards as stored, except that those holding issues the viewer may not see are sent without them. Each
 * keeps its place, so `fromShard` and `nextShard` count the same for every viewer.
 *
 * Facets are shown as the issues are: a shard holds the names only of its issues' resolutions, labels and
 * components, so leaving an issue out leaves out what it alone was filed under. A parent key is another
 * issue's, though: for a viewer who may not see some of the history, a visible item keeps its parent only
 * when that parent is an issue the history holds and shows them (a secured epic, or an issue elsewhere the
 * app cannot vouch for, is not named). Every shard is then rewritten, since any may name such a parent.
 */
async function readShardsFor(
  store: HistoryStore,
  projectKey: string,
  manifest: HistoryManifest,
  part: readonly ShardRef[],
  hidden: HiddenLevels,
): Promise<string[]> {
  if (hidden.hidden.length === 0)
    return store.readEncodedShards(
      projectKey,
      part.map((shard) => shard.ref),
    );
  const shownKeys = await keysShownTo(store, projectKey, manifest, hidden);
  return store.readEncodedShardsKeeping(
    projectKey,
    manifest.keyPrefix,
    part.map((shard) => shard.ref),
    (issue) => {
      if (!hidden.mayShow(issue.securityLevel)) return null;
      const parent = issue.facets?.parent ?? null;
      return parent === null || shownKeys.has(parent) ? issue : { ...issue, facets: { ...issue.facets!, parent: null } };
    },
  );
}

/**
 * The edits from `since` to `current` when they are kept and fit an answer; otherwise null (send everything).
 * The kept edits are of the whole history: a viewer who may not see some of it gets none of them, only "nothing
 * changed" when their own version is current. Nor does anyone get edits that carry a level the history no
 * longer holds (an issue secured, then deleted or moved away): Jira was not asked whether they may see it.
 */
async function editsSince(
  ports: ProjectViewPorts,
  projectKey: string,
  manifest: HistoryManifest,
  since: string,
  current: string,
  hidden: HiddenLevels,
): Promise<HistoryEdit[] | null> {
  if (since === current) return [];
  if (hidden.hidden.length > 0) return null;
  // The viewer sees every level the history holds now, and no other level has been asked about.
  const levelsNow = new Set(securityLevelsOfHistory(manifest));
  const edits = await ports.edits.editsSince(projectKey, since, current, (level) => levelsNow.has(level));
  if (!edits) return null;
  const size = edits.reduce((sum, edit) => sum + edit.upserts.length + 12 * edit.deletes.length, 0);
  return size <= VIEW_ANSWER_BUDGET_CHARS ? edits : null;
}

export async function requireBrowsePermission(userPermissions: UserPermissions, projectKey: string): Promise<void> {
  if (!(await userPermissions.canBrowseProject(projectKey))) {
    throw new AppError('FORBIDDEN', 'You do not have permission to browse this project.');
  }
}
