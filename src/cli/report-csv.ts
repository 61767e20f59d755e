/**
 * The report as CSV tables, one per metric, for spreadsheets.
 * Cells are written by src/shared/csv.ts, which keeps formula-like text from being executed.
 */
import type { FlowReport } from '../domain';
import { csvText, type CsvCell } from '../shared/csv';

export interface CsvTable {
  name: string;
  csv: string;
}

function csv(header: string[], rows: CsvCell[][]): string {
  return csvText(header, rows, '\n');
}

export function reportTables(report: FlowReport): CsvTable[] {
  const stages = report.generated.workflow.stages;
  const { forecast } = report;
  return [
    {
      name: 'summary',
      csv: csv(
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
          ['backtestHitRate', forecast.backtest.hitRate],
          ...report.warnings.map((warning): CsvCell[] => ['warning', warning]),
        ],
      ),
    },
    {
      name: 'items',
      csv: csv(
        ['key', 'type', 'status', 'start', 'done', 'cycleTime', 'leadTime', 'age', 'blockedTime', 'flowEfficiency', ...stages.map((stage) => `${stage} date`)],
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
      ),
    },
    {
      name: 'percentiles',
      csv: csv(
        ['metric', 'percentile', 'value'],
        [
          ...Object.entries(report.percentiles).map(([p, value]): CsvCell[] => ['cycleTime', Number(p), value]),
          ...Object.entries(report.leadTimePercentiles).map(([p, value]): CsvCell[] => ['leadTime', Number(p), value]),
          ['serviceLevelExpectation', report.serviceLevelExpectation.percentile, report.serviceLevelExpectation.value],
        ],
      ),
    },
    { name: 'histogram', csv: csv(['from', 'to', 'count'], report.histogram.map((bin) => [bin.from, bin.to, bin.count])) },
    { name: 'scatter', csv: csv(['key', 'date', 'cycleTime'], report.scatter.map((point) => [point.key, point.date, point.cycleTime])) },
    { name: 'throughput', csv: csv(['start', 'end', 'count'], report.throughput.map((period) => [period.start, period.end, period.count])) },
    {
      name: 'net-flow',
      csv: csv(['start', 'end', 'arrivals', 'departures', 'net'], report.netFlow.map((p) => [p.start, p.end, p.arrivals, p.departures, p.net])),
    },
    { name: 'wip', csv: csv(['date', 'count'], report.wip.map((day) => [day.date, day.count])) },
    { name: 'cfd', csv: csv(['date', ...stages], report.cfd.map((row) => [row['date'] as string, ...stages.map((stage) => row[stage] as number)])) },
    {
      name: 'aging',
      csv: csv(['key', 'stage', 'status', 'age', 'percentileBand'], report.aging.map((a) => [a.key, a.stage, a.status, a.age, a.percentileBand])),
    },
    {
      name: 'time-in-status',
      csv: csv(
        ['key', 'status', 'time'],
        report.timeInStatus.flatMap((row) => Object.entries(row.statuses).map(([status, time]): CsvCell[] => [row.key, status, time])),
      ),
    },
    {
      name: 'forecast-how-many',
      csv: csv(['targetDate', 'confidence', 'items'], (forecast.howMany?.table ?? []).map((row) => [forecast.howMany!.targetDate, row.confidence, row.items])),
    },
    {
      name: 'forecast-when',
      csv: csv(['items', 'confidence', 'days', 'date'], (forecast.when?.table ?? []).map((row) => [forecast.when!.items, row.confidence, row.days, row.date])),
    },
    {
      name: 'forecast-backtest',
      csv: csv(['start', 'end', 'forecast85', 'actual', 'hit'], forecast.backtest.weeks.map((w) => [w.start, w.end, w.forecast, w.actual, w.hit])),
    },
  ];
}
