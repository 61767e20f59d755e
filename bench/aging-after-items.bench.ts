/**
 * `npx tsx bench/aging-after-items.bench.ts`: the report worker's answer to the Aging tab right after a change
 * of items (issue types), on a synthetic project of 20,000 issues (`BENCH_AGING_ISSUES` overrides).
 *
 * For each choice of issue types, the measures are asked first (as the page does when the choice changes),
 * then the aging by stage as of now (the Aging tab's click): only the aging's answer is timed, in the process's
 * CPU time (user + system), which a loaded machine disturbs less than the wall clock.
 */
import { reportModel, type ReportFilters } from '../src/domain';
import { generateSyntheticHistory, SYNTHETIC_END, SYNTHETIC_WORKFLOW } from './synthetic-project';

const issues = Number(process.env.BENCH_AGING_ISSUES ?? 20_000);
const history = generateSyntheticHistory(issues);
const CHOICES = [[], ['Bug', 'Task'], ['Story', 'Task'], ['Story', 'Bug'], ['Story'], ['Bug'], ['Task']];

const cpuMs = (run: () => unknown): number => {
  const before = process.cpuUsage();
  run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
};

const model = reportModel(history, SYNTHETIC_WORKFLOW, null, SYNTHETIC_END);
const times: number[] = [];
for (const issueTypes of CHOICES) {
  const filters: ReportFilters = { issueTypes, rangeDays: null, customRange: null };
  model.windowMeasuresFor(filters);
  const ms = cpuMs(() => model.stageAgingFor(filters, null));
  if (issueTypes.length > 0) times.push(ms);
  console.log(`aging after items [${issueTypes.join(', ') || 'all'}]: ${ms.toFixed(1)} ms CPU`);
}
const sorted = times.slice().sort((a, b) => a - b);
console.log(`median over ${times.length} changes of items: ${sorted[sorted.length >> 1]!.toFixed(1)} ms CPU`);
