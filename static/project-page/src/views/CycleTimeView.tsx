import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import {
  type CycleTimeDot,
  type CycleTimeReport,
  cycleTimeByMonth,
  type KeptCycleTimeReport,
  dayToIsoDate,
  isoDateToDay,
  type ReportItem,
} from '../../../../src/domain';
import { BarChart, type BarMark } from '../charts/BarChart';
import type { ChartTable } from '../charts/ChartDataTable';
import { ChartFrame } from '../charts/ChartFrame';
import { ScatterChart, type ScatterDot } from '../charts/ScatterChart';
import { dateAxis } from './date-axis';
import { EmptyView } from './EmptyView';
import { formatDate } from '../../../common/format-date-time';
import { percentileLines } from './aging-chart';
import { counted, formatDuration, monthName, unitName } from './format';
import { openIssue } from './open-issue';
import { rollingCycleTime } from './rolling-cycle-time';
import { ScatterOptions, type ScatterChoices } from './ScatterOptions';
import { clampRange, dragRange, type DayRange } from './scatter-zoom';
import { useTabOptions, type ChangeTabOptions, type TabOptions } from '../tab-options';
import { ScatterZoomControls } from './ScatterZoomControls';
import type { PageReport } from '../report-worker-protocol';
import { keptScatterDots } from './kept-scatter-dots';
import { reportScatterDots } from './report-scatter-dots';
import { FinishedItemDot } from './finished-item-dot';

/**
 * The scatterplot's options and zoom buttons, drawn again only when what they show changes: a change of items or
 * stage range keeps the period, and each of their Atlaskit buttons and checkbox costs the page a few components.
 */
const Options = memo(ScatterOptions);
const ZoomControls = memo(ScatterZoomControls);

/** The lines teams quote; the 70th sits too close to its neighbours to label legibly. The SLE's is always drawn. */
const LABELLED_PERCENTILES = ['50', '85', '95'];

/**
 * What the tab draws: a report's measures, or the same figures kept with the Overview's (see
 * src/domain/cycle-time-figures.ts), drawn before the history has loaded. Those have no items: their dots say
 * when each item finished and how long it took, and that its key and type come with the history.
 */
export type CycleTimeShown = PageReport | CycleTimeReport | KeptCycleTimeReport;

/** A dot as either holds it: a report's names its item. */
type ShownDot = CycleTimeDot & { key?: string };

/** What a dot's tooltip and announcement say of its item, worked out only when read. */
type DotDescription = (point: ShownDot) => string;

/** Whether the figures shown are a report's, whose dots name their items. */
const hasItems = (report: CycleTimeShown): report is PageReport => 'items' in report;

/** Whether the figures shown are those kept with the Overview's, their dots also as columns. */
const isKept = (report: CycleTimeShown): report is KeptCycleTimeReport => 'dotColumns' in report;

/** Whether the figures are a report the worker sent, its points as columns (see `PageReport`). */
const hasColumns = (report: CycleTimeShown): report is PageReport & Required<Pick<PageReport, 'scatterColumns'>> =>
  'scatterColumns' in report && report.scatterColumns !== undefined;

/** How many dots the figures hold, read without building the dots, or a report's points, as objects. */
const dotCount = (report: CycleTimeShown) =>
  isKept(report) ? report.dotColumns.day.length : hasColumns(report) ? report.scatterColumns.day.length : report.scatter.length;

/**
 * The scatterplot's dots, one per finished item with what its tooltip and announcement say. Kept per report,
 * so coming back to this tab redraws the chart without building 15,000 dots again.
 */
const dotsOfReport = new WeakMap<CycleTimeShown, ScatterDot[]>();

