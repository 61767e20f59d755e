/**
 * `npm run bench:first-change`: the report worker's first answer to each kind of filter change, with and
 * without the rehearsal it runs once the first report is drawn (see report-rehearsal.ts), on a synthetic project
 * of 20,000 issues (`BENCH_FIRST_CHANGE_ISSUES` overrides).
 *
 * Each round starts two fresh Node processes, one of each, alternately (`BENCH_FIRST_CHANGE_ROUNDS`, 5 by
 * default): each sends the worker's answers the history, asks the first report, rehearses or not, then asks one
 * change of each kind (a period, a stage range from the first stage, Story unticked), each question naming the
 * items the answers before gave (as the page does), and times each answer with its copy between threads
 * (structured clone) in the process's CPU time (user + system), which a loaded machine
 * disturbs less than the wall clock. The rehearsal's own cost is printed too: it runs while the reader looks at
 * the first chart.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { type ReportFilters } from '../src/domain';
import { reportRehearsal } from '../static/project-page/src/report-rehearsal';
import { reportWorkerAnswers } from '../static/project-page/src/report-worker-answers';
import { generateSyntheticHistory, SYNTHETIC_END, SYNTHETIC_ISSUE_TYPES, SYNTHETIC_WORKFLOW } from './synthetic-project';

const ISSUES = Number(process.env['BENCH_FIRST_CHANGE_ISSUES'] ?? 20_000);
const ROUNDS = Number(process.env['BENCH_FIRST_CHANGE_ROUNDS'] ?? 5);
/**
 * With `BENCH_FIRST_CHANGE_TICKED=1` the first filters tick every issue type, as the page's defaults do on a
 * project whose epics or sub-tasks are left out: every answer is then of a choice of items cut from the whole
 * history's, the path the page's own changes take. Without it, no type is ticked (all items).
 */
const TICKED = process.env['BENCH_FIRST_CHANGE_TICKED'] === '1';
const FIRST: ReportFilters = { issueTypes: TICKED ? [...SYNTHETIC_ISSUE_TYPES] : [], rangeDays: null, customRange: null };
const CHANGES: ReadonlyArray<[string, ReportFilters]> = [
  ['period: last 90 days', { ...FIRST, rangeDays: 90 }],
  ['stage range: from the first stage', { ...FIRST, stageRange: { from: 'Backlog', to: 'Done' } }],
  ['issue type: Story unticked', { ...FIRST, issueTypes: SYNTHETIC_ISSUE_TYPES.filter((type) => type !== 'Story') }],
];

const cpuMs = (run: () => unknown): number => {
  const before = process.cpuUsage();
  run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
};

/** One process: the first answer to each change, after a rehearsal or not. */
function oneProcess(rehearsed: boolean): Record<string, number> {
  const history = {
    kind: 'history' as const,
    history: generateSyntheticHistory(ISSUES),
    workflow: SYNTHETIC_WORKFLOW,
    flowConfig: null,
    now: SYNTHETIC_END,
  };
  const answer = reportWorkerAnswers();
  answer(history);
  let id = 0;
  // The items and tables of items the page holds, named in each question as the page's runner names them: an
  // answer then sends only what the page lacks (see `SentItems`).
  const held = new Set<number>();
  const ask = (filters: ReportFilters) =>
    cpuMs(() => {
      const sent = structuredClone(answer({ kind: 'figures', id: id++, filters, part: 'measures', heldItems: [...held] }));
      const items = sent?.kind === 'figures' && sent.figures.ok ? sent.figures.measures?.items : undefined;
      if (items !== undefined) held.add(items.id);
      if (items?.pick) held.add(items.pick.of);
    });
  const times: Record<string, number> = { 'first report': ask(FIRST) };
  if (rehearsed) {
    const steps: Array<() => void> = [];
    const rehearsal = reportRehearsal({ setTimeout: (run) => steps.push(run), clearTimeout: () => undefined });
    rehearsal.history(history);
    rehearsal.start(FIRST);
    times['the rehearsal itself'] = cpuMs(() => {
      while (steps.length > 0) steps.shift()!();
    });
  }
  for (const [name, filters] of CHANGES) times[name] = ask(filters);
  return times;
}

if (process.argv[2] === 'one') {
  console.log(JSON.stringify(oneProcess(process.argv[3] === 'rehearsed')));
} else {
  const runs: Record<'cold' | 'rehearsed', Array<Record<string, number>>> = { cold: [], rehearsed: [] };
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['cold', 'rehearsed'] as const) {
      loads.push(loadavg()[0]!);
      const output = execFileSync(process.execPath, ['--import', 'tsx', __filename, 'one', mode], { encoding: 'utf8' });
      runs[mode].push(JSON.parse(output.trim().split('\n').pop()!) as Record<string, number>);
    }
  }
  const median = (values: number[]) => values.slice().sort((a, b) => a - b)[values.length >> 1]!;
  const cell = (mode: 'cold' | 'rehearsed', name: string) => {
    const values = runs[mode].map((times) => times[name]).filter((value): value is number => value !== undefined);
    return values.length === 0 ? '' : `${median(values).toFixed(0)} ms (${values.map((value) => value.toFixed(0)).join(', ')})`;
  };
  console.log(
    `Report worker's first answer to each change, ${ISSUES.toLocaleString('en-US')} issues${TICKED ? ', every type ticked' : ''}, CPU time, median of ${ROUNDS} processes each` +
      ` (load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)})\n`,
  );
  console.log('| answer | not rehearsed | rehearsed |\n|---|---:|---:|');
  for (const name of ['first report', 'the rehearsal itself', ...CHANGES.map(([name]) => name)])
    console.log(`| ${name} | ${cell('cold', name)} | ${cell('rehearsed', name)} |`);
}
