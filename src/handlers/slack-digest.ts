import { systemClock } from '../adapters/clock/system-clock';
import { timerPause } from '../adapters/clock/timer-pause';
import { forgeProjectPageUrl } from '../adapters/forge-runtime/forge-project-page-link';
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
import type { AuditTrailPorts } from '../app/audit-trail';
import { logJob } from '../app/job-log';
import type { SlackConnectionRecord } from '../app/slack-connection';
import { sendFlowDigest, type SiteAddress, type SlackDigestPorts } from '../app/slack-digest';
import type { SlackDigestRequestPorts } from '../app/slack-digest-request';
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
  } satisfies SlackDigestPorts;
}

/** Project keys, counts and Slack's own words only: never a token. */
function describeDigest(outcome: SlackDigestOutcome): string {
  const where = outcome.channel ? ` to #${outcome.channel.name}` : '';
  const projects = outcome.projects.length > 0 ? ` (${outcome.projects.join(', ')})` : '';
  const left = outcome.skipped.length > 0 ? `; left out ${outcome.skipped.join(', ')}` : '';
  return `${outcome.outcome}${where}${projects}${left}${outcome.problem ? `: ${outcome.problem}` : ''}`;
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
  return { ...settings, ...slackDigestPorts(), digestThrottle: new KvsExpiringMarker(storageKeys.slackDigestNow) } satisfies SlackDigestRequestPorts;
}
