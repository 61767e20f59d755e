import { defaultWorkflow, parseFlowConfig, type CompactStatus, type Workflow } from '../domain';
import type { FlowConfigStore, HistoryEditLog, HistoryStore, MeasuredProjects, SyncCursorStore, SyncStateStore, UserPermissions } from '../ports';
import type { HistoryEdit, ProjectHistoryPart, ProjectViewData } from '../shared/resolver-contract';
import { AppError } from './app-error';
import { historyVersionOf } from './history-version';
import { issueCountOf } from './sync/history-manifest';
import { NEVER_SYNCED } from './sync-state';

/**
 * What the project page computes with: the stored compact history as it is stored (shards the browser
 * unpacks itself, so the resolver only reads), the workflow and the sync's progress.
 *
 * The calling user's permission to browse the project is asked of Jira, as that user, before anything is
 * read: someone who may not browse it learns nothing, not even whether it was ever synced. A project no longer
 * measured serves no history: what it left behind waits only for the retention purge or an erase.
 */
export interface ProjectViewPorts {
  userPermissions: UserPermissions;
  store: HistoryStore;
  syncStates: Pick<SyncStateStore, 'read'>;
  cursors: Pick<SyncCursorStore, 'read'>;
  flowConfigs: Pick<FlowConfigStore, 'read'>;
  measured: Pick<MeasuredProjects, 'list'>;
  edits: HistoryEditLog;
}

/** Shard text per answer: Forge refuses resolver answers over 5 MB, and the rest of the answer is small. */
const VIEW_ANSWER_BUDGET_CHARS = 4_500_000;

/** Shards read per round trip to storage. */
const SHARDS_PER_READ = 16;

/**
 * The project's view; with `since` (the version the browser holds), only the edits since then when they
 * are kept and fit one answer, so a returning reader costs the installation's storage quota a few units.
 */
export async function loadProjectView(ports: ProjectViewPorts, projectKey: string, fromShard = 0, since?: string): Promise<ProjectViewData> {
  await requireBrowsePermission(ports.userPermissions, projectKey);
  const [storedManifest, sync, cursor, flowConfig, measuredKeys] = await Promise.all([
    ports.store.readManifest(projectKey, 'live'),
    ports.syncStates.read(projectKey),
    ports.cursors.read(projectKey),
    ports.flowConfigs.read(projectKey),
    ports.measured.list(),
  ]);
  const measured = measuredKeys.includes(projectKey);
  const manifest = measured ? storedManifest : null;
  const statuses = manifest?.statuses ?? [];
  let history: ProjectHistoryPart | null = null;
  if (manifest) {
    if (fromShard > manifest.shards.length) throw new AppError('INVALID_INPUT', 'There is no such part of the history.');
    const version = historyVersionOf(manifest);
    const edits = since !== undefined && fromShard === 0 ? await editsSince(ports, projectKey, since, version) : null;
    const shards: string[] = [];
    let size = 0;
    let next = edits ? manifest.shards.length : fromShard;
    while (next < manifest.shards.length) {
      const refs = manifest.shards.slice(next, next + SHARDS_PER_READ).map((shard) => shard.ref);
      const texts = await ports.store.readEncodedShards(projectKey, refs);
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
      issueCount: issueCountOf(manifest),
      shardCount: manifest.shards.length,
      fromShard,
      shards,
      nextShard: next < manifest.shards.length ? next : null,
      version,
      basedOn: edits ? since! : null,
      edits: edits ?? [],
    };
  }
  // During a rebuild the live history is still the one this watermark belongs to.
  const watermark = manifest ? (cursor?.watermark ?? null) : null;
  return {
    projectKey,
    measured,
    sync: sync ?? NEVER_SYNCED,
    history,
    dataAsOf: watermark === null ? null : new Date(watermark).toISOString(),
    workflow: workflowFor(flowConfig, statuses),
    flowConfig,
  };
}

/** The edits from `since` to `current` when they are kept and fit an answer; otherwise null (send everything). */
async function editsSince(ports: ProjectViewPorts, projectKey: string, since: string, current: string): Promise<HistoryEdit[] | null> {
  if (since === current) return [];
  const edits = await ports.edits.editsSince(projectKey, since, current);
  if (!edits) return null;
  const size = edits.reduce((sum, edit) => sum + edit.upserts.length + 12 * edit.deletes.length, 0);
  return size <= VIEW_ANSWER_BUDGET_CHARS ? edits : null;
}

export async function requireBrowsePermission(userPermissions: UserPermissions, projectKey: string): Promise<void> {
  if (!(await userPermissions.canBrowseProject(projectKey))) {
    throw new AppError('FORBIDDEN', 'You do not have permission to browse this project.');
  }
}

/** The saved workflow when the saved configuration is valid and has one; otherwise Jira's categories. */
function workflowFor(document: unknown, statuses: readonly CompactStatus[]): Workflow {
  if (document !== null && document !== undefined) {
    try {
      const workflow = parseFlowConfig(document).workflow;
      if (workflow) return workflow;
    } catch {
      // An invalid saved configuration is the settings page's to report; the page falls back to defaults.
    }
  }
  return defaultWorkflow(statuses);
}
