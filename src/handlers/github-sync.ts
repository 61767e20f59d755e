import type { AsyncEvent } from '@forge/events';
import { z } from 'zod';
import { systemClock } from '../adapters/clock/system-clock';
import { enqueueGitHubSyncJobs, MAX_QUEUE_DELAY_SECONDS } from '../adapters/forge-queue/github-sync-queue';
import { InvocationBudget } from '../adapters/forge-runtime/invocation-budget';
import { GitHubGraphqlPullRequests } from '../adapters/github/github-graphql-pull-requests';
import { JiraProjectDirectory } from '../adapters/jira/jira-projects';
import { jiraAsApp } from '../adapters/jira/jira-request';
import { KvsAuditLog } from '../adapters/kvs/kvs-audit-log';
import { KvsDocument } from '../adapters/kvs/kvs-document';
import { KvsPullRequestStore } from '../adapters/kvs/kvs-pull-request-store';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { KvsSecretVault } from '../adapters/secrets/kvs-secret-vault';
import type { GeneratedPathsRecord } from '../app/connections/generated-paths-settings';
import type { GitHubConnectionRecord } from '../app/connections/github-connection';
import { logJob } from '../app/job-log';
import { syncRepositoryPullRequests, type PullRequestSyncPorts } from '../app/pull-requests/pull-request-sync';
import type { RetentionSettings } from '../app/privacy/retention-window';

const REPOSITORY_NAME = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
const githubSyncJob = z.object({ repository: z.string().regex(REPOSITORY_NAME) }).strict();

const connection = () => new KvsDocument<GitHubConnectionRecord>(storageKeys.githubConnection);

function pullRequestSyncPorts(): PullRequestSyncPorts {
  return {
    github: new GitHubGraphqlPullRequests(),
    vault: new KvsSecretVault(),
    connection: connection(),
    store: new KvsPullRequestStore(),
    projects: new JiraProjectDirectory(jiraAsApp()),
    retention: new KvsDocument<RetentionSettings>(storageKeys.retentionSettings),
    generatedPaths: new KvsDocument<GeneratedPathsRecord>(storageKeys.githubGeneratedPaths),
    auditLog: new KvsAuditLog(),
    clock: systemClock,
    budget: new InvocationBudget(),
  };
}

/**
 * Scheduled trigger `hourly-github-sync`: one queue job per watched repository the token can see. The first
 * job of a repository backfills the retention window (continuing itself on the queue); later ones read what
 * changed since. Duplicate runs only read a page twice.
 */
export async function githubSync(): Promise<{ queued: number }> {
  const record = await connection().read();
  const repositories = (record?.repositories ?? []).filter((repository) => repository.visible).map((repository) => repository.fullName);
  await enqueueGitHubSyncJobs(repositories.map((repository) => ({ repository })));
  logJob('github-sync', `queued ${repositories.length} repository job(s)`);
  return { queued: repositories.length };
}

/**
 * Consumer of `github-sync-jobs`: reads one repository's pull requests until done or out of time, and queues
 * its own continuation (after a rate limit's wait, when that is within the queue's 15 minutes; a longer wait
 * is left to the next hourly run).
 */
export async function githubSyncWorker(event: AsyncEvent): Promise<void> {
  const job = githubSyncJob.safeParse(event.body);
  if (!job.success) {
    logJob('github-sync', 'dropped a malformed job');
    return;
  }
  const { repository } = job.data;
  const outcome = await syncRepositoryPullRequests(pullRequestSyncPorts(), repository);
  logJob('github-sync', `${repository}: ${outcome.kind}${outcome.kind === 'stopped' ? ` (${outcome.reason})` : ''}`);
  if (outcome.kind === 'continue' && outcome.delaySeconds <= MAX_QUEUE_DELAY_SECONDS) {
    await enqueueGitHubSyncJobs([{ repository }], outcome.delaySeconds);
  }
}
