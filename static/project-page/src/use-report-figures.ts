import { useEffect, useMemo, useState } from 'react';
import { filtersKey, type FlowReport, type ReportFilters, type ReportItem } from '../../../src/domain';
import type { ReportRunner } from './report-runner';
import { itemsOfColumns } from './report-item-columns';
import type { PageMeasures, ReportFigures, ReportPart } from './report-worker-protocol';

/**
 * The figures of the part of the report shown, for the filters chosen, as the runner answers them. While the
 * next figures are computed (for other filters, or a newer history) the last ones stay on screen: a chart
 * does not blank out at each click. `current` says whether what is shown answers the filters and part asked.
 */
export function useReportFigures(
  runner: ReportRunner,
  filters: ReportFilters,
  part: ReportPart,
): { figures: ReportFigures | null; current: boolean } {
  const asked = `${filtersKey(filters)}|${part}`;
  const [shown, setShown] = useState<{ runner: ReportRunner; asked: string; figures: ReportFigures } | null>(null);
  useEffect(() => {
    let wanted = true;
    const show = (figures: ReportFigures) => wanted && setShown({ runner, asked, figures });
    runner
      .figures(filters, part)
      .then(show, (cause: unknown) =>
        show({ ok: false, message: cause instanceof Error ? cause.message : 'The metrics could not be computed.' }),
      );
    return () => {
      wanted = false;
    };
    // A new filters object with the same choices is answered from the runner's answers kept.
  }, [runner, filters, part, asked]);
  // A newer history's figures replace the last ones once they are computed, as a filter change's do.
  if (shown === null) return { figures: null, current: false };
  return { figures: shown.figures, current: shown.runner === runner && shown.asked === asked };
}

/**
 * The report the views read, from the measures the worker sent. Its items are built from their columns when
 * a view first reads them (the Overview, Aging and Forecast tabs never do). Its forecast is asked apart (the
 * Forecast tab's questions go to the forecast worker) and its time in each status is not sent, since no view
 * shows it: reading either here is a mistake, and says so.
 */
export function useReportOf(measures: PageMeasures | null): FlowReport | null {
  return useMemo(() => (measures === null ? null : reportOf(measures)), [measures]);
}

function reportOf({ itemColumns, ...measures }: PageMeasures): FlowReport {
  let items: ReportItem[] | null = null;
  const notSent = (what: string) => () => {
    throw new Error(`The page is not sent the report's ${what}.`);
  };
  return Object.defineProperties({ ...measures } as FlowReport, {
    items: { get: () => (items ??= itemsOfColumns(itemColumns)), enumerable: true },
    timeInStatus: { get: notSent('time in each status') },
    forecast: { get: notSent('forecast: ask the forecast runner') },
  });
}
