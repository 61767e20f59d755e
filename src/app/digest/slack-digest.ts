import { DEFAULT_FLOW_CONFIG, parseFlowConfig, weeklyFlowFigures, type FlowConfig } from '../../domain';
import type {
  Clock,
  FlowConfigStore,
  HistoryStore,
  MeasuredProjects,
  Pause,
  ProjectDirectory,
  SecretVault,
  SlackWorkspace,
  StoredDocument,
  WorkBudget,
} from '../../ports';
import { AppError } from '../app-error';
import { channelHistory } from '../access/channel-history';
import type { DigestTrigger, FlowDigestOutcome } from './digest-outcome';
import { ServiceRefusal } from '../access/service-refusal';
import { slackChannelProblem } from '../connections/slack-channel-problem';
import { digestMessages, type DigestMessage, type ProjectDigest } from './slack-digest-message';
import type { SlackConnectionRecord } from '../connections/slack-connection';
import { UnreadableSecretError } from '../connections/unreadable-secret';

/**
 * The weekly flow digest: for every measured project the app has synced, the week's figures computed from the
 * stored history (Jira is asked only, once, for the projects' types, which their page links need), posted to the
 * connected Slack channel. The outcome, sent or not and why, is kept for the settings page; it never holds the token.
 */
export interface SiteAddress {
  url: string;
  seenAt: string;
}

export interface SlackDigestPorts {
  slack: Pick<SlackWorkspace, 'postMessage'>;
  vault: Pick<SecretVault, 'open'>;
  connection: Pick<StoredDocument<SlackConnectionRecord>, 'read'>;
  measured: Pick<MeasuredProjects, 'list'>;
  history: Pick<HistoryStore, 'readManifest' | 'readShards'>;
  flowConfigs: Pick<FlowConfigStore, 'read'>;
  lastDigest: StoredDocument<FlowDigestOutcome>;
  /** The Jira site's address, remembered from an admin's call: scheduled runs have no site in their context. */
  site: Pick<StoredDocument<SiteAddress>, 'read'>;
  /** Jira's projects as the app sees them: only their types (software, service_desk…) are read. */
  projects: Pick<ProjectDirectory, 'projectTypes'>;
  /** The project's Flow metrics page on the site, whose address depends on the project's type. */
  projectPageUrl(siteUrl: string, projectKey: string, projectTypeKey: string): string | null;
  pause: Pause;
  clock: Clock;
  /** The time this invocation has left: a digest that runs short hands its remaining projects over. */
  budget: WorkBudget;
  digests: DigestScheduler;
}

/**
 * The rest of a digest run that ran short of time: the projects still to report on, with what the run
 * posted and left out so far. Each slice posts the projects it computed; the last one records the run.
 */
export interface DigestContinuation {
  at: string;
  trigger: DigestTrigger;
  remaining: string[];
  sent: string[];
  skipped: string[];
}

/** Hands the rest of a digest run to a later invocation (the `sync-jobs` queue in Forge). */
export interface DigestScheduler {
  continueDigest(continuation: DigestContinuation): Promise<void>;
}

/**
 * Time a slice keeps back once it has computed a project: for posting what it computed and queueing the rest.
 * A project's figures take a few seconds even at 100,000 issues, so the slice never runs past its function's
 * time limit; "send digest now", in a resolver's 25 seconds, posts every project of a small site at once.
 * A Slack 429 whose wait the invocation has no time for ends the post as a refusal, never past the limit.
 */
const DIGEST_RESERVE_MS = 15_000;
/** Kept back from a 429 wait for the post after it. */
const POSTING_MARGIN_MS = 5_000;

/** Attempts per message while Slack answers 429, and the longest `Retry-After` the digest waits out. */
const ATTEMPTS = 3;
const LONGEST_WAIT_SECONDS = 20;

/** A scheduled run that comes again within this long after a sent weekly digest is Forge repeating itself. */
const REPEATED_RUN_MS = 6 * 24 * 3_600_000;

