/**
 * Command-line arguments of `flow-metrics`: `report --input FILE [--config FILE] [--now DATE|ISO] [--seed N]
 * [--format json|csv] [--table NAME] [--out DIR] [--pull-requests owner/name=FILE …]`, each also as
 * `--name=value`, and `--help` anywhere.
 */
import { isoDateToDay, parseIsoTimestamp, type DayNumber } from '../domain';
import { CliInputError } from './cli-error';
import { isHelpRequest } from './cli-help';
import { parsePullRequestSource, type PullRequestSource } from './pull-request-input';
import {
  isPullRequestTableName,
  isReportTableName,
  PULL_REQUEST_TABLE_NAMES,
  REPORT_TABLE_NAMES,
  type PullRequestTableName,
  type ReportTableName,
} from './csv-table-names';

type OutputFormat = 'json' | 'csv';

/**
 * What `--now` names: an exact instant (a date-time with its zone), or a calendar day, which starts at
 * midnight in the time zone of the configuration; the config is read later, so the day stays a day here.
 */
export type AsOf = { instant: number } | { day: DayNumber };

export interface ReportArguments {
  command: 'report';
  input: string;
  config: string | null;
  /** Null for the current time. */
  now: AsOf | null;
  seed: number;
  format: OutputFormat;
  /**
   * With CSV, the one table to write; null for all of them (only with --out): the report's, and the pull requests'
   * when `--pull-requests` is given.
   */
  table: ReportTableName | PullRequestTableName | null;
  out: string | null;
  /** `--pull-requests owner/name=FILE`, repeatable: GitHub pull requests to report beside the issues. */
  pullRequests: PullRequestSource[];
}

export type CliArguments = { command: 'help' } | ReportArguments;

const VALUE_OPTIONS = ['--input', '--config', '--now', '--seed', '--format', '--table', '--out', '--pull-requests'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** @throws CliInputError for unknown commands or options, missing or malformed values. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  if (isHelpRequest(argv)) return { command: 'help' };
  const [command, ...rest] = argv;
  if (command === undefined) throw new CliInputError('no command given; try: flow-metrics report --input issues.json (or --help)');
  if (command !== 'report') throw new CliInputError(`unknown command "${command}"; the command is "report" (see --help)`);

  const values = new Map<ValueOption, string>();
  const pullRequests: PullRequestSource[] = [];
  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      throw new CliInputError(arg.startsWith('-') ? `unknown option ${name} (see --help)` : `unexpected argument "${arg}" (see --help)`);
    }
    const value = inline ?? rest[++k];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new CliInputError(`${name} needs a value (see --help)`);
    if (name === '--pull-requests') {
      pullRequests.push(parsePullRequestSource(value));
      continue;
    }
    if (values.has(name as ValueOption)) throw new CliInputError(`${name} is given twice`);
    values.set(name as ValueOption, value);
  }

  const input = values.get('--input');
  if (input === undefined)
    throw new CliInputError('--input is required: a JSON file of issues in search/jql shape with changelog (see --help)');

  let now: AsOf | null = null;
  const nowText = values.get('--now');
  if (nowText !== undefined) {
    const day = isoDateToDay(nowText);
    const instant = parseIsoTimestamp(nowText);
    if (day !== null) now = { day };
    else if (!Number.isNaN(instant)) now = { instant };
    else
      throw new CliInputError(`--now: "${nowText}" is neither a date (2026-01-31) nor a date-time with a time zone (2026-01-31T09:00:00Z)`);
  }

  let seed = 1;
  const seedText = values.get('--seed');
  if (seedText !== undefined) {
    seed = Number(seedText);
    if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(seed)) throw new CliInputError(`--seed: "${seedText}" is not a whole number`);
  }

  const format = values.get('--format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new CliInputError(`--format: "${format}" is not one of json, csv`);

  const out = values.get('--out') ?? null;
  const tableText = values.get('--table');
  const tableNames = [...REPORT_TABLE_NAMES, ...PULL_REQUEST_TABLE_NAMES].join(', ');
  if (tableText !== undefined && format !== 'csv') throw new CliInputError('--table picks one CSV table: use it with --format csv');
  if (tableText !== undefined && !isReportTableName(tableText) && !isPullRequestTableName(tableText))
    throw new CliInputError(`--table: "${tableText}" is not one of ${tableNames}`);
  if (tableText !== undefined && isPullRequestTableName(tableText) && pullRequests.length === 0)
    throw new CliInputError(`--table ${tableText} is a table of pull requests: give them with --pull-requests owner/name=FILE`);
  if (format === 'csv' && tableText === undefined && out === null) {
    throw new CliInputError(
      `--format csv writes one table to standard output: name it with --table (one of ${tableNames}), or give --out DIR for every table`,
    );
  }
  const table = tableText ?? null;
  return { command: 'report', input, config: values.get('--config') ?? null, now, seed, format, table, out, pullRequests };
}
