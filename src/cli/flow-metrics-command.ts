/**
 * The `flow-metrics` command: arguments in, report out, exit code back. All I/O goes through `CommandIo`
 * so the command can be exercised without touching the disk; `main.ts` wires it to Node.
 */
import { join } from 'node:path';
import {
  buildFlowReport,
  buildFlowReportWithRows,
  DEFAULT_FLOW_CONFIG,
  formatIsoTimestamp,
  UnmappedStatusError,
  WorkflowError,
  finishedItems,
  projectOfKey,
  pullRequestFigures,
  reportPeriod,
  ZonedDays,
  type CompactHistory,
  type FlowConfig,
  type FlowReport,
} from '../domain';
import { readPullRequests } from './pull-request-input';
import { pullRequestSection, type PullRequestSection } from './pull-request-report';
import { parseCliArguments, type AsOf, type ReportArguments } from './cli-arguments';
import type { ConfigReading } from './config-input';
import { CliInputError, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK } from './cli-error';
import { HELP_TEXT } from './cli-help';
import { isPullRequestTableName } from './csv-table-names';
import { pullRequestTable, pullRequestTables } from './pull-request-csv';
import { reportTable, reportTables, type CsvTable } from './report-csv';
import { readIssues, type ExportReadInTwo } from './report-input';
import { pieceText, prettyJsonPieces, type JsonPiece } from './json-pieces';
import { itemRowsJson, timeInStatusRowsJson } from './report-rows-json';

export interface CommandIo {
  /** Reads a file as UTF-8; "-" is standard input. */
  readText(path: string): string;
  /**
   * Reads a file's bytes in pieces, for inputs too large to hold as one string; "-" is standard input.
   * A piece may be overwritten by the next one.
   */
  readChunks(path: string): Iterable<Uint8Array>;
  /**
   * Starts reading the second part of a large export's issue list in another thread (see list-part-thread.ts),
   * for the issue selection of these Flagged field ids; null (or absent) to read the whole file with `readChunks`.
   */
  readInTwo?(path: string, flaggedFieldIds: readonly string[]): ExportReadInTwo | null;
  writeText(path: string, text: string): void;
  /**
   * Writes the pieces to a file one after another, each dropped once written (never joined into one string);
   * a piece of bytes is UTF-8, and is overwritten once the next piece is asked for.
   */
  writePieces(path: string, pieces: Iterable<JsonPiece>): void;
  makeDirectory(path: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The current time, used only when --now is not given. */
  now(): number;
  /**
   * Reads a configuration document (`readFlowConfig` of config-input.ts). Given rather than imported, so the
   * Node entry loads its schema only when `--config` is given (see config-input.ts).
   */
  readConfig(text: string, source: string): ConfigReading;
}

function readError(error: unknown, path: string, option: string): CliInputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : ((error as Error).message ?? String(error));
  return new CliInputError(`cannot read ${option} file "${path}": ${reason}`);
}

function readFile(io: CommandIo, path: string, option: string): string {
  try {
    return io.readText(path);
  } catch (error) {
    throw readError(error, path, option);
  }
}

function readConfig(io: CommandIo, path: string): FlowConfig {
  const reading = io.readConfig(readFile(io, path, '--config'), path);
  if ('problem' in reading) throw new CliInputError(reading.problem);
  return reading.config;
}

/** The instant the report is as of: the one given, the start of the day given in the report's time zone, or now. */
function asOfInstant(asOf: AsOf | null, config: FlowConfig, io: CommandIo): number {
  if (asOf === null) return io.now();
  if ('instant' in asOf) return asOf.instant;
  return new ZonedDays(config.conventions.timeZone).startOfDay(asOf.day);
}