/**
 * Posts the digest, or its first slice: when the invocation's time runs short, what was computed is posted
 * and the remaining projects continue on the queue (`continueFlowDigest`); the outcome is then recorded by
 * the run's last slice, and this answers what was posted so far with `continuesWith` set.
 */
export async function sendFlowDigest(ports: SlackDigestPorts, trigger: DigestTrigger): Promise<FlowDigestOutcome> {
  const now = ports.clock.now();
  if (trigger === 'weekly') {
    // Forge may run a scheduled trigger twice; the channel gets one digest a week.
    const last = await ports.lastDigest.read();
    if (last?.trigger === 'weekly' && last.outcome === 'sent' && now.getTime() - Date.parse(last.at) < REPEATED_RUN_MS) return last;
  }
  return recorded(ports, await digestOutcome(ports, trigger, now, null));
}

/** A later slice of a digest run: the figures are computed as of the run's start, as the first slice's were. */
export async function continueFlowDigest(ports: SlackDigestPorts, continuation: DigestContinuation): Promise<FlowDigestOutcome> {
  return recorded(ports, await digestOutcome(ports, continuation.trigger, new Date(continuation.at), continuation));
}

async function recorded(ports: SlackDigestPorts, outcome: FlowDigestOutcome): Promise<FlowDigestOutcome> {
  if (outcome.continuesWith === undefined) await ports.lastDigest.write(outcome);
  return outcome;
}

async function digestOutcome(
  ports: SlackDigestPorts,
  trigger: DigestTrigger,
  now: Date,
  continuation: DigestContinuation | null,
): Promise<FlowDigestOutcome> {
  const base = { at: now.toISOString(), trigger, channel: null, projects: continuation?.sent ?? [], skipped: continuation?.skipped ?? [] };
  const record = await ports.connection.read();
  if (!record) return { ...base, outcome: 'skipped', problem: 'Slack is not connected.' };
  const channel = { id: record.channel.id, name: record.channel.name };
  const token = await openSlackToken(ports);
  if (typeof token !== 'string') return { ...base, channel, outcome: 'failed', problem: token.problem };

  const measured = await ports.measured.list();
  // A later slice reports only on projects still measured: one an admin stopped measuring meanwhile is left out.
  const projectKeys = continuation ? continuation.remaining.filter((projectKey) => measured.includes(projectKey)) : measured;
  if (projectKeys.length === 0 && !continuation) return { ...base, channel, outcome: 'skipped', problem: 'No project is measured.' };
  const siteUrl = (await ports.site.read())?.url ?? null;
  const pageUrlOf = await projectPageLinks(ports, siteUrl, projectKeys);
  const digests: ProjectDigest[] = [];
  const skipped: string[] = [...base.skipped];
  let remaining: string[] = [];
  for (const [i, projectKey] of projectKeys.entries()) {
    // Every slice computes at least one project, so a run always moves on.
    if (i > 0 && ports.budget.remainingMs() < DIGEST_RESERVE_MS) {
      remaining = projectKeys.slice(i);
      break;
    }
    const digest = await projectDigest(ports, projectKey, now.getTime(), siteUrl, pageUrlOf(projectKey));
    if (digest) digests.push(digest);
    else skipped.push(projectKey);
  }

  const sent: string[] = [...base.projects];
  for (const message of digests.length > 0 ? digestMessages(digests, now) : []) {
    const problem = await post(ports, token, channel, message);
    if (problem !== null) return { ...base, channel, projects: sent, skipped, outcome: 'failed', problem };
    sent.push(...message.projectKeys);
  }
  if (remaining.length > 0) {
    await ports.digests.continueDigest({ at: base.at, trigger, remaining, sent, skipped });
    return { ...base, channel, projects: sent, skipped, outcome: 'sent', problem: null, continuesWith: remaining };
  }
  if (sent.length === 0) return { ...base, channel, skipped, outcome: 'skipped', problem: 'No measured project has been synced yet.' };
  return { ...base, channel, projects: sent, skipped, outcome: 'sent', problem: null };
}

