import type { ServiceLevelBreach } from '../../domain';
import type { SlackBlock } from '../../ports';

/**
 * One project's alerts of a run, as one Slack message: the items that passed the project's service-level
 * expectation (key, stage, age against the SLE) and the pull requests waiting too long for a first review
 * (repository and number, how long, and the project's items they name). Only keys, stages, numbers and
 * durations: nothing a person wrote and no one's name.
 *
 * Slack takes at most 50 blocks and 3,000 characters per section; a run that finds very many (the first run
 * after an admin turns an alert on) names the first `NAMED_PER_LIST` of each list and counts the rest.
 */
interface OverduePullRequest {
  repository: string;
  number: number;
  /** Hours since it asked for review. */
  waitedHours: number;
  /** The project's items it names that a channel may see (see issues-nameable-in-channel.ts). */
  itemKeys: string[];
}

export interface ProjectAlerts {
  projectKey: string;
  serviceLevel: { percentile: number; value: number | null; unit: string };
  items: ServiceLevelBreach[];
  reviewWaitHours: number;
  pulls: OverduePullRequest[];
  pageUrl: string | null;
  issueUrl: (issueKey: string) => string | null;
}

export interface AlertMessage {
  text: string;
  blocks: SlackBlock[];
}

export const NAMED_PER_LIST = 40;
const LINES_PER_SECTION = 10;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const link = (url: string | null, label: string) => (url === null ? escape(label) : `<${url}|${escape(label)}>`);

function formatDuration(value: number, unit: string): string {
  if (unit === 'hours') return `${Math.round(value * 10) / 10} h`;
  return `${value} ${value === 1 ? 'day' : 'days'}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function itemLine(alerts: ProjectAlerts, item: ServiceLevelBreach): string {
  const { value, unit } = alerts.serviceLevel;
  const [age, sle] = [formatDuration(item.age, unit), formatDuration(value ?? 0, unit)];
  return `${link(alerts.issueUrl(item.key), item.key)} in ${escape(item.stage)}: ${age} in progress, SLE ${sle}`;
}

function pullLine(alerts: ProjectAlerts, pull: OverduePullRequest): string {
  const items = pull.itemKeys.length > 0 ? ` (${pull.itemKeys.map((key) => link(alerts.issueUrl(key), key)).join(', ')})` : '';
  return `${escape(pull.repository)}#${pull.number}: waiting ${Math.floor(pull.waitedHours)} h for a first review${items}`;
}

function listBlocks(title: string, lines: string[]): SlackBlock[] {
  const named = lines.slice(0, NAMED_PER_LIST);
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${title}*` } }];
  for (let first = 0; first < named.length; first += LINES_PER_SECTION) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: named
          .slice(first, first + LINES_PER_SECTION)
          .map((line) => `• ${line}`)
          .join('\n'),
      },
    });
  }
  if (lines.length > named.length)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `and ${lines.length - named.length} more` }] });
  return blocks;
}

/** Null when there is nothing to announce. */
export function alertMessage(alerts: ProjectAlerts): AlertMessage | null {
  if (alerts.items.length === 0 && alerts.pulls.length === 0) return null;
  const { percentile, value, unit } = alerts.serviceLevel;
  const title = `Flow alerts for ${alerts.projectKey}`;
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title, emoji: false } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `From ${link(alerts.pageUrl, `${alerts.projectKey}'s flow metrics`)}; each is announced once.` }],
    },
  ];
  const summary: string[] = [];
  if (alerts.items.length > 0) {
    const within = formatDuration(value ?? 0, unit);
    const heading = `${plural(alerts.items.length, 'item', 'items')} passed the SLE (${percentile}% of items finish within ${within})`;
    blocks.push(
      ...listBlocks(
        heading,
        alerts.items.map((item) => itemLine(alerts, item)),
      ),
    );
    summary.push(
      `${heading}: ${alerts.items
        .slice(0, NAMED_PER_LIST)
        .map((item) => `${item.key} (${item.stage}, ${formatDuration(item.age, unit)})`)
        .join(', ')}`,
    );
  }
  if (alerts.pulls.length > 0) {
    const pulls = plural(alerts.pulls.length, 'pull request', 'pull requests');
    const heading = `${pulls} waiting more than ${alerts.reviewWaitHours} h for a first review`;
    blocks.push(
      ...listBlocks(
        heading,
        alerts.pulls.map((pull) => pullLine(alerts, pull)),
      ),
    );
    summary.push(
      `${heading}: ${alerts.pulls
        .slice(0, NAMED_PER_LIST)
        .map((pull) => `${pull.repository}#${pull.number}`)
        .join(', ')}`,
    );
  }
  return { text: `${title}\n${summary.join('\n')}`, blocks };
}
