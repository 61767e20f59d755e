import {
  type ChannelHistory,
  isAwaitingFirstReview,
  issuesNameableInChannel,
  projectOfKey,
  type PullRequestFacts,
  readyForReviewAt,
  serviceLevelBreaches,
} from '../../domain';
import type { Clock, FlowConfigStore, MeasuredProjects, Pause, SecretVault, SlackWorkspace, StoredDocument } from '../../ports';
import { ServiceRefusal } from '../access/service-refusal';
import type { SlackConnectionRecord } from '../connections/slack-connection';
import { flowConfigOf, openSlackToken, type SiteAddress } from '../digest/slack-digest';
import type { RequestThrottle } from '../digest/slack-digest-request';
import { alertCrossings, NOTHING_ANNOUNCED, pullId, sameAnnouncements, type SlackAlertState } from './alert-crossings';
import { readAlertSettings, type StoredSlackAlertSettings } from './slack-alert-settings';
import { alertMessage, type AlertMessage } from './slack-alert-message';
import { alertProblem, stopsTheRun, type AlertProblem, type SlackAlertRunRecord } from './slack-alert-status';
import type { SlackChannelInfo } from '../../shared/resolver-contract';

/**
 * One run of the Slack alerts, after the hourly sync: for each measured project with an alert turned on, the
 * items that passed the SLE and the pull requests waiting too long for a first review since the last run, in
 * one message per project, posted to the project's channel.
 *
 * Delivery is at most once. Slack's `chat.postMessage` has no idempotency key, so after a crash between
 * sending a message and storing that it was sent, nothing can tell whether Slack has it. The run therefore
 * writes "about to post" (with the announcements already counted) before it posts, and "posted" after; a
 * later run that finds "about to post" still written takes the message as delivered and never sends it again.
 * The price is that a crash at that instant (or Slack failing without saying whether it took the message)
 * can lose one alert; a repeated alert is the worse failure for a channel people read. Slack's definite
 * refusals (429, a revoked token, a missing channel) mean the message was not posted: the state goes back and
 * a later run announces it.
 *
 * Concurrent runs (the platform may run a trigger twice, and a queue job may be retried while the first copy
 * still runs): a run first claims the project's alerts for the hour with a marker written only if absent, and
 * skips a project another run holds, so two runs never read the same state and both post. The claim is let go
 * once the project's state is written (a later run then finds the announcements already made); a run that
 * stopped while holding it leaves a marker that expires, and the next hour's claim is a new one anyway, so no
 * alert is held back for good.
 *
 * Channels: each project's alerts go to the channel its admin chose (checked with Slack when saved), or to
 * the digest's. A channel Slack refuses (not found, bot not invited, archived) stops only that project's
 * alerts; a token Slack no longer accepts stops the run. Each refusal is kept, in words, for the settings page
 * (slack-alert-status.ts).
 *
 * Rate limits: posts are one second apart whatever their channel (Slack allows about one message a second per
 * channel, so this is within it when many projects share one); a 429 stops the run and answers where to
 * continue and after how long (the `Retry-After`), which the handler turns into a delayed queue job. The same
 * cursor continues a run that used up its time.
 */
export interface SlackAlertRunPorts {
  slack: Pick<SlackWorkspace, 'postMessage'>;
  vault: Pick<SecretVault, 'open'>;
  connection: Pick<StoredDocument<SlackConnectionRecord>, 'read'>;
  measured: Pick<MeasuredProjects, 'list'>;
  /** The project's stored history; null until its first sync completed. */
  histories: { live(projectKey: string): Promise<ChannelHistory | null> };
  flowConfigs: Pick<FlowConfigStore, 'read'>;
  alertSettings(projectKey: string): Pick<StoredDocument<StoredSlackAlertSettings>, 'read'>;
  alertState(projectKey: string): Pick<StoredDocument<SlackAlertState>, 'read' | 'write'>;
  /** A marker set only if absent and expiring by itself: one run at a time on a project's alerts in an hour. */
  alertRunClaim(projectKey: string, hour: string): Pick<RequestThrottle, 'claim' | 'release'>;
  pullRequests: {
    /** The stored pull requests naming one of the project's items; none when GitHub is not connected. */
    linkedTo(projectKey: string): Promise<PullRequestFacts[]>;
    /**
     * The watched repositories whose reading is not current (failing, stopped, gone): their stored pull requests
     * are as they were when last read, and one "waiting for review" may have been reviewed since.
     */
    notCurrent(): Promise<ReadonlySet<string>>;
  };
  site: Pick<StoredDocument<SiteAddress>, 'read'>;
  /** When the alerts last ran and the last problem that stopped a run, for the settings page. */
  lastRun: Pick<StoredDocument<SlackAlertRunRecord>, 'read' | 'write'>;
  pause: Pause;
  clock: Clock;
}

