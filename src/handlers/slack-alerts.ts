import { channelHistory } from '../app/access/channel-history';
import type { AsyncEvent } from '@forge/events';
import { z } from 'zod';
import { enqueueSlackAlerts } from '../adapters/forge-queue/slack-alert-queue';
import { logJob } from '../app/job-log';
import { isProjectKey } from '../app/project-key';
import { pullRequestsLinkedTo, repositoriesNotCurrent } from '../app/pull-requests/project-pull-requests';
import { runSlackAlerts, type SlackAlertRunOutcome, type SlackAlertRunPorts } from '../app/slack-alerts/slack-alert-run';
import { licenceFromContext } from './installation-licence-context';
import { appAdapters } from './composition-root';

/** The alerts run this long after the hourly sync queued its project jobs, so they read what those synced. */
const ALERTS_AFTER_SYNC_SECONDS = 600;

const slackAlertJob = z.object({ fromProject: z.string().refine(isProjectKey).nullable() }).strict();

function slackAlertPorts(): SlackAlertRunPorts {
  const adapters = appAdapters();
  return {
    slack: adapters.slack,
    vault: adapters.vault,
    connection: adapters.slackConnection,
    measured: adapters.measured,
    histories: { live: (projectKey) => channelHistory(adapters.history, projectKey) },
    flowConfigs: adapters.flowConfigs,
    alertSettings: adapters.alertSettings,
    alertState: adapters.alertState,
    alertRunClaim: adapters.alertRunClaim,
    pullRequests: {
      async linkedTo(projectKey) {
        const record = await adapters.githubConnection.read();
        return record ? pullRequestsLinkedTo(adapters.pullRequests, record, projectKey) : [];
      },
      async notCurrent() {
        const record = await adapters.githubConnection.read();
        return record ? repositoriesNotCurrent(adapters.pullRequests, record) : new Set<string>();
      },
    },
    site: adapters.site,
    lastRun: adapters.lastSlackAlertRun,
    pause: adapters.pause,
    clock: adapters.clock,
  };
}

/** Counts and project keys only. */
function describe(outcome: SlackAlertRunOutcome): string {
  const posted = outcome.posted.length > 0 ? `posted for ${outcome.posted.join(', ')}` : 'nothing posted';
  const unconfirmed = outcome.unconfirmed.length > 0 ? `; taken as delivered, unconfirmed: ${outcome.unconfirmed.join(', ')}` : '';
  if (outcome.kind === 'continue') return `${posted}${unconfirmed}; continuing from ${outcome.fromProject} in ${outcome.delaySeconds} s`;
  return `${posted}${unconfirmed}${outcome.problem ? `: ${outcome.problem}` : ''}`;
}

/** Queued by the hourly sync (see scheduled-sync.ts): the scheduled triggers are all taken, Forge allows five. */
export async function queueSlackAlerts(): Promise<void> {
  // No channel, no alert: a site without Slack is not sent a job an hour to learn that.
  if (!(await appAdapters().slackConnection.read())) return;
  await enqueueSlackAlerts({ fromProject: null }, ALERTS_AFTER_SYNC_SECONDS);
}

/**
 * Consumer of `slack-alert-jobs`: one run of the alerts (src/app/slack-alerts/slack-alert-run.ts) from the job's
 * project on. A run Slack rate limited, or that used its time, continues as a new job from where it stopped.
 * Nothing is posted while the licence is inactive, as with the digest.
 */
export async function slackAlertsWorker(event: AsyncEvent, context?: unknown): Promise<SlackAlertRunOutcome | null> {
  if (!licenceFromContext(context).active) {
    logJob('slack-alerts', 'licence inactive: no alert posted');
    return null;
  }
  const job = slackAlertJob.safeParse(event.body);
  if (!job.success) {
    logJob('slack-alerts', 'dropped a malformed job');
    return null;
  }
  const outcome = await runSlackAlerts(slackAlertPorts(), job.data.fromProject);
  logJob('slack-alerts', describe(outcome));
  if (outcome.kind === 'continue') await enqueueSlackAlerts({ fromProject: outcome.fromProject }, outcome.delaySeconds);
  return outcome;
}
