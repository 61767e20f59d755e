import type { SlackAlertProblem } from '../../shared/resolver-contract';
import type { ServiceRefusal } from '../access/service-refusal';
import { slackChannelProblem } from '../connections/slack-channel-problem';

/**
 * How the alerts went, as the settings page shows it per project: when they last ran, when they last posted,
 * and the last problem in plain words (rate limited, channel not found, token revoked…).
 *
 * A problem of one project's channel is kept in that project's alert state (it is written there anyway when
 * Slack refuses); a problem of the whole run (the token was revoked or cannot be opened) is kept in one record
 * for the run, written once per run. A problem stays shown once resolved, beside the time alerts posted since.
 */
/** Why Slack refused alerts, in one word. */
export const ALERT_PROBLEM_KINDS = [
  'rate-limited',
  'token-revoked',
  'token-unreadable',
  'missing-scope',
  'channel-not-found',
  'not-in-channel',
  'channel-archived',
  'unavailable',
  'refused',
] as const;
type AlertProblemKind = (typeof ALERT_PROBLEM_KINDS)[number];

/** A refusal of the alerts, as the use-cases keep it (in a project's alert state, or the run's record). */
export interface AlertProblem {
  at: string;
  kind: AlertProblemKind;
  /** In words an admin can act on. */
  text: string;
}

/** What the settings page is shown of a problem, field by field (the page's type may change apart from storage). */
export function problemForPage(problem: AlertProblem): SlackAlertProblem {
  return { at: problem.at, kind: problem.kind, text: problem.text };
}

export interface SlackAlertRunRecord {
  /** When a run last ended (done, or handed over to a later queue job). */
  lastRunAt: string;
  /** The last problem that stopped a whole run. */
  lastProblem: AlertProblem | null;
}

/** Problems of the token or the workspace: no project's alerts can be posted until an admin acts. */
const RUN_WIDE: ReadonlySet<AlertProblemKind> = new Set(['token-revoked', 'token-unreadable', 'missing-scope']);

export const stopsTheRun = (problem: AlertProblem) => RUN_WIDE.has(problem.kind);

/**
 * Slack's refusal of one project's alerts, in words. `mayHaveGone` says Slack failed without saying whether it
 * took the message (see slack-alert-run.ts): the alert is then counted as delivered.
 */
export function alertProblem(
  error: ServiceRefusal,
  at: string,
  context: { channelName: string; projectKey: string; retryAfterSeconds: number; mayHaveGone: boolean },
): AlertProblem {
  const refused = `Slack refused the alerts (${error.detail ?? error.reason}).`;
  const text = slackChannelProblem(error, context.channelName, 'for alerts to be posted') ?? refused;
  switch (error.reason) {
    case 'unauthorized':
      return { at, kind: 'token-revoked', text };
    case 'missing-scope':
    case 'channel-not-found':
    case 'not-in-channel':
    case 'channel-archived':
      return { at, kind: error.reason, text };
    case 'rate-limited':
      return {
        at,
        kind: 'rate-limited',
        text:
          `Slack rate limited the alerts of ${context.projectKey} and asked to wait ${context.retryAfterSeconds} s; ` +
          'they continued after that.',
      };
    default:
      return context.mayHaveGone
        ? {
            at,
            kind: 'unavailable',
            text:
              `Slack could not be reached${error.detail ? ` (${error.detail})` : ''}; ` +
              `alerts of ${context.projectKey} may not have been delivered.`,
          }
        : { at, kind: 'refused', text: refused };
  }
}

/** The later of two problems; either may be missing. */
export function latestProblem(a: AlertProblem | null | undefined, b: AlertProblem | null | undefined): AlertProblem | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(b.at) > Date.parse(a.at) ? b : a;
}
