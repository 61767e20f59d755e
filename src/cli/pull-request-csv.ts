/**
 * The pull-request figures of `flow-metrics report --pull-requests …` as CSV tables, one per figure set of the
 * Pull requests tab, beside the report's own tables (report-csv.ts). Durations are hours with two decimals, as
 * in the JSON report's `pullRequests` section (pull-request-report.ts), so the two read the same.
 */
import { PHASE_PERCENTILES, TIME_SPLIT_PARTS } from '../domain';
import { csvText, type CsvCell } from '../shared/csv';
import { PULL_REQUEST_TABLE_NAMES, type PullRequestTableName } from './csv-table-names';
import type { CsvTable } from './report-csv';
import type { PullRequestSection } from './pull-request-report';

const csv = (header: string[], rows: CsvCell[][]): string => csvText(header, rows, '\n');

/** One writer per table named in csv-table-names.ts, which says their order. */
const PULL_REQUEST_TABLE_WRITERS = {
  'pull-request-summary': (section: PullRequestSection): string =>
    csv(
      ['name', 'value'],
      [
        ...section.repositories.map((repository): CsvCell[] => ['repository', repository]),
        ['read', section.read],
        ['merged', section.merged],
        ['finishedItems', section.finishedItems],
        ['finishedWithPullRequest', section.finishedWithPullRequest],
        ['shareWithPullRequest', section.shareWithPullRequest],
      ],
    ),
  'pull-request-phases': (section: PullRequestSection): string =>
    csv(
      ['phase', 'count', ...PHASE_PERCENTILES.map((percentile) => `p${percentile}Hours`)],
      section.phases.map((phase) => [
        phase.phase,
        phase.count,
        ...PHASE_PERCENTILES.map((percentile) => phase.hours[String(percentile)] ?? null),
      ]),
    ),
  'pull-request-sizes': (section: PullRequestSection): string =>
    csv(
      ['size', 'upToLines', 'count'],
      section.sizes.map((size) => [size.size, size.upToLines, size.count]),
    ),
  'pull-request-waiting': (section: PullRequestSection): string =>
    csv(
      ['repository', 'number', 'jiraKeys', 'hoursWaiting'],
      section.waitingForFirstReview.map((pull) => [pull.repository, pull.number, pull.jiraKeys.join(' '), pull.hours]),
    ),
  /** Per finished item with a pull request, then the sum over them as the row `total`. */
  'pull-request-time-split': (section: PullRequestSection): string =>
    csv(
      ['key', ...TIME_SPLIT_PARTS.map((part) => `${part}Hours`)],
      [
        ...section.timeSplit.items.map((item): CsvCell[] => [item.key, ...TIME_SPLIT_PARTS.map((part) => item.hours[part])]),
        ['total', ...TIME_SPLIT_PARTS.map((part) => section.timeSplit.totals[part])],
      ],
    ),
} satisfies Record<PullRequestTableName, (section: PullRequestSection) => string>;

export function pullRequestTable(section: PullRequestSection, name: PullRequestTableName): string {
  return PULL_REQUEST_TABLE_WRITERS[name](section);
}

export function pullRequestTables(section: PullRequestSection): CsvTable[] {
  return PULL_REQUEST_TABLE_NAMES.map((name) => ({ name, csv: pullRequestTable(section, name) }));
}
