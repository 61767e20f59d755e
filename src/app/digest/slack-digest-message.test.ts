import { blockKitProblems } from '../../../dev/slack/block-kit';
import { type WeeklyFlowFigures } from '../../domain';
import { digestMessages, PROJECTS_PER_MESSAGE, type ProjectDigest } from './slack-digest-message';

const figures = (overrides: Partial<WeeklyFlowFigures> = {}): WeeklyFlowFigures => ({
  unit: 'days-inclusive',
  throughput: { lastWeek: 4, weekBefore: 1 },
  cycleTime: { p50: 3, p85: 9, items: 12 },
  wip: 5,
  atRisk: [
    { key: 'FLOW-9', age: 30 },
    { key: 'FLOW-2', age: 12 },
    { key: 'FLOW-7', age: 11 },
    { key: 'FLOW-4', age: 10 },
  ],
  ...overrides,
});

const project = (projectKey: string, overrides: Partial<ProjectDigest> = {}): ProjectDigest => ({
  projectKey,
  figures: figures(),
  pageUrl: `https://acme.atlassian.net/jira/software/projects/${projectKey}/apps/a/e`,
  issueUrl: (key) => `https://acme.atlassian.net/browse/${key}`,
  mayName: () => true,
  ...overrides,
});

const AT = new Date('2026-11-30T09:00:00Z');

describe('the digest as Slack messages', () => {
  it('names the three oldest items at risk with links, and gives a plain-text fallback', () => {
    const [message] = digestMessages([project('FLOW')], AT);
    expect(message!.text).toBe(
      'Weekly flow digest, 30 Nov 2026\nFLOW: 4 finished (1 the week before), cycle time 3 days / 9 days (50% / 85%), WIP 5, 4 at risk',
    );
    const context = message!.blocks.find((block) => block.type === 'context' && JSON.stringify(block).includes('Oldest at risk'));
    expect(JSON.stringify(context)).toContain(
      'Oldest at risk: <https://acme.atlassian.net/browse/FLOW-9|FLOW-9> (30 days), <https://acme.atlassian.net/browse/FLOW-2|FLOW-2> (12 days), <https://acme.atlassian.net/browse/FLOW-7|FLOW-7> (11 days)',
    );
    expect(blockKitProblems(message!.blocks)).toEqual([]);
  });

  it('never names a secured item: the next oldest take its place, and it still counts as at risk', () => {
    const [message] = digestMessages([project('FLOW', { mayName: (key) => key !== 'FLOW-9' })], AT);
    const text = JSON.stringify(message!.blocks) + message!.text;
    expect(text).not.toContain('FLOW-9');
    expect(text).toContain(
      'Oldest at risk: <https://acme.atlassian.net/browse/FLOW-2|FLOW-2> (12 days), <https://acme.atlassian.net/browse/FLOW-7|FLOW-7> (11 days), <https://acme.atlassian.net/browse/FLOW-4|FLOW-4> (10 days)',
    );
    expect(text).toContain('4 in progress longer than 9 days');
    expect(blockKitProblems(message!.blocks)).toEqual([]);
  });

  it('names nothing when every item at risk is secured, and still counts them', () => {
    const [message] = digestMessages([project('FLOW', { mayName: () => false })], AT);
    const text = JSON.stringify(message!.blocks);
    expect(text).not.toMatch(/FLOW-\d/);
    expect(text).not.toContain('Oldest at risk');
    expect(text).toContain('4 in progress longer than 9 days');
  });

  it('writes plain keys when the site is not known, and hours with one decimal', () => {
    const [message] = digestMessages(
      [
        project('OPS', {
          pageUrl: null,
          issueUrl: () => null,
          figures: figures({ unit: 'hours', cycleTime: { p50: 5.26, p85: 40, items: 3 } }),
        }),
      ],
      AT,
    );
    const text = JSON.stringify(message!.blocks);
    expect(text).toContain('*OPS*');
    expect(text).toContain('5.3 h (50%) · 40 h (85%)');
    expect(text).not.toContain('<');
  });

  it('says what is missing instead of printing nothing', () => {
    const [message] = digestMessages(
      [
        project('NEW', {
          figures: figures({
            throughput: { lastWeek: 1, weekBefore: null },
            cycleTime: { p50: null, p85: null, items: 0 },
            wip: 1,
            atRisk: [],
          }),
        }),
      ],
      AT,
    );
    const text = JSON.stringify(message!.blocks);
    expect(text).toContain('1 item finished in the last 7 days (no full week before to compare)');
    expect(text).toContain('nothing finished in the last 30 days');
    expect(text).toContain('*At risk*\\nnone');
    expect(blockKitProblems(message!.blocks)).toEqual([]);
  });

  it("spreads many projects over several messages, each within Slack's limits", () => {
    const keys = Array.from({ length: PROJECTS_PER_MESSAGE * 2 + 3 }, (_, i) => `P${i}`);
    const messages = digestMessages(
      keys.map((key) => project(key)),
      AT,
    );
    expect(messages.map((message) => message.projectKeys.length)).toEqual([PROJECTS_PER_MESSAGE, PROJECTS_PER_MESSAGE, 3]);
    expect(messages.flatMap((message) => message.projectKeys)).toEqual(keys);
    for (const message of messages) expect(blockKitProblems(message.blocks)).toEqual([]);
    expect(messages[1]!.text).toMatch(/^Weekly flow digest, 30 Nov 2026 \(continued\)/);
  });

  it('has nothing to post without a project', () => {
    expect(digestMessages([], AT)).toEqual([]);
  });
});
