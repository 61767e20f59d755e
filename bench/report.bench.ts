/**
 * `npm run bench`: times the full flow report on synthetic projects of 10k, 100k and 200k issues (about ten
 * status changes each) and measures peak memory.
 *
 * Each size runs in its own child process, so peak memory (max RSS) belongs to that size alone: the child
 * generates the project in the compact format the app stores, computes the report once cold (what a
 * resolver does after loading a project) and twice more warm, then serialises it to JSON as the command
 * does. Cost per 1,000 issues shows whether growth is linear.
 *
 * A second table times the `flow-metrics` command's own path for the smaller sizes: Jira JSON text (the
 * search/jql shape) parsed, validated and compacted, then reported.
 *
 * This machine is shared and timings are noisy, so each size runs in `--repeat` fresh processes (3 by
 * default) and the table shows the median and the best cold run; peak memory is the largest seen.
 *
 * Options: `--sizes 10000,100000` to choose sizes; `--repeat N`; `--no-ingest` to skip the second table.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { buildFlowReport, compactHistoryFromSearch, DEFAULT_FLOW_CONFIG, formatIsoTimestamp, issueAt } from '../src/domain';
import { generateSyntheticHistory, SYNTHETIC_END } from './synthetic-project';

interface ReportMeasurement {
  issues: number;
  statusChanges: number;
  coldMs: number;
  warmMs: number;
  jsonMs: number;
  jsonMB: number;
  maxRssMB: number;
  /** The process before any work: Node, the TypeScript loader and the modules. */
  baselineRssMB: number;
}

interface IngestMeasurement {
  issues: number;
  inputMB: number;
  parseMs: number;
  compactMs: number;
  reportMs: number;
  maxRssMB: number;
}

const run = { now: SYNTHETIC_END, seed: 1 };

const maxRssMB = () => process.resourceUsage().maxRSS / 1024;

function measureReport(issues: number): ReportMeasurement {
  const baselineRssMB = maxRssMB();
  const history = generateSyntheticHistory(issues);
  let started = performance.now();
  let report: unknown = buildFlowReport(history, DEFAULT_FLOW_CONFIG, run);
  const coldMs = performance.now() - started;
  started = performance.now();
  const jsonMB = JSON.stringify(report).length / 1e6;
  const jsonMs = performance.now() - started;
  // Peak memory of one report (history, report and its JSON), before the warm runs add garbage of their own.
  const peakRssMB = maxRssMB();
  report = null;
  let warmMs = Infinity;
  for (let k = 0; k < 2; k++) {
    started = performance.now();
    buildFlowReport(history, DEFAULT_FLOW_CONFIG, run);
    warmMs = Math.min(warmMs, performance.now() - started);
  }
  return { issues, statusChanges: history.transitionAt.length, coldMs, warmMs, jsonMs, jsonMB, maxRssMB: peakRssMB, baselineRssMB };
}

/** The synthetic project as Jira's search/jql JSON text, with changelog.histories. */
function jiraSearchJson(issues: number): string {
  const history = generateSyntheticHistory(issues);
  const parts: string[] = [];
  for (let i = 0; i < issues; i++) {
    const issue = issueAt(history, i);
    let previous = issue.initialStatus;
    const histories = issue.transitions.map((transition, h) => {
      const item = {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: previous.id,
        fromString: previous.name,
        to: transition.status.id,
        toString: transition.status.name,
      };
      previous = transition.status;
      return { id: String(i * 100 + h), created: formatIsoTimestamp(transition.at).replace('Z', '+0000'), items: [item] };
    });
    parts.push(
      JSON.stringify({
        id: issue.id,
        key: issue.key,
        fields: {
          issuetype: { name: issue.type },
          status: { id: previous.id, name: previous.name, statusCategory: { key: previous.category } },
          created: formatIsoTimestamp(issue.created).replace('Z', '+0000'),
          resolutiondate: issue.resolved === null ? null : formatIsoTimestamp(issue.resolved).replace('Z', '+0000'),
          project: { key: 'SYN' },
        },
        changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
      }),
    );
  }
  return `[${parts.join(',')}]`;
}

function measureIngest(issues: number): IngestMeasurement {
  const text = jiraSearchJson(issues);
  let started = performance.now();
  const parsed = JSON.parse(text) as unknown[];
  const parseMs = performance.now() - started;
  started = performance.now();
  const history = compactHistoryFromSearch(parsed);
  const compactMs = performance.now() - started;
  started = performance.now();
  buildFlowReport(history, DEFAULT_FLOW_CONFIG, run);
  const reportMs = performance.now() - started;
  return { issues, inputMB: text.length / 1e6, parseMs, compactMs, reportMs, maxRssMB: maxRssMB() };
}

function inChild<T>(mode: string, issues: number): T {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, `--child-${mode}`, String(issues)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`benchmark child for ${issues} issues failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as T;
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padStart(widths[c]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

function main(argv: string[]): void {
  const childMode = argv.find((arg) => arg.startsWith('--child-'));
  if (childMode) {
    const issues = Number(argv[argv.indexOf(childMode) + 1]);
    const result = childMode === '--child-report' ? measureReport(issues) : measureIngest(issues);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const sizes = option(argv, '--sizes')?.split(',').map(Number) ?? [10_000, 100_000, 200_000];
  const repeat = Number(option(argv, '--repeat') ?? 3);
  const cores = cpus();
  console.log(`flow report benchmark: Node ${process.version}, ${cores.length} × ${cores[0]?.model ?? 'cpu'}`);
  console.log(
    `Full report from the compact history (all metrics, forecasts with 10,000 trials, backtest of 12 weeks), ` +
      `${repeat} fresh processes per size:\n`,
  );
  const rows = sizes.map((issues) => {
    const runs = Array.from({ length: repeat }, () => inChild<ReportMeasurement>('report', issues));
    const cold = median(runs.map((r) => r.coldMs));
    return [
      issues,
      runs[0]!.statusChanges,
      fixed(cold),
      fixed(Math.min(...runs.map((r) => r.coldMs))),
      fixed(median(runs.map((r) => r.warmMs))),
      fixed(cold / (issues / 1000), 2),
      fixed(median(runs.map((r) => r.jsonMs))),
      fixed(runs[0]!.jsonMB, 1),
      fixed(Math.max(...runs.map((r) => r.maxRssMB))),
      fixed(median(runs.map((r) => r.baselineRssMB))),
    ];
  });
  console.log(
    table(
      ['issues', 'status changes', 'report ms (cold, median)', 'cold, best', 'warm, median', 'ms per 1k issues', 'JSON.stringify ms', 'JSON MB', 'peak RSS MB', 'of which baseline'],
      rows,
    ),
  );
  if (argv.includes('--no-ingest')) return;
  console.log('\nThe command-line path: Jira search/jql JSON text → parse → validate and compact → report:\n');
  const ingests = sizes.filter((issues) => issues <= 100_000).map((issues) => inChild<IngestMeasurement>('ingest', issues));
  console.log(
    table(
      ['issues', 'input MB', 'JSON.parse ms', 'compact ms', 'report ms', 'peak RSS MB'],
      ingests.map((r) => [r.issues, fixed(r.inputMB, 1), fixed(r.parseMs), fixed(r.compactMs), fixed(r.reportMs), fixed(r.maxRssMB)]),
    ),
  );
}

main(process.argv.slice(2));
