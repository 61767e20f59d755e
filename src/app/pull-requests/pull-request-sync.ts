import type {
  Clock,
  GitHubPullRequests,
  ProjectDirectory,
  PullRequestReading,
  PullRequestStore,
  RepositorySyncState,
  SecretVault,
  StoredDocument,
  WorkBudget,
} from '../../ports';
import type { AuditLog } from '../../ports';
import type { GitHubConnectionRecord } from '../connections/github-connection';
import { readRetentionDays, type RetentionSettings } from '../privacy/retention-window';
import { ServiceRefusal } from '../access/service-refusal';
import { UnreadableSecretError } from '../connections/unreadable-secret';
import { MS_PER_DAY } from '../../domain';

/**
 * One watched repository's pull requests, read into storage in passes, most recently updated first:
 * - the first pass (backfill) reads back to the retention window's start;
 * - later passes (incremental) read only what was updated since the last finished pass's newest update (the
 *   watermark), usually one request.
 * A pass saves its cursor after each stored page, so a job that runs out of time, is rate limited or crashes
 * resumes where it stopped; a page read twice is stored twice, harmlessly.
 *
 * GitHub's limits are honoured, not fought: a page whose answer says few points are left, or a refusal
 * with a reset time or `retry-after`, makes the repository wait until then. A token GitHub no longer accepts
 * stops the sync (state `stopped`, one audit entry, the GitHub connection's check marked failed) until an
 * admin replaces it; the cursor is kept, so nothing read is lost and the pass resumes.
 */
export interface PullRequestSyncPorts {
  github: GitHubPullRequests;
  vault: SecretVault;
  connection: StoredDocument<GitHubConnectionRecord>;
  store: PullRequestStore;
  /** The site's projects, read as the app: only their keys count as issue keys. */
  projects: ProjectDirectory;
  retention: StoredDocument<RetentionSettings>;
  /** Extra generated-file patterns an admin listed (gitattributes syntax). */
  generatedPaths: StoredDocument<{ patterns: string[] }>;
  auditLog: AuditLog;
  clock: Clock;
  budget: WorkBudget;
}

export interface PullRequestSyncTuning {
  /** Stop starting pages when less than this much time is left. */
  reserveMs: number;
  /** Wait for the budget's reset when fewer points than this are left after a page. */
  reservePoints: number;
  /** Hand over to another job after this many requests: Forge allows an invocation 100 outbound requests a minute. */
  maxRequestsPerJob: number;
}

const DEFAULT_PULL_REQUEST_SYNC_TUNING: PullRequestSyncTuning = { reserveMs: 10_000, reservePoints: 100, maxRequestsPerJob: 80 };

export type RepositorySyncOutcome =
  | { kind: 'done'; pages: number; requests: number; cost: number; stored: number }
  /** More to read: continue in another job after `delaySeconds`. */
  | { kind: 'continue'; delaySeconds: number; pages: number; requests: number; cost: number; stored: number }
  | { kind: 'stopped'; reason: 'not-watched' | 'unauthorized' | 'no-token' | 'not-found' }
  | { kind: 'failed'; detail: string };

/** Who the audit log names for what the app did on its own: not an Atlassian account, never indexed as one. */
export const APP_ACTOR = 'flow-metrics-app';

const STOPPED_PROBLEM =
  'GitHub no longer accepts the stored token (it expired or was revoked): pull requests are not read until it is replaced.';

function freshState(): RepositorySyncState {
  return {
    format: 1,
    watermark: null,
    pass: null,
    status: 'never',
    stoppedFor: null,
    failure: null,
    resumeAt: null,
    lastRunAt: null,
    lastCompletedAt: null,
  };
}

