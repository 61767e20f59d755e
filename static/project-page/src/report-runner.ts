import {
  type CompactHistory,
  filtersKey,
  type ItemTable,
  type ReportFilters,
  type StageAgingResult,
  type Workflow,
} from '../../../src/domain';
import { reportWorkerAnswers } from './report-worker-answers';
import type { ReportAnswer, ReportFigures, ReportMessage, ReportPart, ReportWorker } from './report-worker-protocol';

/** The report's figures for the page, computed without holding up the page. */
export interface ReportRunner {
  /** The figures of one part of the report (the Overview's, or the other tabs' measures) for the filters. */
  figures(filters: ReportFilters, part: ReportPart): Promise<ReportFigures>;
  /**
   * Asks for the figures `figures` will be asked for next, at once: a page calls it from the input event, so
   * the worker computes while the page draws the reader's choice, and `figures` is then given that answer.
   */
  askAhead(filters: ReportFilters, part: ReportPart): void;
  /** Aging by stage for the filters as of the end of a day (`YYYY-MM-DD`), or now. */
  aging(filters: ReportFilters, asOfDate: string | null): Promise<StageAgingResult>;
  /** Ends the worker, if there is one. */
  stop(): void;
}

/** How many answers the page keeps: going back to one of the last few filters, or tabs, asks nothing again. */
const KEPT_ANSWERS = 6;

/**
 * Answers the page's questions in a worker when the browser gives one (`createWorker`), so computing the
 * report never blocks a reader's input; otherwise (a test's DOM without workers, or a browser that refuses
 * the worker's script) on the page's own thread, after the current event, with the same code
 * (`reportWorkerAnswers`), so the page shows the same figures all the same.
 */
export function reportRunner(
  source: { history: CompactHistory; workflow: Workflow; flowConfig: unknown; now: number },
  createWorker: () => ReportWorker | null,
): ReportRunner {
  const history: ReportMessage = { kind: 'history', ...source };
  let worker: ReportWorker | null | undefined;
  let inPage: ((message: ReportMessage) => ReportAnswer | null) | null = null;
  let nextId = 0;
  let stopped = false;
  const waiting = new Map<number, { message: ReportMessage; settle: (answer: ReportAnswer) => void }>();
  const answers = new Map<string, Promise<ReportAnswer>>();
  // The items of the last few answers by id: an answer whose items the page already holds is given those,
  // so the page builds each choice of items once (see `use-report-figures.ts`), not once per period.
  const heldItems = new Map<number, ItemTable>();
  const sameItems = (answer: ReportAnswer): ReportAnswer => {
    if (answer.kind !== 'figures' || !answer.figures.ok || answer.figures.measures === null) return answer;
    const measures = answer.figures.measures;
    const held = heldItems.get(measures.itemsId);
    heldItems.delete(measures.itemsId);
    heldItems.set(measures.itemsId, held ?? measures.itemColumns);
    if (heldItems.size > KEPT_ANSWERS) heldItems.delete(heldItems.keys().next().value!);
    return held === undefined ? answer : { ...answer, figures: { ...answer.figures, measures: { ...measures, itemColumns: held } } };
  };

  const onThisThread = (message: ReportMessage, settle: (answer: ReportAnswer) => void) => {
    if (inPage === null) {
      inPage = reportWorkerAnswers();
      inPage(history);
    }
    const answer = inPage;
    setTimeout(() => settle(answer(message)!), 0);
  };

  const started = (): ReportWorker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = createWorker();
    } catch {
      worker = null;
    }
    if (worker === null) return null;
    worker.onmessage = ({ data }) => {
      const call = waiting.get(data.id);
      waiting.delete(data.id);
      call?.settle(sameItems(data));
    };
    // A worker that cannot run gives way to this thread, for the questions waiting and those to come.
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      // This thread numbers its items anew.
      heldItems.clear();
      for (const { message, settle } of waiting.values()) onThisThread(message, settle);
      waiting.clear();
    };
    worker.postMessage(history);
    return worker;
  };

  const ask = (key: string, question: (id: number) => ReportMessage): Promise<ReportAnswer> => {
    const known = answers.get(key);
    if (known !== undefined) {
      answers.delete(key);
      answers.set(key, known);
      return known;
    }
    const id = nextId++;
    const message = question(id);
    const answer = new Promise<ReportAnswer>((settle) => {
      if (stopped) return;
      const running = started();
      if (running === null) onThisThread(message, settle);
      else {
        waiting.set(id, { message, settle });
        running.postMessage(message);
      }
    });
    answers.set(key, answer);
    if (answers.size > KEPT_ANSWERS) answers.delete(answers.keys().next().value!);
    // A failure is not kept: asking again tries again.
    void answer.then((reply) => reply.kind === 'failed' && answers.get(key) === answer && answers.delete(key));
    return answer;
  };

  const failure = (answer: ReportAnswer): Error =>
    new Error(answer.kind === 'failed' ? answer.message : 'The report worker answered another question.');

  const figuresAnswer = (filters: ReportFilters, part: ReportPart): Promise<ReportAnswer> =>
    ask(JSON.stringify(['figures', filtersKey(filters), part]), (id) => ({ kind: 'figures', id, filters, part }));

  return {
    async figures(filters, part) {
      const answer = await figuresAnswer(filters, part);
      if (answer.kind !== 'figures') throw failure(answer);
      return answer.figures;
    },
    askAhead(filters, part) {
      void figuresAnswer(filters, part);
    },
    async aging(filters, asOfDate) {
      const answer = await ask(JSON.stringify(['aging', filtersKey(filters), asOfDate]), (id) => ({
        kind: 'aging',
        id,
        filters,
        asOfDate,
      }));
      if (answer.kind !== 'aging') throw failure(answer);
      return answer.aging;
    },
    stop() {
      stopped = true;
      worker?.terminate();
      waiting.clear();
      answers.clear();
    },
  };
}
