import { type WeeklyFlowFigures } from '../../domain';
import type { SlackBlock } from '../../ports';

/**
 * The weekly flow digest as Slack messages: a header, then one section per project with its throughput,
 * cycle time, WIP and items at risk (the three oldest linked to Jira), and a link to the project's page.
 * Each message carries a plain-text `text` too: Slack shows it in notifications and wherever blocks cannot be.
 *
 * Slack allows 50 blocks per message; a project takes at most 4, so long lists of projects go in several
 * messages rather than being cut.
 */
export interface ProjectDigest {
  projectKey: string;
  figures: WeeklyFlowFigures;
  /** The project's Flow metrics page; null when the site's address is not known. */
  pageUrl: string | null;
  /** A Jira issue's page; null when the site's address is not known. */
  issueUrl: (issueKey: string) => string | null;
  /**
   * Whether the issue may be named in the channel: not when it has a security level, since everyone in the
   * channel reads the digest and Jira cannot say who they are. Such an issue still counts in the figures.
   */
  mayName: (issueKey: string) => boolean;
}

export interface DigestMessage {
  /** The projects this message reports on. */
  projectKeys: string[];
  text: string;
  blocks: SlackBlock[];
}

/** How many at-risk items a project's section names. */
const AT_RISK_NAMED = 3;
export const PROJECTS_PER_MESSAGE = 10;

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Slack's mrkdwn treats these three as markup; everything else is shown as typed. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const link = (url: string | null, label: string) => (url === null ? escape(label) : `<${url}|${escape(label)}>`);

function duration(value: number | null, unit: string): string {
  if (value === null) return 'n/a';
  if (unit === 'hours') return `${Math.round(value * 10) / 10} h`;
  return `${value} ${value === 1 ? 'day' : 'days'}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function throughputLine({ throughput }: WeeklyFlowFigures): string {
  const before = throughput.weekBefore === null ? 'no full week before to compare' : `${throughput.weekBefore} the week before`;
  return `${plural(throughput.lastWeek, 'item', 'items')} finished in the last 7 days (${before})`;
}

function cycleTimeLine({ cycleTime, unit }: WeeklyFlowFigures): string {
  if (cycleTime.items === 0) return 'nothing finished in the last 30 days';
  return `${duration(cycleTime.p50, unit)} (50%) · ${duration(cycleTime.p85, unit)} (85%), of ${cycleTime.items} finished in 30 days`;
}

function atRiskLine({ atRisk, cycleTime, unit }: WeeklyFlowFigures): string {
  if (atRisk.length === 0) return 'none';
  return `${atRisk.length} in progress longer than ${duration(cycleTime.p85, unit)}`;
}

function projectBlocks(project: ProjectDigest): SlackBlock[] {
  const { figures } = project;
  const blocks: SlackBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${link(project.pageUrl, project.projectKey)}*` } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Throughput*\n${throughputLine(figures)}` },
        { type: 'mrkdwn', text: `*Cycle time*\n${cycleTimeLine(figures)}` },
        { type: 'mrkdwn', text: `*Work in progress*\n${plural(figures.wip, 'item', 'items')}` },
        { type: 'mrkdwn', text: `*At risk*\n${atRiskLine(figures)}` },
      ],
    },
  ];
  const nameable = figures.atRisk.filter((item) => project.mayName(item.key));
  if (nameable.length > 0) {
    const oldest = nameable
      .slice(0, AT_RISK_NAMED)
      .map((item) => `${link(project.issueUrl(item.key), item.key)} (${duration(item.age, figures.unit)})`)
      .join(', ');
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Oldest at risk: ${oldest}` }] });
  }
  blocks.push({ type: 'divider' });
  return blocks;
}

/** The plain-text fallback: one line per project, the same figures without links. */
function projectText({ projectKey, figures }: ProjectDigest): string {
  const { throughput, cycleTime, unit } = figures;
  const before = throughput.weekBefore === null ? '' : ` (${throughput.weekBefore} the week before)`;
  const cycle =
    cycleTime.items === 0 ? 'no cycle time' : `cycle time ${duration(cycleTime.p50, unit)} / ${duration(cycleTime.p85, unit)} (50% / 85%)`;
  return `${projectKey}: ${throughput.lastWeek} finished${before}, ${cycle}, WIP ${figures.wip}, ${figures.atRisk.length} at risk`;
}

/** The digest's messages, in order; empty when there is no project to report on. */
export function digestMessages(projects: readonly ProjectDigest[], at: Date): DigestMessage[] {
  const messages: DigestMessage[] = [];
  const date = DATE.format(at);
  for (let first = 0; first < projects.length; first += PROJECTS_PER_MESSAGE) {
    const part = projects.slice(first, first + PROJECTS_PER_MESSAGE);
    const continued = first > 0 ? ' (continued)' : '';
    const title = `Weekly flow digest, ${date}${continued}`;
    messages.push({
      projectKeys: part.map((project) => project.projectKey),
      text: `${title}\n${part.map(projectText).join('\n')}`,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: title, emoji: false } },
        ...(first === 0
          ? [
              {
                type: 'context',
                elements: [
                  {
                    type: 'mrkdwn',
                    text:
                      'From the history Flow metrics last synced from Jira. Cycle times are of items finished in the last 30 days; ' +
                      'an item is at risk when it has been in progress longer than 85% of them took.',
                  },
                ],
              },
            ]
          : []),
        ...part.flatMap(projectBlocks),
      ],
    });
  }
  return messages;
}
