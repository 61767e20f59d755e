import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFlowReport, finishedItems, parseFlowConfig, pullRequestFigures, reportPeriod, type FlowReport } from '../domain';
import { pullRequest } from '../domain/testing/pull-request-fixture';
import { readFlowConfig } from './config-input';
import { runFlowMetrics, type CommandIo } from './flow-metrics-command';
import { pieceText } from './json-pieces';
import { readIssues } from './report-input';
import type { PullRequestSection } from './pull-request-report';

/**
 * `flow-metrics report --pull-requests owner/name=FILE`: pull requests exported from GitHub's GraphQL API
 * (the sync's own query) beside the Jira export. The figures are checked against hand-computed values, and
 * against the Pull requests tab's computation over the same pull requests written as the app stores them.
 */
const FIXTURES = join(__dirname, 'fixtures');
const files: Record<string, string> = {
  'issues.json': readFileSync(join(FIXTURES, 'issues.json'), 'utf8'),
  'workflow.json': readFileSync(join(FIXTURES, 'workflow.json'), 'utf8'),
  'pull-requests.json': readFileSync(join(FIXTURES, 'pull-requests.json'), 'utf8'),
};
const NOW = Date.parse('2026-01-31T00:00:00Z');
const HOUR = 3_600_000;

function run(args: string[], extra: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const all = { ...files, ...extra };
  const readText = (path: string) => {
    if (!(path in all)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return all[path]!;
  };
  const io: CommandIo = {
    readText,
    *readChunks(path) {
      yield Buffer.from(readText(path));
    },
    writeText: () => undefined,
    writePieces: () => undefined,
    makeDirectory: () => undefined,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    now: () => NOW,
    readConfig: readFlowConfig,
  };
  return { code: runFlowMetrics(args, io), stdout, stderr };
}

const REPORT = ['report', '--input', 'issues.json', '--config', 'workflow.json', '--now', '2026-01-31T00:00:00Z'];

function section(): PullRequestSection {
  const { code, stdout, stderr } = run([...REPORT, '--pull-requests', 'acme/web=pull-requests.json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(stdout) as FlowReport & { pullRequests: PullRequestSection }).pullRequests;
}

describe('flow-metrics with pull requests exported from GitHub', () => {
  it('reports the hand-computed figures of the fixture', () => {
    const figures = section();
    expect(figures).toMatchObject({
      repositories: ['acme/web'],
      read: 2,
      merged: 1,
      finishedItems: 5,
      finishedWithPullRequest: 2,
      shareWithPullRequest: 0.4,
    });
    // #101: first commit 6 Jan 12:00, opened 7 Jan 10:00, first review 16:00, approved 8 Jan 10:00, merged 12:00.
    expect(figures.phases).toEqual([
      { phase: 'coding', count: 1, hours: { '50': 22, '85': 22, '95': 22 } },
      { phase: 'pickup', count: 1, hours: { '50': 6, '85': 6, '95': 6 } },
      { phase: 'review', count: 1, hours: { '50': 18, '85': 18, '95': 18 } },
      { phase: 'merge', count: 1, hours: { '50': 2, '85': 2, '95': 2 } },
    ]);
    // 30 + 5 lines by hand; package-lock.json and the linguist-generated src/generated/ are left out.
    expect(figures.sizes.map((size) => `${size.size}:${size.count}`)).toEqual(['XS:0', 'S:1', 'M:0', 'L:0', 'XL:0']);
    // #102 opened as a draft on 29 Jan, ready on 30 Jan 00:00: a day waiting by the 31st. ISO-8601 is no issue.
    expect(figures.waitingForFirstReview).toEqual([{ repository: 'acme/web', number: 102, jiraKeys: ['WEB-2'], hours: 24 }]);
    // WEB-1: started 6 Jan 10:00, done 9 Jan 11:00 (73 h): 2 h before the first commit, the four phases, 23 h after the merge.
    expect(figures.timeSplit.items).toEqual([
      { key: 'WEB-1', hours: { before: 2, coding: 22, pickup: 6, review: 18, merge: 2, between: 0, after: 23 } },
    ]);
    expect(figures.timeSplit.totals).toEqual({ before: 2, coding: 22, pickup: 6, review: 18, merge: 2, between: 0, after: 23 });
  });

  it('writes the same hand-computed figures as CSV, one table per figure set', () => {
    const table = (name: string) => {
      const { code, stdout, stderr } = run([
        ...REPORT,
        '--pull-requests',
        'acme/web=pull-requests.json',
        '--format',
        'csv',
        '--table',
        name,
      ]);
      expect([code, stderr]).toEqual([0, '']);
      return stdout;
    };
    expect(table('pull-request-summary')).toBe(
      'name,value\nrepository,acme/web\nread,2\nmerged,1\nfinishedItems,5\nfinishedWithPullRequest,2\nshareWithPullRequest,0.4\n',
    );
    // #101's phases in hours, as counted above: 22, 6, 18 and 2; one pull request, so every percentile is its value.
    expect(table('pull-request-phases')).toBe(
      'phase,count,p50Hours,p85Hours,p95Hours\ncoding,1,22,22,22\npickup,1,6,6,6\nreview,1,18,18,18\nmerge,1,2,2,2\n',
    );
    // 35 lines without generated files: S (11 to 50); #102 is open, so not counted. The last class has no upper bound.
    expect(table('pull-request-sizes')).toBe('size,upToLines,count\nXS,10,0\nS,50,1\nM,250,0\nL,1000,0\nXL,,0\n');
    expect(table('pull-request-waiting')).toBe('repository,number,jiraKeys,hoursWaiting\nacme/web,102,WEB-2,24\n');
    // WEB-1's 73 hours: 2 before the first commit, 22 + 6 + 18 + 2 in the pull request, 23 after the merge.
    expect(table('pull-request-time-split')).toBe(
      'key,beforeHours,codingHours,pickupHours,reviewHours,mergeHours,betweenHours,afterHours\nWEB-1,2,22,6,18,2,0,23\ntotal,2,22,6,18,2,0,23\n',
    );

    // With --out and no --table, every table: the report's, then the pull requests'.
    const written = new Map<string, string>();
    const io: CommandIo = {
      readText: (path) => files[path]!,
      *readChunks(path) {
        yield Buffer.from(files[path]!);
      },
      writeText: (path, text) => void written.set(path, text),
      writePieces: (path, pieces) => void written.set(path, Array.from(pieces, pieceText).join('')),
      makeDirectory: () => undefined,
      stdout: () => undefined,
      stderr: () => undefined,
      now: () => NOW,
      readConfig: readFlowConfig,
    };
    expect(runFlowMetrics([...REPORT, '--pull-requests', 'acme/web=pull-requests.json', '--format', 'csv', '--out', 'out'], io)).toBe(0);
    const names = [...written.keys()].map((path) => path.replace(/^out\//, ''));
    expect(names.filter((name) => name.startsWith('pull-request-'))).toEqual([
      'pull-request-summary.csv',
      'pull-request-phases.csv',
      'pull-request-sizes.csv',
      'pull-request-waiting.csv',
      'pull-request-time-split.csv',
    ]);
    expect(names).toContain('throughput.csv');
    expect(written.get('out/pull-request-phases.csv')).toBe(table('pull-request-phases'));
  });

  it("equals the Pull requests tab's computation over the same pull requests", () => {
    // The two pull requests as the sync stores them, written out by hand from the fixture.
    const stored = [
      pullRequest({
        repository: 'acme/web',
        number: 101,
        jiraKeys: ['WEB-1'],
        firstCommitAt: Date.parse('2026-01-06T12:00:00Z'),
        createdAt: Date.parse('2026-01-07T10:00:00Z'),
        firstReviewAt: Date.parse('2026-01-07T16:00:00Z'),
        approvedAt: Date.parse('2026-01-08T10:00:00Z'),
        mergedAt: Date.parse('2026-01-08T12:00:00Z'),
        closedAt: Date.parse('2026-01-08T12:00:00Z'),
        additions: 30,
        deletions: 5,
        changedFiles: 1,
        updatedAt: Date.parse('2026-01-08T12:00:00Z'),
      }),
      pullRequest({
        repository: 'acme/web',
        number: 102,
        jiraKeys: ['WEB-2'],
        firstCommitAt: Date.parse('2026-01-28T18:00:00Z'),
        createdAt: Date.parse('2026-01-29T00:00:00Z'),
        draftPeriods: [[Date.parse('2026-01-29T00:00:00Z'), Date.parse('2026-01-30T00:00:00Z')]],
        additions: 120,
        deletions: 40,
        changedFiles: 1,
        updatedAt: Date.parse('2026-01-30T00:00:00Z'),
      }),
    ];
    const config = parseFlowConfig(JSON.parse(files['workflow.json']!));
    const { history } = readIssues([Buffer.from(files['issues.json']!)], 'issues.json', config, (error) => error as Error);
    const report = buildFlowReport(history, config, { now: NOW, seed: 1 });
    const tab = pullRequestFigures(stored, finishedItems(history, config, NOW), reportPeriod(report), NOW);
    const cli = section();
    const hours = (ms: number) => Math.round((ms / HOUR) * 100) / 100;
    expect(cli.merged).toBe(tab.merged);
    expect(cli.phases.map((phase) => [phase.phase, phase.count, Object.values(phase.hours)])).toEqual(
      tab.phases.map((phase) => [phase.phase, phase.count, phase.values.map(hours)]),
    );
    expect(cli.sizes.map((size) => size.count)).toEqual(tab.sizes.map((size) => size.count));
    expect(cli.waitingForFirstReview.map((pull) => [pull.number, pull.hours])).toEqual(
      tab.waiting.map((pull) => [pull.number, hours(pull.waitingMs)]),
    );
    expect([cli.finishedItems, cli.finishedWithPullRequest]).toEqual([tab.finished, tab.finishedWithPullRequest]);
    expect(cli.timeSplit.items.map((item) => [item.key, Object.values(item.hours)])).toEqual(
      tab.splits.map(({ key, split }) => [key, Object.values(split).map(hours)]),
    );
  });

  it('takes several pages and keeps the newest reading of a pull request read twice', () => {
    // One page of GitHub's GraphQL answer, as far as this test reads it.
    type PullRequestsPage = { data: { repository: { pullRequests: { nodes: Record<string, unknown>[] } } } };
    const page = (JSON.parse(files['pull-requests.json']!) as PullRequestsPage[])[0]!;
    const older = structuredClone(page);
    older.data.repository.pullRequests.nodes = [
      {
        ...page.data.repository.pullRequests.nodes[0],
        mergedAt: null,
        closedAt: null,
        reviews: { nodes: [] },
        updatedAt: '2026-01-07T11:00:00Z',
      },
    ];
    const { stdout, code } = run([...REPORT, '--pull-requests', 'acme/web=pages.json'], { 'pages.json': JSON.stringify([older, page]) });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { pullRequests: unknown }).pullRequests).toEqual(section());
  });

  it.each([
    [['--pull-requests', 'pull-requests.json'], '--pull-requests: "pull-requests.json" is not owner/name=FILE'],
    [['--pull-requests', 'acme/web=missing.json'], 'cannot read --pull-requests file "missing.json": no such file'],
    [['--pull-requests', 'acme/web=issues.json'], 'issues.json: [0]: is not an answer of the pull-request query'],
    [['--pull-requests', 'acme/web=bad.json'], 'bad.json: [0].data.repository.pullRequests.nodes[0] (#7).createdAt: is not a date-time'],
    [
      ['--format', 'csv', '--table', 'pull-request-phases'],
      '--table pull-request-phases is a table of pull requests: give them with --pull-requests',
    ],
  ])('refuses %j, naming the file and the field', (extra, message) => {
    const bad = JSON.stringify([{ data: { repository: { pullRequests: { nodes: [{ number: 7, createdAt: 'yesterday' }] } } } }]);
    const { code, stderr } = run([...REPORT, ...extra], { 'bad.json': bad });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
