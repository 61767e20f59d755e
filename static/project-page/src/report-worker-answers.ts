import {
  type ItemFacts,
  type ItemTable,
  overviewFigures,
  type OverviewFigures,
  reportModel,
  type ReportModel,
  type WindowMeasures,
} from '../../../src/domain';
import type { ReportMessage, SentAnswer, SentMeasures } from './report-worker-protocol';
import { scatterColumns } from './scatter-columns';

/**
 * The measures but the items in progress with their ages, which no view reads (see `PageWindowMeasures`): left
 * unread, so they are never worked out for the page (see `windowMeasures`).
 */
function withoutAging(measures: WindowMeasures): Omit<WindowMeasures, 'aging'> {
  const read: Record<string, unknown> = {};
  for (const name of Object.keys(measures)) if (name !== 'aging') read[name] = measures[name as keyof WindowMeasures];
  return read as Omit<WindowMeasures, 'aging'>;
}

/**
 * The report worker's side of the conversation, apart from the worker's global scope so it can run anywhere:
 * in `report.worker.ts`, and on the page's own thread where there is no worker (see `report-runner.ts`).
 * It holds the history's report model, which remembers the last few filters' measures, so going back to one
 * costs nothing; the Overview's figures are computed only when the Overview is shown.
 * @returns the answer to a question, or null for the history and a call to rehearse (which are not answered).
 */
export function reportWorkerAnswers(): (message: ReportMessage) => SentAnswer | null {
  let model: ReportModel | null = null;
  const overviews = new WeakMap<WindowMeasures, OverviewFigures>();
  // Names for the tables of items the page is sent (the whole history's, and those of stage ranges that need a
  // timeline of their own), with each item's row by key, and for each choice of items and stage range: every
  // period of one choice shares its name.
  const tables = new WeakMap<ItemTable, { id: number; rowOfKey: Map<string, number> }>();
  const choices = new WeakMap<ItemFacts, number>();
  let nextId = 0;

  const overviewOf = (measures: WindowMeasures): OverviewFigures => {
    let figures = overviews.get(measures);
    if (figures === undefined) overviews.set(measures, (figures = overviewFigures(measures)));
    return figures;
  };

  // Items and tables the page says it holds are named, not sent again.
  const pageMeasuresOf = (measures: WindowMeasures, facts: ItemFacts, held: readonly number[]): SentMeasures => {
    const pick = facts.pick();
    let table = tables.get(pick.of);
    if (table === undefined) tables.set(pick.of, (table = { id: nextId++, rowOfKey: new Map(pick.of.key.map((key, row) => [key, row])) }));
    let id = choices.get(facts);
    if (id === undefined) choices.set(facts, (id = nextId++));
    const { rows, fromStart } = pick;
    return {
      ...withoutAging(measures),
      scatter: scatterColumns(measures.scatter, table.rowOfKey),
      items: { id, pick: held.includes(id) ? null : { of: table.id, table: held.includes(table.id) ? null : pick.of, rows, fromStart } },
    };
  };

  return (message) => {
    if (message.kind === 'history') {
      model = reportModel(message.history, message.workflow, message.flowConfig, message.now);
      return null;
    }
    // Rehearsing is the worker's own business (`report.worker.ts`); the answers never rehearse.
    if (message.kind === 'rehearse') return null;
    try {
      if (model === null) throw new Error('The report was asked for before the history arrived.');
      if (message.kind === 'aging') return { id: message.id, kind: 'aging', aging: model.stageAgingFor(message.filters, message.asOfDate) };
      const result = model.windowMeasuresFor(message.filters);
      const figures: Extract<SentAnswer, { kind: 'figures' }>['figures'] = !result.ok
        ? result
        : {
            ok: true,
            window: result.measures.generated.window,
            configNote: result.configNote,
            clampedFrom: result.clampedFrom,
            overview: message.part === 'overview' ? overviewOf(result.measures) : null,
            measures: message.part === 'measures' ? pageMeasuresOf(result.measures, result.facts, message.heldItems ?? []) : null,
          };
      return { id: message.id, kind: 'figures', figures };
    } catch (cause) {
      return { id: message.id, kind: 'failed', message: cause instanceof Error ? cause.message : 'The report could not be computed.' };
    }
  };
}
