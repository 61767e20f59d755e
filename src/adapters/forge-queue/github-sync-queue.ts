import { Queue } from '@forge/events';
import type { PullRequestBackfills } from '../../app/connections/github-connection';

/** The queue named in manifest.yml's `github-sync-consumer`; its worker is `github-sync-worker`. */
const GITHUB_SYNC_QUEUE_KEY = 'github-sync-jobs';

export interface GitHubSyncJob extends Record<string, unknown> {
  repository: string;
}

/** Forge accepts at most 50 events per push, and delays of 0 to 900 seconds. */
const EVENTS_PER_PUSH = 50;
export const MAX_QUEUE_DELAY_SECONDS = 900;

export async function enqueueGitHubSyncJobs(jobs: readonly GitHubSyncJob[], delayInSeconds = 0): Promise<void> {
  const queue = new Queue({ key: GITHUB_SYNC_QUEUE_KEY });
  const delay = Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(0, Math.round(delayInSeconds)));
  for (let i = 0; i < jobs.length; i += EVENTS_PER_PUSH) {
    await queue.push(jobs.slice(i, i + EVENTS_PER_PUSH).map((body) => (delay > 0 ? { body, delayInSeconds: delay } : { body })));
  }
}

/** A repository connected or added: its first job (the backfill) goes on the queue at once. */
export class ForgePullRequestBackfills implements PullRequestBackfills {
  async queue(repositories: readonly string[]): Promise<void> {
    await enqueueGitHubSyncJobs(repositories.map((repository) => ({ repository })));
  }
}
