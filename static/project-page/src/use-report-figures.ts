import { useEffect, useMemo, useState } from 'react';
import { filtersKey, itemRowsOf, type ItemTablePick, pickedItemTable, type ReportFilters, type ReportItem } from '../../../src/domain';
import type { ReportRunner } from './report-runner';
import type { PageMeasures, PageReport, ReportFigures, ReportPart } from './report-worker-protocol';
import { type KeyedScatterColumns, scatterPoints } from './scatter-columns';

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
 * The report the views read, from the measures the worker sent. Its items, and the scatterplot's points as
 * objects, are built from their columns when a view first reads them (the Overview, Aging and Forecast tabs never
 * read the items; the scatterplot draws its dots from the columns, and only its rolling line and its table read the
 * points). It has neither a forecast (the Forecast tab's questions go to the forecast worker) nor the time in each
 * status (no view shows it): its type says so, so no view can read them.
 */
export function useReportOf(measures: PageMeasures | null): PageReport | null {
  return useMemo(() => (measures === null ? null : reportOf(measures)), [measures]);
}

/** The items built from each pick: the runner gives every period of one choice of items the same. */
const itemsBuilt = new WeakMap<ItemTablePick, ReportItem[]>();

function itemsOf(pick: ItemTablePick): ReportItem[] {
  let items = itemsBuilt.get(pick);
  if (items === undefined) itemsBuilt.set(pick, (items = itemRowsOf(pickedItemTable(pick))));
  return items;
}

/** The points built from each answer's columns. */
const pointsBuilt = new WeakMap<KeyedScatterColumns, PageReport['scatter']>();

function pointsOf(columns: KeyedScatterColumns): PageReport['scatter'] {
  let points = pointsBuilt.get(columns);
  if (points === undefined) pointsBuilt.set(columns, (points = scatterPoints(columns, columns.keys)));
  return points;
}

function reportOf({ itemPick, itemsId, ...measures }: PageMeasures): PageReport {
  return Object.defineProperties({ ...measures } as PageReport, {
    items: { get: () => itemsOf(itemPick), enumerable: true },
    scatter: { get: () => pointsOf(measures.scatterColumns), enumerable: true },
  });
}
