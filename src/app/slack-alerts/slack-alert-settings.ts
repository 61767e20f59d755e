import type { MeasuredProjects, SecretVault, SlackWorkspace, StoredDocument } from '../../ports';
import {
  REVIEW_WAIT_HOURS,
  type ProjectSlackAlerts,
  type SlackAlertSettings,
  type SlackAlertsData,
  type SlackChannelInfo,
} from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { claimAdminRequest, type AdminRequestThrottlePorts } from '../access/admin-request-throttle';
import { ServiceRefusal } from '../access/service-refusal';
import { recordAudit, type Actor } from '../audit/audit-trail';
import { ConnectionRefused, recordRefusal } from '../connections/connection-refusals';
import { channelProblem, type SlackConnectionRecord } from '../connections/slack-connection';
import { openSlackToken } from '../digest/slack-digest';
import type { SlackAlertState } from './alert-crossings';
import { latestProblem, problemForPage, type SlackAlertRunRecord } from './slack-alert-status';

/**
 * Which Slack alerts an admin turned on for each measured project, and the channel they go to. Both alerts are
 * off until an admin turns them on: an alert nobody asked for is noise in someone's channel. A project's alerts
 * go to the digest's channel unless the admin names one of the project's own, which Slack must know and the bot
 * must be able to see (`conversations.info`, as for the digest's channel) before it is stored. What is stored is
 * the choice and the channel's id and name (never a channel member or a person), under the project's keys, so
 * unmeasuring, purging and erasing a project take it too.
 */
export interface StoredSlackAlertSettings {
  serviceLevel: boolean;
  reviewWait: { enabled: boolean; hours: number };
  /** The project's own channel, as Slack described it when saved; null (or absent, in older records) for the digest's. */
  channel?: SlackChannelInfo | null;
}

export const ALERTS_OFF: StoredSlackAlertSettings = Object.freeze({
  serviceLevel: false,
  reviewWait: Object.freeze({ enabled: false, hours: REVIEW_WAIT_HOURS.default }),
  channel: null,
});

export interface SlackAlertSettingsPorts extends AdminRequestThrottlePorts {
  measured: Pick<MeasuredProjects, 'list'>;
  alertSettings(projectKey: string): StoredDocument<StoredSlackAlertSettings>;
  /** What the alerts remember of a project: when they last posted and the last problem. */
  alertState(projectKey: string): Pick<StoredDocument<SlackAlertState>, 'read'>;
  lastAlertRun: Pick<StoredDocument<SlackAlertRunRecord>, 'read'>;
  slackRecord: Pick<StoredDocument<SlackConnectionRecord>, 'read'>;
  slack: Pick<SlackWorkspace, 'channel'>;
  vault: Pick<SecretVault, 'open'>;
}

/** A project's alert settings, or all off when none were saved. */
export async function readAlertSettings(
  ports: { alertSettings(projectKey: string): Pick<StoredDocument<StoredSlackAlertSettings>, 'read'> },
  projectKey: string,
): Promise<StoredSlackAlertSettings> {
  const stored = await ports.alertSettings(projectKey).read();
  return stored ? { ...stored, channel: stored.channel ?? null } : ALERTS_OFF;
}

export async function getSlackAlerts(ports: SlackAlertSettingsPorts): Promise<SlackAlertsData> {
  const digestChannel = (await ports.slackRecord.read())?.channel ?? null;
  const run = await ports.lastAlertRun.read();
  const projects: ProjectSlackAlerts[] = [];
  for (const projectKey of await ports.measured.list()) {
    const settings = await readAlertSettings(ports, projectKey);
    const state = await ports.alertState(projectKey).read();
    const own = settings.channel ?? null;
    const lastProblem = latestProblem(state?.lastProblem, run?.lastProblem);
    projects.push({
      projectKey,
      serviceLevel: settings.serviceLevel,
      reviewWait: settings.reviewWait,
      channelId: own?.id ?? null,
      channel: own ?? digestChannel,
      usesDigestChannel: own === null,
      lastRunAt: run?.lastRunAt ?? null,
      lastPostedAt: state?.lastPosted?.at ?? null,
      lastProblem: lastProblem === null ? null : problemForPage(lastProblem),
    });
  }
  return { projects };
}

