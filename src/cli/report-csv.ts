/**
 * The report as CSV tables, one per metric, for spreadsheets.
 * Cells are written by src/shared/csv.ts, which keeps formula-like text from being executed.
 */
import type { FlowReport } from '../domain';
import { csvText, type CsvCell } from '../shared/csv';
import { REPORT_TABLE_NAMES, type ReportTableName } from './csv-table-names';

export interface CsvTable {
  name: string;
  csv: string;
}

function csv(header: string[], rows: CsvCell[][]): string {
  return csvText(header, rows, '\n');
}

const stagesOf = (report: FlowReport) => report.generated.workflow.stages;

/** One writer per table named in csv-table-names.ts, which says their order. */
const TABLE_WRITERS = {
  summary: (report: FlowReport): string =>
    csv(
      ['name', 'value'],
      [
        ['now', report.generated.now],
        ['timeZone', report.generated.timeZone],
        ['windowFrom', report.generated.window.from],
        ['windowTo', report.generated.window.to],
        ['unit', report.generated.unit],
        ['items', report.generated.items],
        ['doneInWindow', report.generated.doneInWindow],
        ['inProgress', report.generated.inProgress],
        ['serviceLevelExpectation', report.serviceLevelExpectation.value],
        ['flowEfficiency', report.flowEfficiency.overall],
        ['blockedTime', report.blockedTime.total],
        ['blockedShareOfCycleTime', report.blockedTime.shareOfCycleTime],
        ['backtestHitRate', report.forecast.backtest.hitRate],
        ...report.warnings.map((warning): CsvCell[] => ['warning', warning]),
      ],
    ),
  items: (report: FlowReport): string => {
    const stages = stagesOf(report);
    return csv(
      [
        'key',
        'type',
        'status',
        'start',
        'done',
        'cycleTime',
        'leadTime',
        'age',
        'blockedTime',
        'flowEfficiency',
        ...stages.map((stage) => `${stage} date`),
      ],
      report.items.map((item) => [
        item.key,
        item.type,
        item.status,
        item.start,
        item.done,
        item.cycleTime,
        item.leadTime,
        item.age,
        item.blockedTime,
        item.flowEfficiency,
        ...stages.map((stage) => item.stageDates[stage] ?? null),
      ]),
    );
  },
  percentiles: (report: FlowReport): string =>
    csv(
      ['metric', 'percentile', 'value'],
      [
        ...Object.entries(report.percentiles).map(([p, value]): CsvCell[] => ['cycleTime', Number(p), value]),
        ...Object.entries(report.leadTimePercentiles).map(([p, value]): CsvCell[] => ['leadTime', Number(p), value]),
        ['serviceLevelExpectation', report.serviceLevelExpectation.percentile, report.serviceLevelExpectation.value],
      ],
    ),
  histogram: (report: FlowReport): string =>
    csv(
      ['from', 'to', 'count'],
      report.histogram.map((bin) => [bin.from, bin.to, bin.count]),
    ),
  scatter: (report: FlowReport): string =>
    csv(
      ['key', 'date', 'cycleTime'],
      report.scatter.map((point) => [point.key, point.date, point.cycleTime]),
    ),
  throughput: (report: FlowReport): string =>
    csv(
      ['start', 'end', 'count'],
      report.throughput.map((period) => [period.start, period.end, period.count]),
    ),
  'net-flow': (report: FlowReport): string =>
    csv(
      ['start', 'end', 'arrivals', 'departures', 'net'],
      report.netFlow.map((p) => [p.start, p.end, p.arrivals, p.departures, p.net]),
    ),
  wip: (report: FlowReport): string =>
    csv(
      ['date', 'count'],
      report.wip.map((day) => [day.date, day.count]),
    ),
  cfd: (report: FlowReport): string => {
    const stages = stagesOf(report);
    return csv(
      ['date', ...stages],
      report.cfd.map((row) => [row['date'] as string, ...stages.map((stage) => row[stage] as number)]),
    );
  },
  aging: (report: FlowReport): string =>
    csv(
      ['key', 'stage', 'status', 'age', 'percentileBand'],
      report.aging.map((a) => [a.key, a.stage, a.status, a.age, a.percentileBand]),
    ),
  'time-in-status': (report: FlowReport): string =>
    csv(
      ['key', 'status', 'time'],
      report.timeInStatus.flatMap((row) => Object.entries(row.statuses).map(([status, time]): CsvCell[] => [row.key, status, time])),
    ),
  'forecast-how-many': ({ forecast }: FlowReport): string =>
    csv(
      ['targetDate', 'confidence', 'items'],
      (forecast.howMany?.table ?? []).map((row) => [forecast.howMany!.targetDate, row.confidence, row.items]),
    ),
  'forecast-when': ({ forecast }: FlowReport): string =>
    csv(
      ['items', 'confidence', 'days', 'date'],
      (forecast.when?.table ?? []).map((row) => [forecast.when!.items, row.confidence, row.days, row.date]),
    ),
  'forecast-backtest': ({ forecast }: FlowReport): string =>
    csv(
      ['start', 'end', 'forecast85', 'actual', 'hit'],
      forecast.backtest.weeks.map((w) => [w.start, w.end, w.forecast, w.actual, w.hit]),
    ),
} satisfies Record<ReportTableName, (report: FlowReport) => string>;

/** One table of the report as CSV. */
export function reportTable(report: FlowReport, name: ReportTableName): string {
  return TABLE_WRITERS[name](report);
}

/** Every table of the report, in order. */
export function reportTables(report: FlowReport): CsvTable[] {
  return REPORT_TABLE_NAMES.map((name) => ({ name, csv: reportTable(report, name) }));
}