function scatterDots(report: CycleTimeShown): ScatterDot[] {
  const known = dotsOfReport.get(report);
  if (known !== undefined) return known;
  const unit = unitName(report);
  let itemOf: Map<string, ReportItem> | null = null;
  // Thousands of items share a few hundred days: each day is read, and written in the reader's locale, once.
  const written = new Map<string, string>();
  const dateText = (isoDate: string) => {
    let text = written.get(isoDate);
    if (text === undefined) written.set(isoDate, (text = formatDate(isoDate)));
    return text;
  };
  const days = new Map<string, number>();
  const dayOf = (isoDate: string) => {
    let day = days.get(isoDate);
    if (day === undefined) days.set(isoDate, (day = isoDateToDay(isoDate) ?? 0));
    return day;
  };
  const describeItemDot: DotDescription = (point) => {
    itemOf ??= new Map((hasItems(report) ? report.items : []).map((item) => [item.key, item]));
    const item = itemOf.get(point.key!);
    return `${point.key} (${item?.type ?? 'item'}): started ${item?.start ? dateText(item.start) : '?'}, done ${dateText(point.date)}, ${point.cycleTime} ${unit}`;
  };
  const keptDotDescription = (isoDate: string, cycleTime: number) =>
    `An item done ${dateText(isoDate)}, ${cycleTime} ${unit} (its key and type show once the history has loaded)`;
  if (isKept(report)) {
    const dots = keptScatterDots(report.dotColumns, (day, cycleTime) => keptDotDescription(dayToIsoDate(day), cycleTime));
    dotsOfReport.set(report, dots);
    return dots;
  }
  // Reading every item's type and start up front would build the report's 20,000 items on the page at each
  // filter change: a dot's description reads them when it is read.
  if (hasColumns(report)) {
    const dots = reportScatterDots(report.scatterColumns, (dot) =>
      describeItemDot({ key: dot.key, date: dayToIsoDate(dot.x), cycleTime: dot.y }),
    );
    dotsOfReport.set(report, dots);
    return dots;
  }
  const describe = hasItems(report)
    ? (dot: ScatterDot) => describeItemDot({ key: dot.key, date: dayToIsoDate(dot.x), cycleTime: dot.y })
    : (dot: ScatterDot) => keptDotDescription(dayToIsoDate(dot.x), dot.y);
  // The dots of figures without items all have the same key: the chart orders its dots by key only between
  // dots at the same place, which look the same whichever comes first.
  const dots = (report.scatter as readonly ShownDot[]).map(
    (point) => new FinishedItemDot(point.key ?? '', dayOf(point.date), point.cycleTime, describe),
  );
  dotsOfReport.set(report, dots);
  return dots;
}

/**
 * The zoom the options name, in days, within the period: null when it lies outside it (a link made for
 * another period) or covers it all.
 */
function zoomWithin(zoom: TabOptions['zoom'], period: DayRange): DayRange | null {
  if (zoom === null) return null;
  const from = Math.max(period.from, isoDateToDay(zoom.from)!);
  const to = Math.min(period.to, isoDateToDay(zoom.to)!);
  return from > to ? null : clampRange({ from, to }, period);
}

/**
 * Cycle time of finished items: a scatterplot with percentile lines, and a histogram. Its scale, rolling line
 * and zoom are the page's tab options (written to its URL) when it gives them.
 */