export type SlackAlertRunOutcome =
  | {
      kind: 'done';
      /** Projects whose alerts went out. */
      posted: string[];
      /** Projects whose last message was written down but never confirmed: taken as delivered, not sent again. */
      unconfirmed: string[];
      problem: string | null;
    }
  | { kind: 'continue'; fromProject: string; delaySeconds: number; posted: string[]; unconfirmed: string[] };

/** Slack allows about one message a second per channel. */
const POST_INTERVAL_MS = 1000;
/** Past this, the run continues on a fresh queue job: well inside a consumer's 55 seconds. */
const RUN_BUDGET_MS = 40_000;
/** A claim outlives any run's hold on one project (seconds); left by a stopped run, it is gone within the hour. */
const CLAIM_SECONDS = 3600;

export async function runSlackAlerts(ports: SlackAlertRunPorts, fromProject: string | null): Promise<SlackAlertRunOutcome> {
  const startedAt = ports.clock.now().getTime();
  const posted: string[] = [];
  const unconfirmed: string[] = [];
  let firstProblem: string | null = null;
  const previousRun = await ports.lastRun.read();
  /** Every way out writes when the run ended, and the problem that stopped it if one did (one write per job). */
  const end = async (outcome: SlackAlertRunOutcome, runProblem: AlertProblem | null = null): Promise<SlackAlertRunOutcome> => {
    await ports.lastRun.write({ lastRunAt: ports.clock.now().toISOString(), lastProblem: runProblem ?? previousRun?.lastProblem ?? null });
    return outcome;
  };
  const done = (problem: string | null): SlackAlertRunOutcome => ({ kind: 'done', posted, unconfirmed, problem });

  const record = await ports.connection.read();
  if (!record) return done('Slack is not connected.');
  const token = await openSlackToken(ports);
  if (typeof token !== 'string')
    return end(done(token.problem), { at: ports.clock.now().toISOString(), kind: 'token-unreadable', text: token.problem });
  const siteUrl = (await ports.site.read())?.url ?? null;
  const projectKeys = [...(await ports.measured.list())].sort().filter((key) => fromProject === null || key >= fromProject);
  let attempts = 0;

  for (const projectKey of projectKeys) {
    if (ports.clock.now().getTime() - startedAt > RUN_BUDGET_MS)
      return end({ kind: 'continue', fromProject: projectKey, delaySeconds: 0, posted, unconfirmed });
    const claim = ports.alertRunClaim(projectKey, ports.clock.now().toISOString().slice(0, 13));
    // Another run is on this project's alerts: it posts them, this one does not.
    if (!(await claim.claim(CLAIM_SECONDS))) continue;
    try {
      const stateDocument = ports.alertState(projectKey);
      let state = (await stateDocument.read()) ?? NOTHING_ANNOUNCED;
      if (state.posting !== null) {
        // A run stopped between "about to post" and "posted": at most once, so it counts as delivered.
        unconfirmed.push(projectKey);
        state = { ...state, posting: null };
        await stateDocument.write(state);
      }
      const found = await projectAlerts(ports, projectKey, state, siteUrl);
      if (found === null) continue;
      const { next, message } = found;
      if (message === null) {
        if (!sameAnnouncements(state, next)) await stateDocument.write({ ...state, ...next });
        continue;
      }
      // The project's own channel, or the digest's.
      const channel = found.channel ?? record.channel;
      if (attempts++ > 0) await ports.pause.wait(POST_INTERVAL_MS);
      const at = ports.clock.now().toISOString();
      await stateDocument.write({ ...state, ...next, posting: { at, items: found.itemKeys, pulls: found.pullIds } });
      let ts: string;
      try {
        ({ ts } = await ports.slack.postMessage(token, channel.id, message.text, message.blocks));
      } catch (error) {
        if (!(error instanceof ServiceRefusal)) throw error;
        const mayHaveGone = mayHaveBeenPosted(error);
        const delaySeconds = retryAfterSeconds(error);
        const problem = alertProblem(error, ports.clock.now().toISOString(), {
          channelName: channel.name,
          projectKey,
          retryAfterSeconds: delaySeconds,
          mayHaveGone,
        });
        if (mayHaveGone) {
          // Slack failed without saying whether it took the message: counted as delivered, never sent twice.
          await stateDocument.write({ ...state, ...next, posting: null, lastProblem: problem });
          unconfirmed.push(projectKey);
          return end(done(problem.text));
        }
        // Slack refused the message, so it was not posted: forget the announcements, a later run makes them.
        if (stopsTheRun(problem)) {
          await stateDocument.write(state);
          return end(done(problem.text), problem);
        }
        await stateDocument.write({ ...state, lastProblem: problem });
        if (error.reason === 'rate-limited') return end({ kind: 'continue', fromProject: projectKey, delaySeconds, posted, unconfirmed });
        // This project's channel (or this message) was refused: the other projects' alerts still go out.
        firstProblem ??= problem.text;
        continue;
      }
      await stateDocument.write({ ...state, ...next, posting: null, lastPosted: { at, ts } });
      posted.push(projectKey);
    } finally {
      await claim.release();
    }
  }
  return end(done(firstProblem));
}

