import { Queue } from '@forge/events';
import { MAX_QUEUE_DELAY_SECONDS } from './github-sync-queue';

/** The queue named in manifest.yml's `slack-alerts-consumer`; its worker is `slack-alerts-worker`. */
export const SLACK_ALERT_QUEUE_KEY = 'slack-alert-jobs';

export interface SlackAlertJob extends Record<string, unknown> {
  /** The measured project to start from (they are taken in key order); null for the first. */
  fromProject: string | null;
}

/** One job, delivered after `delayInSeconds` (Forge's range is 0 to 900; a longer wait waits 900). */
export async function enqueueSlackAlerts(job: SlackAlertJob, delayInSeconds: number): Promise<void> {
  const delay = Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(0, Math.round(delayInSeconds)));
  await new Queue({ key: SLACK_ALERT_QUEUE_KEY }).push(delay > 0 ? { body: job, delayInSeconds: delay } : { body: job });
}