export function CycleTimeView({
  report,
  options: givenOptions,
  onOptionsChange,
}: {
  report: CycleTimeShown;
  options?: TabOptions;
  onOptionsChange?: ChangeTabOptions;
}) {
  const [options, changeOptions] = useTabOptions(givenOptions, onOptionsChange);
  const dots = scatterDots(report);
  const lines = useMemo(() => percentileLines(report, unitName(report), LABELLED_PERCENTILES), [report]);
  const histogramMarks = useMemo(() => percentileMarks(report), [report]);
  const unit = unitName(report);
  const monthTable = useMemo(() => monthlyTable(report, unit), [report, unit]);
  const histogramShown = useShownAfterFirstFrame(report);
  // The same choices and handlers from one drawing to the next: a filter change does not draw the options again.
  const choices = useMemo<ScatterChoices>(
    () => ({ logScale: options.logScale, rolling: options.rolling }),
    [options.logScale, options.rolling],
  );
  const setChoices = useCallback((next: ScatterChoices) => changeOptions(next), [changeOptions]);
  const trend = useMemo(() => (choices.rolling === null ? null : rollingCycleTime(report, choices.rolling)), [report, choices.rolling]);
  // The whole selected period along the axis, not only the days with finished items: a quiet start or end
  // of the period shows as empty space, as it was.
  const { from, to } = report.generated.window;
  const { weekEndsOn } = report.generated.conventions;
  const period = useMemo(() => {
    const first = isoDateToDay(from) ?? 0;
    const last = isoDateToDay(to) ?? first;
    return { range: { from: first, to: last }, domain: [first, last] as const, axis: dateAxis(first, last, weekEndsOn) };
  }, [from, to, weekEndsOn]);
  const zoom = useMemo(() => zoomWithin(options.zoom, period.range), [options.zoom, period.range]);
  const setZoom = useCallback(
    (range: DayRange | null) =>
      changeOptions({ zoom: range === null ? null : { from: dayToIsoDate(range.from), to: dayToIsoDate(range.to) } }),
    [changeOptions],
  );
  const shownDots = useMemo(() => (zoom === null ? dots : dots.filter((dot) => dot.x >= zoom.from && dot.x <= zoom.to)), [dots, zoom]);
  const shownTrend = useMemo(
    () =>
      trend === null || zoom === null
        ? trend
        : { ...trend, points: trend.points.filter((point) => point.x >= zoom.from && point.x <= zoom.to) },
    [trend, zoom],
  );
  const zoomAxis = useMemo(() => (zoom === null ? null : dateAxis(zoom.from, zoom.to, weekEndsOn)), [zoom, weekEndsOn]);
  if (dotCount(report) === 0) {
    return <EmptyView testId="tab-panel-cycle-time" message="No items were finished in this period, so there are no cycle times yet." />;
  }
  const p85 = report.percentiles['85'] ?? null;
  return (
    <Stack space="space.400" testId="tab-panel-cycle-time">
      <ChartFrame
        testId="chart-cycle-time-scatter"
        title="Cycle time of finished items"
        summary={`${counted(dots.length, 'item')} finished between ${formatDate(report.generated.window.from)} and ${formatDate(report.generated.window.to)}. ${
          p85 !== null ? `85% took ${formatDuration(p85, report)} or less.` : ''
        }${choices.logScale ? ' Cycle times on a logarithmic scale.' : ''}${
          zoom === null
            ? ''
            : ` Zoomed to ${formatDate(dayToIsoDate(zoom.from))} to ${formatDate(dayToIsoDate(zoom.to))}: ${counted(shownDots.length, 'item')} shown.`
        }${
          trend === null
            ? ''
            : ` The solid line is the 85th percentile of the last ${choices.rolling} items finished at each point${trend.points.length === 0 ? ' (fewer items than that finished)' : ''}.`
        }`}
        table={monthTable}
      >
        <Options choices={choices} onChange={setChoices} />
        <ZoomControls zoom={zoom} period={period.range} onChange={setZoom} />
        <ScatterChart
          dots={shownDots}
          logScale={choices.logScale}
          trend={shownTrend}
          lines={lines}
          xDomain={zoom === null ? period.domain : [zoom.from, zoom.to]}
          xTicks={(zoomAxis ?? period.axis).ticks}
          xLabel={(zoomAxis ?? period.axis).label}
          yLabel={unit}
          onOpen={hasItems(report) ? openIssue : undefined}
          onSelectRange={(start, end) => setZoom(dragRange(start, end, period.range))}
        />
      </ChartFrame>
      {histogramShown && (
        <ChartFrame
          testId="chart-cycle-time-histogram"
          title="How often each cycle time occurs"
          summary={`Cycle times grouped in bins of the items finished in the period; the most common is ${mostCommon(report)}. The dashed lines mark the bins holding the 50th, 85th and 95th percentiles.`}
          table={{
            caption: 'Items per cycle time bin',
            columns: [`Cycle time (${unit})`, 'Items'],
            rows: report.histogram.map((bin) => [binLabel(bin), bin.count]),
          }}
        >
          <BarChart
            bars={report.histogram.map((bin) => ({ label: binLabel(bin), value: bin.count }))}
            marks={histogramMarks}
            yLabel="items"
            xUnit={`cycle time (${unit})`}
          />
        </ChartFrame>
      )}
    </Stack>
  );
}

