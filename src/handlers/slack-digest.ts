import { systemClock } from '../adapters/clock/system-clock';
import { timerPause } from '../adapters/clock/timer-pause';
import { ForgeDigestScheduler } from '../adapters/forge-queue/forge-digest-scheduler';
import { forgeProjectPageUrl } from '../adapters/forge-runtime/forge-project-page-link';
import { InvocationBudget } from '../adapters/forge-runtime/invocation-budget';
import { JiraProjectDirectory } from '../adapters/jira/jira-projects';
import { jiraAsApp } from '../adapters/jira/jira-request';
import { KvsDocument } from '../adapters/kvs/kvs-document';
import { KvsExpiringMarker } from '../adapters/kvs/kvs-expiring-marker';
import { KvsFlowConfigStore } from '../adapters/kvs/kvs-flow-config-store';
import { KvsHistoryStore } from '../adapters/kvs/kvs-history-store';
import { KvsMeasuredProjects } from '../adapters/kvs/kvs-measured-projects';
import { storageKeys } from '../adapters/kvs/storage-keys';
import { KvsSecretVault } from '../adapters/secrets/kvs-secret-vault';
import { SlackWebWorkspace } from '../adapters/slack/slack-web-workspace';
import type { AuditTrailPorts } from '../app/audit/audit-trail';
import { logJob } from '../app/job-log';
import type { SlackConnectionRecord } from '../app/connections/slack-connection';
import { z } from 'zod';
import {
  continueFlowDigest,
  sendFlowDigest,
  type DigestContinuation,
  type SiteAddress,
  type SlackDigestPorts,
} from '../app/digest/slack-digest';
import { isProjectKey } from '../app/project-key';
import type { SlackDigestRequestPorts } from '../app/digest/slack-digest-request';
import type { SlackDigestOutcome } from '../shared/resolver-contract';
import { licenceFromContext } from './installation-licence-context';

/** The adapters the digest runs on, for the weekly trigger and for an admin's "send digest now". */
export function slackDigestPorts() {
  return {
    slack: new SlackWebWorkspace(),
    vault: new KvsSecretVault(),
    connection: new KvsDocument<SlackConnectionRecord>(storageKeys.slackConnection),
    measured: new KvsMeasuredProjects(),
    history: new KvsHistoryStore(),
    flowConfigs: new KvsFlowConfigStore(),
    lastDigest: new KvsDocument<SlackDigestOutcome>(storageKeys.lastSlackDigest),
    site: new KvsDocument<SiteAddress>(storageKeys.siteUrl),
    projects: new JiraProjectDirectory(jiraAsApp()),
    projectPageUrl: forgeProjectPageUrl,
    pause: timerPause,
    clock: systemClock,
    budget: new InvocationBudget(),
    digests: new ForgeDigestScheduler(),
  } satisfies SlackDigestPorts;
}

/** Project keys, counts and Slack's own words only: never a token. */
function describeDigest(outcome: SlackDigestOutcome): string {
  const where = outcome.channel ? ` to #${outcome.channel.name}` : '';
  const projects = outcome.projects.length > 0 ? ` (${outcome.projects.join(', ')})` : '';
  const left = outcome.skipped.length > 0 ? `; left out ${outcome.skipped.join(', ')}` : '';
  const rest = outcome.continuesWith ? `; time running short: ${outcome.continuesWith.join(', ')} continue on the queue` : '';
  return `${outcome.outcome}${where}${projects}${left}${rest}${outcome.problem ? `: ${outcome.problem}` : ''}`;
}

const projectKeys = z.array(z.string().refine(isProjectKey, 'not a project key')).max(10_000);

/** A digest slice as the queue delivers it (see src/adapters/forge-queue/forge-digest-scheduler.ts). */
export const slackDigestJob = z.object({
  job: z.literal('slack-digest'),
  at: z.string().datetime(),
  trigger: z.enum(['weekly', 'admin']),
  remaining: projectKeys.min(1),
  sent: projectKeys,
  skipped: projectKeys,
});

/** A queued slice: the rest of a digest run that ran short of time. Nothing is posted while the licence is inactive. */
export async function slackDigestSlice(continuation: DigestContinuation, context?: unknown): Promise<SlackDigestOutcome | null> {
  if (!licenceFromContext(context).active) {
    logJob('slack-digest', 'licence inactive: the rest of the digest is not posted');
    return null;
  }
  const outcome = await continueFlowDigest(slackDigestPorts(), continuation);
  logJob('slack-digest', describeDigest(outcome));
  return outcome;
}

/** Scheduled trigger `weekly-slack-digest`: the week's flow figures of every synced project, to the Slack channel. */
export async function slackDigest(_request?: unknown, context?: unknown): Promise<SlackDigestOutcome | null> {
  // Nothing posted and nothing recorded while the licence is inactive: the settings still show the last digest sent.
  if (!licenceFromContext(context).active) {
    logJob('slack-digest', 'licence inactive: no digest posted');
    return null;
  }
  const outcome = await sendFlowDigest(slackDigestPorts(), 'weekly');
  logJob('slack-digest', describeDigest(outcome));
  return outcome;
}

/** "Send digest now" from the settings page: the digest's adapters, the settings' audit trail, and its throttle. */
export function slackDigestRequestPorts<P extends AuditTrailPorts>(settings: P) {
  return {
    ...settings,
    ...slackDigestPorts(),
    digestThrottle: new KvsExpiringMarker(storageKeys.slackDigestNow),
  } satisfies SlackDigestRequestPorts;
}
