import { enqueueSyncJobs } from '../adapters/forge-queue/sync-queue';
import { isProjectKey } from '../app/project-key';
import { logJob } from '../app/job-log';
import { licenceFromContext } from './installation-licence-context';
import { queueSlackAlerts } from './slack-alerts';
import { appAdapters } from './composition-root';

/**
 * Scheduled trigger `incremental-sync`: one queue job per measured project, so each project's sync gets a
 * consumer's full time budget and one slow project cannot starve the others.
 * Then queues the Slack alerts, to run once those syncs have had time to finish (see slack-alerts.ts).
 * Runs may be duplicated by the platform; the sync job itself is idempotent, and so are the alerts. While the site's licence is
 * inactive nothing is queued (see src/app/access/installation-licence.ts).
 */
export async function scheduledSync(_request?: unknown, context?: unknown): Promise<{ queued: number }> {
  if (!licenceFromContext(context).active) {
    logJob('incremental-sync', 'licence inactive: no project queued');
    return { queued: 0 };
  }
  const adapters = appAdapters();
  const erasure = await adapters.erasures.current();
  const projectKeys = (await adapters.measured.list()).filter(isProjectKey);
  await enqueueSyncJobs(projectKeys.map((projectKey) => ({ projectKey, reason: 'scheduled' as const, erasure })));
  // The Slack alerts ride on this trigger (Forge allows five scheduled triggers, and all five are taken).
  if (projectKeys.length > 0) await queueSlackAlerts();
  logJob('incremental-sync', `queued ${projectKeys.length} project(s)`);
  return { queued: projectKeys.length };
}