export async function syncRepositoryPullRequests(
  ports: PullRequestSyncPorts,
  repository: string,
  tuning: PullRequestSyncTuning = DEFAULT_PULL_REQUEST_SYNC_TUNING,
): Promise<RepositorySyncOutcome> {
  const record = await ports.connection.read();
  if (!record || !record.repositories.some((r) => r.visible && r.fullName.toLowerCase() === repository.toLowerCase())) {
    return { kind: 'stopped', reason: 'not-watched' };
  }
  const now = ports.clock.now();
  let state = (await ports.store.readState(repository)) ?? freshState();
  if (state.status === 'stopped' && state.stoppedFor === record.connectedAt) return { kind: 'stopped', reason: 'unauthorized' };
  if (state.resumeAt !== null && state.resumeAt > now.getTime()) {
    return {
      kind: 'continue',
      delaySeconds: Math.ceil((state.resumeAt - now.getTime()) / 1000),
      pages: 0,
      requests: 0,
      cost: 0,
      stored: 0,
    };
  }

  let token: string | null;
  try {
    token = await ports.vault.open('github-token');
  } catch (error) {
    if (error instanceof UnreadableSecretError) return { kind: 'stopped', reason: 'no-token' };
    throw error;
  }
  if (token === null) return { kind: 'stopped', reason: 'no-token' };

  const retentionStart = now.getTime() - (await readRetentionDays(ports.retention)) * MS_PER_DAY;
  const reading = await pullRequestReading(ports);
  const tally = { pages: 0, requests: 0, cost: 0, stored: 0 };
  state = { ...state, lastRunAt: now.toISOString(), status: state.status === 'stopped' ? 'ok' : state.status, stoppedFor: null };
  const pass =
    state.pass ??
    (state.watermark === null
      ? { kind: 'backfill' as const, cursor: null, newest: null, stopBefore: retentionStart, pages: 0 }
      : { kind: 'incremental' as const, cursor: null, newest: null, stopBefore: state.watermark, pages: 0 });
  state.pass = pass;

  try {
    while (ports.budget.remainingMs() > tuning.reserveMs && tally.requests < tuning.maxRequestsPerJob) {
      const page = await ports.github.page(token, repository, pass.cursor, reading);
      if (page === null) {
        await ports.store.writeState(repository, { ...state, pass: null, status: 'not-found' });
        return { kind: 'stopped', reason: 'not-found' };
      }
      tally.pages += 1;
      tally.requests += page.requests;
      tally.cost += page.cost;
      pass.newest ??= page.pulls[0]?.updatedAt ?? null;
      const wanted = page.pulls.filter((pull) => pull.updatedAt >= pass.stopBefore);
      await ports.store.upsert(repository, wanted, retentionStart);
      tally.stored += wanted.length;
      pass.cursor = page.nextCursor;
      pass.pages += 1;
      state.gitattributesReadable = page.gitattributesReadable ?? true;
      // GitHub answered: whatever failed before is over.
      if (state.status === 'failing') state = { ...state, status: state.watermark === null ? 'never' : 'ok', failure: null };
      const finished = page.nextCursor === null || wanted.length < page.pulls.length;
      const low = page.remaining !== null && page.remaining < tuning.reservePoints && page.resetAt !== null;
      if (finished) {
        state = {
          ...state,
          watermark: pass.newest ?? state.watermark ?? retentionStart,
          pass: null,
          status: 'ok',
          failure: null,
          resumeAt: low ? page.resetAt : null,
          lastCompletedAt: ports.clock.now().toISOString(),
        };
        await ports.store.writeState(repository, state);
        return { kind: 'done', ...tally };
      }
      if (low) {
        state = { ...state, status: 'rate-limited', resumeAt: page.resetAt };
        await ports.store.writeState(repository, state);
        return { kind: 'continue', delaySeconds: Math.max(1, Math.ceil((page.resetAt! - ports.clock.now().getTime()) / 1000)), ...tally };
      }
      await ports.store.writeState(repository, state);
    }
    return { kind: 'continue', delaySeconds: 0, ...tally };
  } catch (error) {
    if (!(error instanceof ServiceRefusal)) throw error;
    if (error.reason === 'unauthorized') {
      await ports.store.writeState(repository, { ...state, status: 'stopped', stoppedFor: record.connectedAt });
      await stopForRefusedToken(ports, record, repository);
      return { kind: 'stopped', reason: 'unauthorized' };
    }
    if (error.reason === 'rate-limited') {
      const resumeAt = error.retryAt ?? ports.clock.now().getTime() + 60_000;
      await ports.store.writeState(repository, { ...state, status: 'rate-limited', resumeAt });
      return { kind: 'continue', delaySeconds: Math.max(1, Math.ceil((resumeAt - ports.clock.now().getTime()) / 1000)), ...tally };
    }
    await recordFailure(ports, repository, state, error);
    return { kind: 'failed', detail: error.detail ?? error.reason };
  }
}

