import type { MeasuredProjects, StoredDocument } from '../../ports';
import { REVIEW_WAIT_HOURS, type SlackAlertSettings, type SlackAlertsData } from '../../shared/resolver-contract';
import { AppError } from '../app-error';
import { recordAudit, type Actor, type AuditTrailPorts } from '../audit/audit-trail';

/**
 * Which Slack alerts an admin turned on for each measured project. Both are off until an admin turns them on:
 * an alert nobody asked for is noise in someone's channel. What is stored is the choice only (never a channel
 * member or a person), under the project's keys, so unmeasuring, purging and erasing a project take it too.
 */
export type StoredSlackAlertSettings = Omit<SlackAlertSettings, 'projectKey'>;

export const ALERTS_OFF: StoredSlackAlertSettings = Object.freeze({
  serviceLevel: false,
  reviewWait: Object.freeze({ enabled: false, hours: REVIEW_WAIT_HOURS.default }),
});

export interface SlackAlertSettingsPorts extends AuditTrailPorts {
  measured: Pick<MeasuredProjects, 'list'>;
  alertSettings(projectKey: string): StoredDocument<StoredSlackAlertSettings>;
}

/** A project's alert settings, or all off when none were saved. */
export async function readAlertSettings(
  ports: { alertSettings(projectKey: string): Pick<StoredDocument<StoredSlackAlertSettings>, 'read'> },
  projectKey: string,
): Promise<StoredSlackAlertSettings> {
  return (await ports.alertSettings(projectKey).read()) ?? ALERTS_OFF;
}

export async function getSlackAlerts(ports: SlackAlertSettingsPorts): Promise<SlackAlertsData> {
  const projects: SlackAlertSettings[] = [];
  for (const projectKey of await ports.measured.list()) projects.push({ projectKey, ...(await readAlertSettings(ports, projectKey)) });
  return { projects };
}

/** Saves one measured project's alerts; saving what is already stored writes and records nothing. */
export async function saveSlackAlerts(ports: SlackAlertSettingsPorts, actor: Actor, change: SlackAlertSettings): Promise<SlackAlertsData> {
  const { projectKey, ...wanted } = change;
  if (!(await ports.measured.list()).includes(projectKey)) {
    throw new AppError('NOT_FOUND', `Project ${projectKey} is not measured: measure it first, then turn its alerts on.`);
  }
  const document = ports.alertSettings(projectKey);
  const current = (await document.read()) ?? ALERTS_OFF;
  const unchanged =
    current.serviceLevel === wanted.serviceLevel &&
    current.reviewWait.enabled === wanted.reviewWait.enabled &&
    current.reviewWait.hours === wanted.reviewWait.hours;
  if (!unchanged) {
    await document.write({
      serviceLevel: wanted.serviceLevel,
      reviewWait: { enabled: wanted.reviewWait.enabled, hours: wanted.reviewWait.hours },
    });
    await recordAudit(ports, actor, 'slack.alerts-changed', projectKey, {
      serviceLevel: wanted.serviceLevel ? 'on' : 'off',
      reviewWait: wanted.reviewWait.enabled ? `after ${wanted.reviewWait.hours} h` : 'off',
    });
  }
  return getSlackAlerts(ports);
}
