import type { AsyncEvent } from '@forge/events';
import { z } from 'zod';
import { enqueueGitHubSyncJobs, MAX_QUEUE_DELAY_SECONDS } from '../adapters/forge-queue/github-sync-queue';
import { logJob } from '../app/job-log';
import { syncRepositoryPullRequests, type PullRequestSyncPorts } from '../app/pull-requests/pull-request-sync';
import { appAdapters } from './composition-root';
import { licenceFromContext } from './installation-licence-context';

const REPOSITORY_NAME = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const githubSyncJob = z.object({ repository: z.string().regex(REPOSITORY_NAME) }).strict();

function pullRequestSyncPorts(): PullRequestSyncPorts {
  const adapters = appAdapters();
  return {
    github: adapters.githubPullRequests,
    vault: adapters.vault,
    connection: adapters.githubConnection,
    store: adapters.pullRequests,
    projects: adapters.projectsAsApp,
    retention: adapters.retention,
    generatedPaths: adapters.generatedPaths,
    auditLog: adapters.auditLog,
    clock: adapters.clock,
    budget: adapters.budget,
  };
}

/**
 * Scheduled trigger `hourly-github-sync`: one queue job per watched repository the token can see. The first
 * job of a repository backfills the retention window (continuing itself on the queue); later ones read what
 * changed since. Duplicate runs only read a page twice. While the site's licence is inactive nothing is queued
 * (see src/app/access/installation-licence.ts); the first run after it is renewed carries on from each watermark.
 */
export async function githubSync(_request?: unknown, context?: unknown): Promise<{ queued: number }> {
  if (!licenceFromContext(context).active) {
    logJob('github-sync', 'licence inactive: no repository queued');
    return { queued: 0 };
  }
  const record = await appAdapters().githubConnection.read();
  const repositories = (record?.repositories ?? []).filter((repository) => repository.visible).map((repository) => repository.fullName);
  await enqueueGitHubSyncJobs(repositories.map((repository) => ({ repository })));
  logJob('github-sync', `queued ${repositories.length} repository job(s)`);
  return { queued: repositories.length };
}

/**
 * Consumer of `github-sync-jobs`: reads one repository's pull requests until done or out of time, and queues
 * its own continuation (after a rate limit's wait, when that is within the queue's 15 minutes; a longer wait
 * is left to the next hourly run). A job queued before the licence lapsed is dropped without asking GitHub
 * anything; the hourly run queues the repository again once the licence is renewed.
 */
export async function githubSyncWorker(event: AsyncEvent, context?: unknown): Promise<void> {
  const job = githubSyncJob.safeParse(event.body);
  if (!job.success) {
    logJob('github-sync', 'dropped a malformed job');
    return;
  }
  const { repository } = job.data;
  if (!licenceFromContext(context).active) {
    logJob('github-sync', `${repository}: skipped, licence inactive`);
    return;
  }
  const outcome = await syncRepositoryPullRequests(pullRequestSyncPorts(), repository);
  logJob('github-sync', `${repository}: ${outcome.kind}${outcome.kind === 'stopped' ? ` (${outcome.reason})` : ''}`);
  if (outcome.kind === 'continue' && outcome.delaySeconds <= MAX_QUEUE_DELAY_SECONDS) {
    await enqueueGitHubSyncJobs([{ repository }], outcome.delaySeconds);
  }
}