/** The channel as Slack describes it to the bot, or why it cannot take the project's alerts. */
async function checkedChannel(
  ports: SlackAlertSettingsPorts,
  actor: Actor,
  projectKey: string,
  channelId: string,
): Promise<SlackChannelInfo> {
  if (!(await ports.slackRecord.read())) throw new AppError('INVALID_INPUT', 'Slack is not connected; connect a bot token first.');
  await claimAdminRequest(ports, actor, 'slack-alert-channel', projectKey);
  const token = await openSlackToken(ports);
  if (typeof token !== 'string') throw new AppError('NOT_CONFIGURED', token.problem);
  try {
    const channel = await ports.slack.channel(token, channelId);
    if (channel.isArchived)
      throw new ConnectionRefused('channel-archived', `Channel #${channel.name} is archived: choose another. Nothing was saved.`);
    return { id: channel.id, name: channel.name, isPrivate: channel.isPrivate, isMember: channel.isMember };
  } catch (error) {
    // Refused by Slack, or archived: recorded as a refused connection change is.
    await recordRefusal(ports, actor, 'slack.alert-channel-refused', error, projectKey, { channel: channelId });
    if (!(error instanceof ServiceRefusal)) throw error;
    if (error.reason === 'unauthorized') {
      throw new AppError(
        'NOT_CONFIGURED',
        'Slack no longer accepts the stored bot token (it was revoked, or the app was removed). Replace it.',
      );
    }
    const problem = channelProblem(error, channelId);
    if (problem) throw new AppError('INVALID_INPUT', `${problem} Nothing was saved.`);
    if (error.reason === 'rate-limited') throw new AppError('RATE_LIMITED', 'Slack is rate limiting the app; try again in a minute.');
    throw new AppError('UNAVAILABLE', 'Slack could not be reached; try again in a minute.');
  }
}

/**
 * Saves one measured project's alerts; saving what is already stored writes and records nothing. A channel is
 * checked with Slack only when it changes (once a minute per project, like the digest's channel).
 */
export async function saveSlackAlerts(ports: SlackAlertSettingsPorts, actor: Actor, change: SlackAlertSettings): Promise<SlackAlertsData> {
  const { projectKey, channelId, ...wanted } = change;
  if (!(await ports.measured.list()).includes(projectKey)) {
    throw new AppError('NOT_FOUND', `Project ${projectKey} is not measured: measure it first, then turn its alerts on.`);
  }
  const document = ports.alertSettings(projectKey);
  const current = await readAlertSettings(ports, projectKey);
  const currentChannel = current.channel ?? null;
  const channel =
    channelId === null
      ? null
      : channelId === currentChannel?.id
        ? currentChannel
        : await checkedChannel(ports, actor, projectKey, channelId);
  const unchanged =
    current.serviceLevel === wanted.serviceLevel &&
    current.reviewWait.enabled === wanted.reviewWait.enabled &&
    current.reviewWait.hours === wanted.reviewWait.hours &&
    currentChannel?.id === channel?.id;
  if (!unchanged) {
    await document.write({
      serviceLevel: wanted.serviceLevel,
      reviewWait: { enabled: wanted.reviewWait.enabled, hours: wanted.reviewWait.hours },
      channel,
    });
    await recordAudit(ports, actor, 'slack.alerts-changed', projectKey, {
      serviceLevel: wanted.serviceLevel ? 'on' : 'off',
      reviewWait: wanted.reviewWait.enabled ? `after ${wanted.reviewWait.hours} h` : 'off',
      channel: channel ? `#${channel.name} (${channel.id})` : "the digest's channel",
    });
  }
  return getSlackAlerts(ports);
}