function report(args: ReportArguments, io: CommandIo): void {
  const config = args.config === null ? DEFAULT_FLOW_CONFIG : readConfig(io, args.config);
  const inputName = args.input === '-' ? 'standard input' : args.input;
  const inTwo = io.readInTwo?.(args.input, config.flaggedFieldIds) ?? null;
  const input = readIssues(inTwo ?? io.readChunks(args.input), inputName, config, (error) => readError(error, args.input, '--input'));
  for (const warning of input.warnings) io.stderr(`flow-metrics: warning: ${warning}\n`);

  const now = asOfInstant(args.now, config, io);
  const run = { now, seed: args.seed, warnings: input.warnings };
  /** The report `build` makes, its errors about the workflow worded for the command's user. */
  const reportOf = <Report>(build: () => Report): Report => {
    try {
      return build();
    } catch (error) {
      if (error instanceof UnmappedStatusError) {
        const where = input.locateStatus(error.statusIndex);
        const status = `status "${error.status.name}"${error.status.id === null ? '' : ` (id ${error.status.id})`}`;
        const fix =
          args.config === null
            ? 'its status category is unknown: add a config with this status in a stage, or list it under "statuses" with its statusCategory'
            : 'add it (by name or id) to a stage in the config';
        throw new CliInputError(
          `${inputName}: ${where ? `${where.issueKey}: ${where.field}` : error.issueKey}: ${status} is not mapped to any stage of the workflow; ${fix}`,
        );
      }
      if (error instanceof WorkflowError) throw new CliInputError(`${args.config ?? 'workflow'}: ${error.message}`);
      throw error;
    }
  };

  if (args.format === 'json') {
    // The rows, most of report.json, are written straight from their columns (see report-rows-json.ts).
    const flowReport = reportOf(() =>
      buildFlowReportWithRows(input.history, config, run, (facts) => ({
        items: itemRowsJson(facts.table()),
        timeInStatus: timeInStatusRowsJson(facts.statusTable()),
      })),
    );
    const pullRequests =
      args.pullRequests.length === 0 ? {} : { pullRequests: pullRequestsOf(args, io, input.history, config, flowReport, now) };
    // JSON.stringify(report, null, 2) and a line break, made and written in pieces (see json-pieces.ts).
    const json = function* () {
      yield* prettyJsonPieces({ ...flowReport, ...pullRequests });
      yield '\n';
    };
    if (args.out === null) {
      for (const piece of json()) io.stdout(pieceText(piece));
    } else {
      io.makeDirectory(args.out);
      io.writePieces(join(args.out, 'report.json'), json());
      io.stderr(`flow-metrics: wrote ${join(args.out, 'report.json')} (as of ${formatIsoTimestamp(now)})\n`);
    }
    return;
  }
  const flowReport = reportOf(() => buildFlowReport(input.history, config, run));
  const section = args.pullRequests.length === 0 ? null : pullRequestsOf(args, io, input.history, config, flowReport, now);
  const table = (name: NonNullable<ReportArguments['table']>): string =>
    // The arguments refuse a pull-request table without --pull-requests.
    isPullRequestTableName(name) ? pullRequestTable(section!, name) : reportTable(flowReport, name);
  if (args.out === null) {
    io.stdout(table(args.table!)); // the arguments require --table without --out
    return;
  }
  const tables: CsvTable[] =
    args.table === null
      ? [...reportTables(flowReport), ...(section === null ? [] : pullRequestTables(section))]
      : [{ name: args.table, csv: table(args.table) }];
  io.makeDirectory(args.out);
  for (const table of tables) io.writeText(join(args.out, `${table.name}.csv`), table.csv);
  const what = tables.length === 1 ? `${join(args.out, `${tables[0]!.name}.csv`)}` : `${tables.length} CSV files to ${args.out}`;
  io.stderr(`flow-metrics: wrote ${what} (as of ${formatIsoTimestamp(now)})\n`);
}

/** The Pull requests tab's figures over the report's period, from the exported pull requests of every repository given. */
function pullRequestsOf(
  args: ReportArguments,
  io: CommandIo,
  history: CompactHistory,
  config: FlowConfig,
  flowReport: Pick<FlowReport, 'generated'>,
  now: number,
): PullRequestSection {
  const knownProjects = new Set(history.key.map(projectOfKey));
  const pulls = args.pullRequests.flatMap((source) =>
    readPullRequests(readFile(io, source.path, '--pull-requests'), source, knownProjects),
  );
  const figures = pullRequestFigures(pulls, finishedItems(history, config, now), reportPeriod(flowReport), now);
  return pullRequestSection(figures, [...new Set(args.pullRequests.map((source) => source.repository))], pulls.length);
}

/** Runs the command; returns the exit code. Never throws. */
export function runFlowMetrics(argv: readonly string[], io: CommandIo): number {
  try {
    const args = parseCliArguments(argv);
    if (args.command === 'help') {
      io.stdout(HELP_TEXT);
      return EXIT_OK;
    }
    report(args, io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliInputError) {
      io.stderr(`flow-metrics: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`flow-metrics: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
}
