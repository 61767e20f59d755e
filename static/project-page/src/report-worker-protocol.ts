import type { CompactHistory, FlowMeasures, OverviewFigures, ReportFilters, StageAgingResult, Workflow } from '../../../src/domain';
import type { ReportItemColumns } from './report-item-columns';

/**
 * What the page and the report worker say to each other. The page sends the history once, then asks for the
 * figures of the tab shown for a choice of filters; the worker answers each question by its id.
 */
export type ReportMessage =
  | { kind: 'history'; history: CompactHistory; workflow: Workflow; flowConfig: unknown; now: number }
  | { kind: 'figures'; id: number; filters: ReportFilters; part: ReportPart }
  | { kind: 'aging'; id: number; filters: ReportFilters; asOfDate: string | null };

/**
 * What a tab needs of the report: the Overview its few kilobytes of figures, every other tab the measures
 * (their items, series and distributions), never both, so a filter change carries only what is shown.
 */
export type ReportPart = 'overview' | 'measures';

/**
 * The measures as the page receives them: the items as columns (see `report-item-columns.ts`), and without
 * the time in each status per item, which no view shows and which cost more to copy than all the rest.
 */
export type PageMeasures = Omit<FlowMeasures, 'items' | 'timeInStatus'> & { itemColumns: ReportItemColumns };

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

export type ReportAnswer =
  | { id: number; kind: 'figures'; figures: ReportFigures }
  | { id: number; kind: 'aging'; aging: StageAgingResult }
  | { id: number; kind: 'failed'; message: string };

/** The part of a `Worker` the page uses. */
export interface ReportWorker {
  postMessage(message: ReportMessage): void;
  onmessage: ((event: MessageEvent<ReportAnswer>) => void) | null;
  /** A worker whose script cannot load or run (a policy refusing it) reports it here. */
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}
