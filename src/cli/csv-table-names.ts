/**
 * The names of the command's CSV tables, in the order they are written: the `--table` values and the file
 * names under `--out`. Kept apart from the writers (report-csv.ts, pull-request-csv.ts, each checked to have
 * a writer for exactly these names) so that `--help`, which lists them, starts without loading the engine.
 */

/** The report's tables. */
export const REPORT_TABLE_NAMES = [
  'summary',
  'items',
  'percentiles',
  'histogram',
  'scatter',
  'throughput',
  'net-flow',
  'wip',
  'cfd',
  'aging',
  'time-in-status',
  'forecast-how-many',
  'forecast-when',
  'forecast-backtest',
] as const;

export type ReportTableName = (typeof REPORT_TABLE_NAMES)[number];

/** The pull requests' tables, written only when `--pull-requests` gives pull requests to read. */
export const PULL_REQUEST_TABLE_NAMES = [
  'pull-request-summary',
  'pull-request-phases',
  'pull-request-sizes',
  'pull-request-waiting',
  'pull-request-time-split',
] as const;

export type PullRequestTableName = (typeof PULL_REQUEST_TABLE_NAMES)[number];

export function isReportTableName(name: string): name is ReportTableName {
  return (REPORT_TABLE_NAMES as readonly string[]).includes(name);
}

export function isPullRequestTableName(name: string): name is PullRequestTableName {
  return (PULL_REQUEST_TABLE_NAMES as readonly string[]).includes(name);
}
