import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFlowReport, type FlowReport, type JiraSearchIssue } from '../domain';
import { readFlowConfig } from './config-input';
import { runFlowMetrics, type CommandIo } from './flow-metrics-command';
import { pieceText } from './json-pieces';
import { readIssues } from './report-input';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'cli', 'bin', 'flow-metrics.js');
const ISSUES = join(__dirname, 'fixtures', 'issues.json');
const WORKFLOW = join(__dirname, 'fixtures', 'workflow.json');
const NOW = '2026-01-31T00:00:00Z';

function flowMetrics(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 1 << 26 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command in process against in-memory files. */
function runInMemory(args: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  const readText = (path: string) => {
    if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return files[path]!;
  };
  const io: CommandIo = {
    readText,
    // Small pieces, so issues and characters are split across reads.
    *readChunks(path) {
      const bytes = Buffer.from(readText(path));
      for (let at = 0; at < bytes.length; at += 97) yield bytes.subarray(at, at + 97);
    },
    writeText: (path, text) => void (written[path] = text),
    writePieces: (path, pieces) => void (written[path] = Array.from(pieces, pieceText).join('')),
    makeDirectory: () => undefined,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    now: () => Date.UTC(2026, 0, 31),
    readConfig: readFlowConfig,
  };
  const code = runFlowMetrics(args, io);
  return { code, stdout, stderr, written };
}

const fixtureIssues = () => JSON.parse(readFileSync(ISSUES, 'utf8')) as JiraSearchIssue[];

describe('flow-metrics command, end to end', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'flow-metrics-'));
    // The command runs compiled (cli/build): compile the sources under test first.
    const build = spawnSync(process.execPath, [join(ROOT, 'src', 'cli', 'build-command.mjs')], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`building the command failed: ${build.stderr}`);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints the JSON report for a Jira export', () => {
    const { code, stdout, stderr } = flowMetrics(['report', '--input', ISSUES, '--config', WORKFLOW, '--now', NOW, '--seed', '1']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as FlowReport;
    expect(report.generated).toMatchObject({ window: { from: '2026-01-05', to: '2026-01-31' }, items: 9, doneInWindow: 5, inProgress: 3 });
    const byKey = Object.fromEntries(report.items.map((item) => [item.key, item]));
    expect(byKey['WEB-1']).toMatchObject({
      start: '2026-01-06',
      done: '2026-01-09',
      cycleTime: 4,
      leadTime: 5,
      age: null,
      flowEfficiency: 0.726,
    });
    expect(byKey['WEB-2']).toMatchObject({ cycleTime: 1 }); // same-day start and done
    expect(byKey['WEB-3']).toMatchObject({ cycleTime: 9, blockedTime: 1 }); // rework, flagged a day
    expect(byKey['WEB-4']).toMatchObject({ status: 'To Do', start: '2026-01-09', done: null, age: 23 }); // abandoned, kept
    expect(byKey['WEB-6']).toMatchObject({ start: '2026-01-12', done: '2026-01-21', cycleTime: 10 }); // reopened
    expect(byKey['WEB-7']).toMatchObject({ start: '2026-01-13', done: '2026-01-20', cycleTime: 8 }); // moved from OPS-12
    expect(byKey['WEB-8']).toMatchObject({ start: '2026-01-19', stageDates: { 'In Progress': null, Review: '2026-01-19' } }); // skipped start
    expect(report.percentiles).toEqual({ '50': 8, '70': 9, '85': 10, '95': 10 });
    expect(report.aging).toEqual([
      { key: 'WEB-4', stage: 'Backlog', status: 'To Do', age: 23, percentileBand: 95 },
      { key: 'WEB-8', stage: 'Review', status: 'In Review', age: 13, percentileBand: 95 },
      { key: 'WEB-9', stage: 'In Progress', status: 'In Progress', age: 10, percentileBand: 70 },
    ]);
    expect(report.throughput[0]).toEqual({ start: '2026-01-05', end: '2026-01-11', count: 2 });
    expect(report.cfd).toHaveLength(27);
    expect(report.wip).toHaveLength(27);
    expect(report.forecast.trials).toBe(10_000);
    expect(report.forecast.when!.items).toBe(5);
    expect(report.forecast.backtest.weeks.length).toBeGreaterThan(0);
    // Same input and seed: same report.
    expect(flowMetrics(['report', '--input', ISSUES, '--config', WORKFLOW, '--now', NOW]).stdout).toBe(stdout);
  });

  it('writes CSV tables into --out', () => {
    const out = join(work, 'csv');
    const { code, stderr } = flowMetrics(['report', '--input', ISSUES, '--now', '2026-01-31', '--format', 'csv', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/wrote 14 CSV files/);
    expect(readdirSync(out)).toContain('items.csv');
    expect(readFileSync(join(out, 'throughput.csv'), 'utf8').split('\n')[0]).toBe('start,end,count');
  });

  it('explains every option with --help', () => {
    const { code, stdout } = flowMetrics(['--help']);
    expect(code).toBe(0);
    for (const option of ['--input', '--config', '--now', '--seed', '--format', '--out', '--help']) expect(stdout).toContain(option);
  });

  it('exits 2 with a clear message on input that is not JSON', () => {
    const path = join(work, 'broken.json');
    writeFileSync(path, '[{"key": "WEB-1",');
    const { code, stderr, stdout } = flowMetrics(['report', '--input', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^flow-metrics: .*broken\.json is not valid JSON: /);
  });

  it('exits 2 naming the issue and field of an unknown status', () => {
    const issues = fixtureIssues();
    const item = issues[3]!.changelog.histories[1]!.items[0]!;
    Object.assign(item, { to: '10050', toString: 'Blocked' }); // WEB-4 moves to a status nobody maps
    const path = join(work, 'unknown-status.json');
    writeFileSync(path, JSON.stringify(issues));
    const { code, stderr } = flowMetrics(['report', '--input', path, '--config', WORKFLOW, '--now', NOW]);
    expect(code).toBe(2);
    // The edited changelog no longer ends in the issue's current status: a warning comes first.
    expect(stderr.trim().split('\n').pop()).toBe(
      `flow-metrics: ${path}: WEB-4: changelog.histories[1].items[0].to: status "Blocked" (id 10050) is not mapped to any stage of the workflow; add it (by name or id) to a stage in the config`,
    );
  });
});

