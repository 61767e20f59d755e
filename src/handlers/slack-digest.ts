import { z } from 'zod';
import { logJob } from '../app/job-log';
import { continueFlowDigest, sendFlowDigest, type DigestContinuation } from '../app/digest/slack-digest';
import { isProjectKey } from '../app/project-key';
import type { FlowDigestOutcome } from '../app/digest/digest-outcome';
import { slackDigestPorts } from './digest-wiring';
import { licenceFromContext } from './installation-licence-context';

/** Project keys, counts and Slack's own words only: never a token. */
function describeDigest(outcome: FlowDigestOutcome): string {
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
export async function slackDigestSlice(continuation: DigestContinuation, context?: unknown): Promise<FlowDigestOutcome | null> {
  if (!licenceFromContext(context).active) {
    logJob('slack-digest', 'licence inactive: the rest of the digest is not posted');
    return null;
  }
  const outcome = await continueFlowDigest(slackDigestPorts(), continuation);
  logJob('slack-digest', describeDigest(outcome));
  return outcome;
}

/** Scheduled trigger `weekly-slack-digest`: the week's flow figures of every synced project, to the Slack channel. */
export async function slackDigest(_request?: unknown, context?: unknown): Promise<FlowDigestOutcome | null> {
  // Nothing posted and nothing recorded while the licence is inactive: the settings still show the last digest sent.
  if (!licenceFromContext(context).active) {
    logJob('slack-digest', 'licence inactive: no digest posted');
    return null;
  }
  const outcome = await sendFlowDigest(slackDigestPorts(), 'weekly');
  logJob('slack-digest', describeDigest(outcome));
  return outcome;
}
