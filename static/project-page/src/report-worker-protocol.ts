import {
  type CompactHistory,
  type FromStartColumns,
  type ItemTable,
  type ItemTablePick,
  type OverviewFigures,
  type ReportFilters,
  type ReportItem,
  type StageAgingResult,
  type WindowMeasures,
  type Workflow,
} from '../../../src/domain';
import type { KeyedScatterColumns, ScatterColumns } from './scatter-columns';

/**
 * What the page and the report worker say to each other. The page sends the history once, then asks for the
 * figures of the tab shown for a choice of filters; the worker answers each question by its id.
 */
export type ReportMessage =
  | { kind: 'history'; history: CompactHistory; workflow: Workflow; flowConfig: unknown; now: number }
  | {
      kind: 'figures';
      id: number;
      filters: ReportFilters;
      part: ReportPart;
      /**
       * The items (by `itemsId`) and the tables of items the page holds: an answer with them sends no columns
       * (see `SentItems`), so a change of period copies the window's measures between threads, and a change of
       * items their rows, not 20,000 items again.
       */
      heldItems?: number[];
    }
  | { kind: 'aging'; id: number; filters: ReportFilters; asOfDate: string | null }
  /**
   * The page has drawn its first report (for `filters`) and is idle: the worker may rehearse the reader's first
   * change (see `report-rehearsal.ts`). Not answered.
   */
  | { kind: 'rehearse'; filters: ReportFilters };

/**
 * What a tab needs of the report: the Overview its few kilobytes of figures, every other tab the measures
 * (their items, series and distributions), never both, so a filter change carries only what is shown.
 */
export type ReportPart = 'overview' | 'measures';

/**
 * The measures as the page receives them: the items as rows of a table of items it holds (see `ItemTablePick`
 * in `item-table.ts`), and without the time in each status per item, which no view shows and which cost more to
 * copy than all the rest.
 */
export type PageMeasures = Omit<PageWindowMeasures, 'scatter'> & {
  itemPick: ItemTablePick;
  /**
   * Names the items: answers with the same id carry the same items (the same choice of items and stage
   * range, whatever the period), so the page builds them once and every period reuses them.
   */
  itemsId: number;
  /**
   * The scatterplot's points as the worker sent them, columns (see `scatter-columns.ts`): the chart's dots are
   * built from them, and the points as objects only when a view reads them (`PageReport.scatter`).
   */
  scatterColumns: KeyedScatterColumns;
};

/**
 * The report the views read: the measures with their items, without the time in each status (never sent)
 * and without the forecast (the Forecast tab asks the forecast runner its own questions). Its `scatter` and
 * `items` are built when first read; the scatterplot draws its dots from `scatterColumns`, which a report computed
 * whole on the page (the views' tests) goes without.
 */
export type PageReport = PageWindowMeasures & { items: ReportItem[]; scatterColumns?: KeyedScatterColumns };

/**
 * The window's measures a page reads: all but the list of items in progress with their ages (`aging`, thousands
 * of objects copied at every change), which no view reads: the Aging tab asks for aging by stage (`aging`).
 */
type PageWindowMeasures = Omit<WindowMeasures, 'aging'>;

/** The figures for one choice of filters: what the filters bar shows whatever the tab, and the tab's part. */
export type ReportFigures =
  | {
      ok: true;
      /** The period shown, after any clamping to the history's first day. */
      window: { from: string; to: string };
      configNote: string | null;
      clampedFrom: string | null;
      overview: OverviewFigures | null;
      measures: PageMeasures | null;
    }
  | { ok: false; message: string };

/**
 * An answer as the worker sends it: the measures' items named, and sent only in part or not at all when the
 * question said the page holds them (`heldItems`); the runner gives the page its own (`ReportAnswer`).
 */
export type SentAnswer =
  | Exclude<ReportAnswer, { kind: 'figures' }>
  | {
      id: number;
      kind: 'figures';
      figures:
        Exclude<ReportFigures, { ok: true }> | (Omit<Extract<ReportFigures, { ok: true }>, 'measures'> & { measures: SentMeasures | null });
    };

/**
 * The measures as sent: their items by name (`SentItems`), and the scatterplot's points as columns (see
 * `scatter-columns.ts`, their rows those of the table the items are picked from), which the runner gives the
 * page with the keys of that table.
 */
export type SentMeasures = Omit<PageMeasures, 'itemPick' | 'itemsId' | 'scatterColumns'> & { items: SentItems; scatter: ScatterColumns };

/**
 * The items of an answer as sent. A page holds the whole history's table of items once; a choice of items or a
 * stage range moving the start is sent as the rows chosen and the columns that run from the start, a few typed
 * arrays, instead of 20,000 items again.
 */
interface SentItems {
  /** Names the items (see `PageMeasures.itemsId`). */
  id: number;
  /** Null when the question said the page holds the items `id` names (`heldItems`). */
  pick: {
    /** Names the table the items are picked from. */
    of: number;
    /** That table, or null when the question said the page holds it (`heldItems`). */
    table: ItemTable | null;
    rows: Int32Array | null;
    fromStart: FromStartColumns | null;
  } | null;
}

export type ReportAnswer =
  | { id: number; kind: 'figures'; figures: ReportFigures }
  | { id: number; kind: 'aging'; aging: StageAgingResult }
  | { id: number; kind: 'failed'; message: string };

/** The part of a `Worker` the page uses. */
export interface ReportWorker {
  postMessage(message: ReportMessage): void;
  onmessage: ((event: MessageEvent<SentAnswer>) => void) | null;
  /** A worker whose script cannot load or run (a policy refusing it) reports it here. */
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}