export async function openSlackToken(ports: Pick<SlackDigestPorts, 'vault'>): Promise<string | { problem: string }> {
  try {
    const token = await ports.vault.open('slack-bot-token');
    return token ?? { problem: 'The stored Slack token is missing. Connect the token again.' };
  } catch (error) {
    if (error instanceof UnreadableSecretError)
      return { problem: 'The stored Slack token can no longer be opened. Connect the token again.' };
    throw error;
  }
}

/** The project's figures, or null when it was never synced or its history cannot be measured as configured. */
async function projectDigest(
  ports: SlackDigestPorts,
  projectKey: string,
  now: number,
  siteUrl: string | null,
  pageUrl: string | null,
): Promise<ProjectDigest | null> {
  const channel = await channelHistory(ports.history, projectKey);
  if (!channel) return null;
  let figures;
  try {
    figures = weeklyFlowFigures(channel.history, flowConfigOf(await ports.flowConfigs.read(projectKey)), now);
  } catch {
    // A workflow that no longer places every status: the project page explains it; the digest leaves it out.
    return null;
  }
  return {
    projectKey,
    // Every item at risk counts; the message names only those `mayName` allows (none under issue security).
    figures,
    pageUrl,
    issueUrl: (issueKey) => (siteUrl === null ? null : `${siteUrl}/browse/${issueKey}`),
    mayName: (issueKey) => channel.mayName(issueKey),
  };
}

/**
 * Each project's page address. The types of all the projects are read from Jira in one go; when Jira cannot
 * answer, the digest still goes out, its projects unlinked: the figures matter more than the links.
 */
async function projectPageLinks(
  ports: SlackDigestPorts,
  siteUrl: string | null,
  projectKeys: string[],
): Promise<(projectKey: string) => string | null> {
  if (siteUrl === null) return () => null;
  let types: Map<string, string>;
  try {
    types = await ports.projects.projectTypes(projectKeys);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    types = new Map();
  }
  return (projectKey) => {
    const type = types.get(projectKey);
    return type === undefined ? null : ports.projectPageUrl(siteUrl, projectKey, type);
  };
}

/** The saved configuration, or the defaults when there is none or it cannot be read (as the project page does). */
export function flowConfigOf(document: unknown): FlowConfig {
  if (document === null || document === undefined) return DEFAULT_FLOW_CONFIG;
  try {
    return parseFlowConfig(document);
  } catch {
    return DEFAULT_FLOW_CONFIG;
  }
}

/** Posts one message, waiting out Slack's 429s; answers null when it went, or why it did not. */
async function post(
  ports: SlackDigestPorts,
  token: string,
  channel: { id: string; name: string },
  message: DigestMessage,
): Promise<string | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ports.slack.postMessage(token, channel.id, message.text, message.blocks);
      return null;
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const retryAfter = Number(error.detail ?? 1);
      const wait = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 1;
      // A wait the invocation has no time left for ends the attempt as a wait that is too long would.
      const waitFits = wait * 1000 < ports.budget.remainingMs() - POSTING_MARGIN_MS;
      if (error.reason === 'rate-limited' && attempt < ATTEMPTS && wait <= LONGEST_WAIT_SECONDS && waitFits) {
        await ports.pause.wait(wait * 1000);
        continue;
      }
      return refusalProblem(error, channel.name);
    }
  }
}

function refusalProblem(error: ServiceRefusal, channelName: string): string {
  const channelProblem = slackChannelProblem(error, channelName, 'and send the digest again');
  if (channelProblem !== null) return channelProblem;
  if (error.reason === 'rate-limited') return 'Slack kept rate limiting the app; the digest was not sent. Try again in a few minutes.';
  return `Slack could not take the digest${error.detail ? ` (${error.detail})` : ''}; try again later.`;
}