/**
 * The scatterplot's table: each month's cycle times. Its rows are worked out when the table is first shown (the
 * table is built only then, see `ChartDataTable`), not with the chart: reading every dot by month is no part of
 * drawing it.
 */
function monthlyTable(report: CycleTimeShown, unit: string): ChartTable {
  let rows: ChartTable['rows'] | null = null;
  return {
    caption: 'Cycle time of the items finished each month (the Issues tab lists every item)',
    columns: [
      'Month finished',
      'Items',
      `50th percentile (${unit})`,
      `85th percentile (${unit})`,
      `Longest (${unit})`,
      'Days in the period',
    ],
    get rows() {
      rows ??= cycleTimeByMonth(report).map((month) => [
        monthName(month.month),
        month.items,
        month.p50,
        month.p85,
        month.longest,
        month.partial ? `${month.days} of ${month.fullDays}` : 'whole month',
      ]);
      return rows;
    },
  };
}

/** The figures whose histogram has been drawn: drawn again (the tab shown anew, or its chart handed over), it comes at once. */
const histogramDrawn = new WeakSet<CycleTimeShown>();

/**
 * Whether the histogram under the scatterplot is drawn: once the frame that paints the tab's first drawing of
 * these figures is painted, so the scatterplot, the tab's first chart, is painted without waiting for the second one (its bars,
 * labels and layout); at once for figures whose histogram was drawn before, so a chart handed over or a filter
 * change never makes it blink.
 */
function useShownAfterFirstFrame(report: CycleTimeShown): boolean {
  const [shownFor, setShownFor] = useState<CycleTimeShown | null>(() => (histogramDrawn.has(report) ? report : null));
  const shown = shownFor !== null || histogramDrawn.has(report);
  useEffect(() => {
    if (shown) {
      histogramDrawn.add(report);
      return undefined;
    }
    // After the frame that paints the scatterplot: a task posted from its animation frame callback.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setShownFor(report), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, report]);
  return shown;
}

/** The quoted percentiles as marks on the histogram, each on the bin holding it; those sharing a bin share a mark. */
function percentileMarks(report: CycleTimeShown): BarMark[] {
  const marks: BarMark[] = [];
  for (const percentile of LABELLED_PERCENTILES) {
    const value = report.percentiles[percentile];
    if (value === null || value === undefined) continue;
    const at = report.histogram.findIndex((bin) => bin.from <= value && value < bin.to);
    if (at < 0) continue;
    const label = `${percentile}%: ${formatDuration(value, report)}`;
    const shared = marks.find((mark) => mark.at === at);
    if (shared) shared.label = `${shared.label}; ${label}`;
    else marks.push({ at, label });
  }
  return marks;
}

function binLabel(bin: { from: number; to: number }): string {
  return bin.to - bin.from === 1 ? String(bin.from) : `${bin.from}–${bin.to}`;
}

function mostCommon(report: CycleTimeShown): string {
  const top = report.histogram.reduce<(typeof report.histogram)[number] | null>(
    (best, bin) => (best === null || bin.count > best.count ? bin : best),
    null,
  );
  // A bin of one value reads "1 day"; a bin of several, "1–2 days".
  const unit = top !== null && top.to - top.from === 1 && top.from === 1 ? unitName(report).replace(/s$/, '') : unitName(report);
  return top === null ? 'unknown' : `${binLabel(top)} ${unit} (${counted(top.count, 'item')})`;
}