/**
 * GitHub failed for a reason other than a rate limit or a refused token (a missing permission, single sign-on
 * not authorized, a server error): the state says why and since when, keeping the cursor so the next run goes on
 * from there, and the audit log says so once, when the repository starts failing, not on every run.
 */
async function recordFailure(ports: PullRequestSyncPorts, repository: string, state: RepositorySyncState, refusal: ServiceRefusal) {
  const at = ports.clock.now().toISOString();
  const reason = failureInPlainWords(refusal.detail);
  const alreadyFailing = state.status === 'failing' && state.failure;
  const since = alreadyFailing ? state.failure!.since : at;
  await ports.store.writeState(repository, { ...state, status: 'failing', failure: { reason, since } });
  if (alreadyFailing) return;
  await ports.auditLog.append({
    id: crypto.randomUUID(),
    at,
    actorAccountId: APP_ACTOR,
    action: 'github.sync-failing',
    subject: repository,
    details: { reason: refusal.detail ?? refusal.reason },
  });
}

/** What a failed GitHub answer (`HTTP 403`, `GraphQL FORBIDDEN`, …) means for an admin, in a sentence. */
function failureInPlainWords(detail: string | null): string {
  if (detail === 'HTTP 403' || detail === 'GraphQL FORBIDDEN') {
    return (
      `GitHub refused to show this repository's pull requests (${detail}): the token may lack the read-only Pull requests ` +
      'permission, or the organisation requires single sign-on (SAML) and the token is not authorized for it.'
    );
  }
  if (detail !== null && /^HTTP 5\d\d$/.test(detail)) return `GitHub had a server error (${detail}).`;
  return `GitHub could not answer${detail ? ` (${detail})` : ''}.`;
}

/** How pull requests are read now: the site's project keys, and the generated-file patterns the admin listed. */
export async function pullRequestReading(ports: Pick<PullRequestSyncPorts, 'projects' | 'generatedPaths'>): Promise<PullRequestReading> {
  const knownProjects = new Set((await ports.projects.listProjects()).map((project) => project.key.toUpperCase()));
  return { knownProjects, generatedPaths: (await ports.generatedPaths.read())?.patterns ?? [] };
}

/** Once per refused token: the connection shows the problem, and the audit log says when the reading stopped. */
async function stopForRefusedToken(ports: PullRequestSyncPorts, record: GitHubConnectionRecord, repository: string): Promise<void> {
  const current = await ports.connection.read();
  if (!current || current.connectedAt !== record.connectedAt) return;
  if (current.lastCheck.outcome === 'failed' && current.lastCheck.problem === STOPPED_PROBLEM) return;
  const at = ports.clock.now().toISOString();
  await ports.connection.write({ ...current, lastCheck: { at, outcome: 'failed', problem: STOPPED_PROBLEM } });
  await ports.auditLog.append({
    id: crypto.randomUUID(),
    at,
    actorAccountId: APP_ACTOR,
    action: 'github.sync-stopped',
    subject: repository,
    details: { reason: 'token-refused' },
  });
}