describe('flow-metrics command, bad input', () => {
  const issues = readFileSync(ISSUES, 'utf8');
  const workflow = readFileSync(WORKFLOW, 'utf8');
  const withIssue = (change: (issues: JiraSearchIssue[]) => void) => {
    const list = fixtureIssues();
    change(list);
    return JSON.stringify(list);
  };

  it.each([
    ['a missing file', {}, 'cannot read --input file "issues.json": no such file'],
    [
      'not an array',
      { 'issues.json': '{"total": 3}' },
      'issues.json: expected a JSON array of issues (search/jql shape), or an object with an "issues" array',
    ],
    ['an issue that is not an object', { 'issues.json': '[1]' }, 'issues.json: issue #0: (issue): expected an object, got 1'],
    [
      'an impossible created date',
      { 'issues.json': withIssue((list) => (list[1]!.fields.created = '2026-02-30T09:00:00.000+0000')) },
      'issues.json: WEB-2: fields.created: "2026-02-30T09:00:00.000+0000" is not a date-time with a time zone offset between 1970 and 2199',
    ],
    [
      // A date-time read from the file's bytes as an instant: the message still quotes the file's text.
      'a created date before 1970',
      { 'issues.json': withIssue((list) => (list[1]!.fields.created = '1969-12-31T23:00:00.000+0000')) },
      'issues.json: WEB-2: fields.created: "1969-12-31T23:00:00.000+0000" is not a date-time with a time zone offset between 1970 and 2199',
    ],
    [
      'a resolution before the issue was created',
      { 'issues.json': withIssue((list) => (list[0]!.fields.resolutiondate = '2025-12-01T09:00:00.000+0000')) },
      `issues.json: WEB-1: fields.resolutiondate: 2025-12-01T09:00:00.000+0000 is before the issue was created (${fixtureIssues()[0]!.fields.created})`,
    ],
    [
      'a change before the issue existed',
      { 'issues.json': withIssue((list) => (list[0]!.changelog.histories[0]!.created = '2025-12-01T09:00:00.000+0000')) },
      'issues.json: WEB-1: changelog.histories[0].created: 2025-12-01T09:00:00.000+0000 is before the issue was created',
    ],
    [
      'no changelog',
      { 'issues.json': withIssue((list) => Reflect.deleteProperty(list[2]!, 'changelog')) },
      'issues.json: WEB-3: changelog: missing: fetch issues with expand=changelog',
    ],
    [
      'a duplicate key',
      { 'issues.json': withIssue((list) => (list[1]!.key = 'WEB-1')) },
      'issues.json: WEB-1: key: the issue appears twice (positions 0 and 1)',
    ],
    [
      'an unknown status without config',
      {
        'issues.json': withIssue((list) => Object.assign(list[3]!.changelog.histories[1]!.items[0]!, { to: '10050', toString: 'Blocked' })),
      },
      'issues.json: WEB-4: changelog.histories[1].items[0].to: status "Blocked" (id 10050) is not mapped to any stage of the workflow; its status category is unknown',
    ],
  ])('%s', (_name, files, message) => {
    const { code, stderr, stdout } = runInMemory(['report', '--input', 'issues.json'], files);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`flow-metrics: ${message}`);
  });

  it('a bad config names the config file and field', () => {
    const { code, stderr } = runInMemory(['report', '--input', 'issues.json', '--config', 'workflow.json'], {
      'issues.json': issues,
      'workflow.json': JSON.stringify({ ...JSON.parse(workflow), conventions: { unit: 'weeks' } }),
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'flow-metrics: workflow.json: conventions.unit: expected one of "days-inclusive", "days-exclusive", "hours", got "weeks"\n',
    );
  });

  it('reads standard input, prints warnings, and uses the clock only without --now', () => {
    const truncated = withIssue((list) => (list[0]!.changelog.total = 250));
    const { code, stdout, stderr } = runInMemory(['report', '--input', '-'], { '-': truncated });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^flow-metrics: warning: WEB-1: the changelog holds 3 of 250 entries/);
    const report = JSON.parse(stdout) as FlowReport;
    expect(report.generated.now).toBe('2026-01-31T00:00:00.000Z');
    expect(report.warnings).toHaveLength(1);
  });

  it('writes report.json as JSON.stringify writes the report built whole, its rows written from their columns in runs', () => {
    // Hundreds of copies of the export's issues under other keys: lists of rows longer than a run of them.
    const copies = Array.from({ length: 30 }, (_, k) =>
      fixtureIssues().map((issue) => ({ ...issue, id: `${k}${issue.id}`, key: issue.key.replace(/\d+$/, (n) => `${k}0${n}`) })),
    ).flat();
    const text = JSON.stringify(copies);
    const { code, written } = runInMemory(['report', '--input', 'issues.json', '--config', 'workflow.json', '--now', NOW, '--out', 'out'], {
      'issues.json': text,
      'workflow.json': workflow,
    });
    expect(code).toBe(0);
    const config = readFlowConfig(workflow, 'workflow.json');
    if (!('config' in config)) throw new Error(config.problem);
    const { history, warnings } = readIssues([Buffer.from(text)], 'issues.json', config.config, (error) => error as Error);
    const report = buildFlowReport(history, config.config, { now: Date.parse(NOW), seed: 1, warnings });
    expect(report.items.length).toBeGreaterThan(200);
    expect(written[join('out', 'report.json')]).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('writes report.json into --out, and one CSV table, named by --table, to standard output or into --out', () => {
    const json = runInMemory(['report', '--input', 'issues.json', '--out', 'out'], { 'issues.json': issues });
    expect(Object.keys(json.written)).toEqual([join('out', 'report.json')]);
    const csv = runInMemory(['report', '--input', 'issues.json', '--format', 'csv', '--table', 'forecast-backtest'], {
      'issues.json': issues,
    });
    expect(csv.stdout.startsWith('start,end,forecast85,actual,hit\n')).toBe(true);
    const one = runInMemory(['report', '--input', 'issues.json', '--format', 'csv', '--table', 'wip', '--out', 'out'], {
      'issues.json': issues,
    });
    expect(Object.keys(one.written)).toEqual([join('out', 'wip.csv')]);
    expect(one.stderr).toMatch(/^flow-metrics: wrote out.wip\.csv \(as of /);
  });

  it('leaves out of throughput the items whose resolution the config marks discarded, and warns where the export has no resolutions', () => {
    const config = JSON.stringify({ ...JSON.parse(workflow), discardedResolutions: ["Won't Fix"] });
    const plain = runInMemory(['report', '--input', 'issues.json', '--config', 'workflow.json', '--now', '2026-01-31'], {
      'issues.json': issues,
      'workflow.json': config,
    });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('issues.json: no issue has a "resolution" field, so no item is discarded by its resolution');
    const before = JSON.parse(plain.stdout) as FlowReport;
    expect(before.discarded.items).toBe(0);

    const resolved = withIssue((list) => {
      for (const issue of list) issue.fields.resolution = issue.fields.resolutiondate ? { id: '10000', name: 'Done' } : null;
      list[0]!.fields.resolution = { id: '10004', name: "Won't Fix" };
    });
    const { code, stdout, stderr } = runInMemory(['report', '--input', 'issues.json', '--config', 'workflow.json', '--now', '2026-01-31'], {
      'issues.json': resolved,
      'workflow.json': config,
    });
    expect(code).toBe(0);
    expect(stderr).not.toContain('resolution');
    const report = JSON.parse(stdout) as FlowReport;
    expect(report.discarded).toEqual({ items: 1, byStatus: [{ status: "Won't Fix", items: 1 }] });
    expect(report.generated.doneInWindow).toBe(before.generated.doneInWindow - 1);
    expect(report.items.find((item) => item.key === 'WEB-1')).toMatchObject({ discarded: true, cycleTime: null });
  });

  it('reads --now as a date: the start of that day in the configured time zone', () => {
    const given = JSON.parse(workflow) as { conventions: Record<string, unknown> };
    const config = { ...given, conventions: { ...given.conventions, timeZone: 'Pacific/Auckland' } };
    const files = { 'issues.json': issues, 'workflow.json': JSON.stringify(config) };
    const { code, stdout } = runInMemory(['report', '--input', 'issues.json', '--config', 'workflow.json', '--now', '2026-01-31'], files);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as FlowReport;
    // Midnight in Auckland (UTC+13 in summer) is 11:00 UTC the day before; its date there is the one given.
    expect(report.generated).toMatchObject({ now: '2026-01-30T11:00:00.000Z', timeZone: 'Pacific/Auckland', window: { to: '2026-01-31' } });
  });
});
