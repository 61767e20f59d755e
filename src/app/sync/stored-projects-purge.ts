import type { MeasuredProjects, StoredProjects, UnmeasuredProjects, WorkBudget } from '../../ports';
import { isProjectKey } from '../project-key';
import { dropExpiredIssues, purgeExpiredHistory, PURGE_LOCK_SECONDS, type PurgePorts } from './expired-history-purge';
import { retentionCutoff } from './retention-rule';

/**
 * The retention purge of every project the app keeps anything for, measured or not. The projects are found
 * in storage, not in the measured list: an admin who stops measuring a project does not stop its clock.
 *
 * A measured project loses the issues done before the window; its open issues stay, since the sync keeps
 * them current. A project no longer measured is refreshed by nothing from the moment it was unmeasured, so
 * that moment dates everything in it that carries no date of its own: its open issues (as they stood then),
 * its sync state and cursors, its workflow. Hence:
 * - issues done before the window are dropped, as for any project;
 * - once the project has been unmeasured for longer than the window, nothing in it is inside the window any
 *   more, and every one of its values goes;
 * - so do they as soon as its history is left with no issue (every one was done before the window): what
 *   remains only served that history.
 * A project never synced (e.g. a workflow saved before measuring it) has no history, and is kept until its
 * clock runs out. Projects unmeasured before the app recorded the time (or never measured) start their
 * clock at the first purge that finds them.
 */
export interface StoredProjectsPurgePorts extends PurgePorts {
  measured: MeasuredProjects;
  storedProjects: StoredProjects;
  unmeasured: UnmeasuredProjects;
}

export interface StoredProjectsPurged {
  removedIssues: number;
  /** Projects no longer measured whose every value was deleted. */
  erasedProjects: string[];
  /** Projects a sync held: tomorrow's run purges them. */
  skippedProjects: string[];
  /** Where the run stopped when its time ran short (the next project to purge); null when every one was. */
  nextProject: string | null;
}

/**
 * A run that must stop before its invocation does: from which project it starts, and the time left. One
 * project's purge holds its lock for at most PURGE_LOCK_SECONDS, but takes seconds in practice; the reserve
 * leaves room for it and for handing the rest over.
 */
export interface PurgeSlice {
  from: string | null;
  budget: WorkBudget;
}

/** Time left below which no further project is started in this invocation. */
export const PURGE_RESERVE_MS = 20_000;

export async function purgeStoredProjects(
  ports: StoredProjectsPurgePorts,
  retentionDays: number,
  holder: string,
  slice: PurgeSlice = { from: null, budget: { remainingMs: () => Number.POSITIVE_INFINITY } },
): Promise<StoredProjectsPurged> {
  const measured = new Set((await ports.measured.list()).filter(isProjectKey));
  // Sorted, so a run handed over resumes where it stopped: the keys from `from` on.
  const projectKeys = [...new Set([...measured, ...(await ports.storedProjects.list())])]
    .sort()
    .filter((key) => slice.from === null || key >= slice.from);
  const purged: StoredProjectsPurged = { removedIssues: 0, erasedProjects: [], skippedProjects: [], nextProject: null };
  for (const [index, projectKey] of projectKeys.entries()) {
    // Each slice purges at least one project, so a run always gets somewhere.
    if (index > 0 && slice.budget.remainingMs() < PURGE_RESERVE_MS) {
      purged.nextProject = projectKey;
      break;
    }
    const outcome = measured.has(projectKey)
      ? await purgeExpiredHistory(ports, projectKey, retentionDays, holder)
      : await purgeUnmeasuredProject(ports, projectKey, retentionDays, holder);
    if (outcome.kind === 'busy') purged.skippedProjects.push(projectKey);
    if (outcome.kind === 'purged' || outcome.kind === 'erased') purged.removedIssues += outcome.removedIssues;
    if (outcome.kind === 'erased') purged.erasedProjects.push(projectKey);
  }
  return purged;
}

type UnmeasuredOutcome = { kind: 'purged' | 'erased'; removedIssues: number } | { kind: 'busy' };

async function purgeUnmeasuredProject(
  ports: StoredProjectsPurgePorts,
  projectKey: string,
  retentionDays: number,
  holder: string,
): Promise<UnmeasuredOutcome> {
  const now = ports.clock.now();
  const cutoff = retentionCutoff(now, retentionDays);
  let since = await ports.unmeasured.since(projectKey);
  if (since === null) {
    since = now.toISOString();
    await ports.unmeasured.record(projectKey, since);
  }
  if (!(await ports.locks.acquire(projectKey, holder, PURGE_LOCK_SECONDS))) return { kind: 'busy' };
  try {
    const dropped = await dropExpiredIssues(ports, projectKey, cutoff);
    const removedIssues = dropped.kind === 'purged' ? dropped.removedIssues : 0;
    const keptIssues = dropped.kind === 'purged' ? dropped.keptIssues : null;
    const outOfWindow = Date.parse(since) < cutoff || keptIssues === 0;
    // An admin may have measured it again since the list was read: then its data is theirs to keep.
    if (!outOfWindow || (await ports.measured.list()).includes(projectKey)) return { kind: 'purged', removedIssues };
    await ports.storedProjects.erase(projectKey);
    return { kind: 'erased', removedIssues: removedIssues + (keptIssues ?? 0) };
  } finally {
    await ports.locks.release(projectKey, holder);
  }
}