interface FoundAlerts {
  /** The project's own channel; null for the digest's. */
  channel: SlackChannelInfo | null;
  next: Pick<SlackAlertState, 'items' | 'pulls'>;
  message: AlertMessage | null;
  itemKeys: string[];
  pullIds: string[];
}

/** What the project has to announce; null when it was never synced or its history cannot be measured as configured. */
async function projectAlerts(
  ports: SlackAlertRunPorts,
  projectKey: string,
  state: SlackAlertState,
  siteUrl: string | null,
): Promise<FoundAlerts | null> {
  const settings = await readAlertSettings(ports, projectKey);
  if (!settings.serviceLevel && !settings.reviewWait.enabled) {
    // Nothing is watched: forget what was announced, so turning an alert on starts afresh.
    return { channel: null, next: { items: {}, pulls: [] }, message: null, itemKeys: [], pullIds: [] };
  }
  const channel = await ports.histories.live(projectKey);
  if (!channel) return null;
  const history = channel.history;
  const now = ports.clock.now().getTime();
  let watch;
  try {
    watch = serviceLevelBreaches(history, flowConfigOf(await ports.flowConfigs.read(projectKey)), now);
  } catch {
    // A workflow that no longer places every status: the project page explains it; no alert guesses.
    return null;
  }
  const breaches = settings.serviceLevel ? issuesNameableInChannel(channel, watch.breaches) : [];
  const inProgress = settings.serviceLevel ? watch.inProgress : new Map<string, number>();

  const thresholdMs = settings.reviewWait.hours * 3_600_000;
  const awaiting = settings.reviewWait.enabled ? (await ports.pullRequests.linkedTo(projectKey)).filter(isAwaitingFirstReview) : [];
  // A repository that is not being read has stale pull requests: none of them is announced until it is read again,
  // but those already announced stay remembered (they are still among `awaiting`), so none is announced twice.
  const notCurrent = awaiting.length > 0 ? await ports.pullRequests.notCurrent() : new Set<string>();
  const overdue = awaiting.filter((pull) => !notCurrent.has(pull.repository) && now - (readyForReviewAt(pull) ?? now) > thresholdMs);

  const crossings = alertCrossings(state, breaches, inProgress, awaiting, overdue);
  const message = alertMessage({
    projectKey,
    serviceLevel: watch.serviceLevel,
    items: crossings.items,
    reviewWaitHours: settings.reviewWait.hours,
    pulls: crossings.pulls.map((pull) => ({
      repository: pull.repository,
      number: pull.number,
      waitedHours: (now - (readyForReviewAt(pull) ?? now)) / 3_600_000,
      itemKeys: issuesNameableInChannel(
        channel,
        pull.jiraKeys.filter((key) => projectOfKey(key) === projectKey).map((key) => ({ key })),
      ).map((item) => item.key),
    })),
    pageUrl: null,
    issueUrl: (issueKey) => (siteUrl === null ? null : `${siteUrl}/browse/${issueKey}`),
  });
  return {
    channel: settings.channel ?? null,
    next: crossings.next,
    message,
    itemKeys: crossings.items.map((item) => item.key),
    pullIds: crossings.pulls.map(pullId),
  };
}

/**
 * Slack answered nothing we can read (the connection failed, or an HTTP error): it may have taken the
 * message. An `ok: false` answer with its own error code (`msg_too_long`, `invalid_blocks`…) is a refusal.
 */
function mayHaveBeenPosted(error: ServiceRefusal): boolean {
  return error.reason === 'unavailable' && (error.detail === null || error.detail.startsWith('HTTP '));
}

function retryAfterSeconds(error: ServiceRefusal): number {
  const seconds = Number(error.detail ?? 1);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : 1;
}
