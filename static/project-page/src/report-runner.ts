import {
  type CompactHistory,
  filtersKey,
  type ItemTable,
  type ItemTablePick,
  type ReportFilters,
  type StageAgingResult,
  type Workflow,
} from '../../../src/domain';
import { reportWorkerAnswers } from './report-worker-answers';
import type { ReportAnswer, ReportFigures, ReportMessage, ReportPart, ReportWorker, SentAnswer } from './report-worker-protocol';

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

/** Runs `then` once the page is idle: after it has drawn what it was given (within two seconds at most). */
function whenIdle(then: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(then, { timeout: 2000 });
  else setTimeout(then, 0);
}

/** How many answers the page keeps: going back to one of the last few filters, or tabs, asks nothing again. */
const KEPT_ANSWERS = 6;
/**
 * How many tables of items the page keeps: the whole history's, and those of the last stage ranges that end
 * before done (each measured on a timeline of its own).
 */
const KEPT_TABLES = 3;

/** Keeps `value` as the most recently used of at most `size` entries. */
function keep<V>(entries: Map<number, V>, key: number, value: V, size: number): void {
  entries.delete(key);
  entries.set(key, value);
  if (entries.size > size) entries.delete(entries.keys().next().value!);
}

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
  let inPage: ((message: ReportMessage) => SentAnswer | null) | null = null;
  let nextId = 0;
  let stopped = false;
  // The worker rehearses the reader's first change once the first answer is drawn (see `report-rehearsal.ts`).
  let rehearsalAsked = false;
  const waiting = new Map<number, { message: ReportMessage; settle: (answer: ReportAnswer) => void }>();
  const answers = new Map<string, Promise<ReportAnswer>>();
  // The items of the last few answers by id, and the tables they are picked from: a question names them
  // (`heldItems`), the worker sends their columns no more, and the answer is given those the page holds, so the
  // page holds the whole history's table once and builds each choice of items once (see `use-report-figures.ts`),
  // not once per period.
  const heldItems = new Map<number, ItemTablePick>();
  const heldTables = new Map<number, ItemTable>();
  /** The answer with the items the page holds; null when it named items the page has let go of since asking. */
  const withHeldItems = (answer: SentAnswer): ReportAnswer | null => {
    if (answer.kind !== 'figures' || !answer.figures.ok || answer.figures.measures === null) return answer as ReportAnswer;
    const { items, scatter, ...measures } = answer.figures.measures;
    const sent = items.pick;
    // Those held first: answers to questions asked together each carry the items, and the page keeps one copy.
    const of = sent === null ? null : (heldTables.get(sent.of) ?? sent.table);
    const pick = heldItems.get(items.id) ?? (sent === null || of === null ? null : { of, rows: sent.rows, fromStart: sent.fromStart });
    if (pick === null) return null;
    if (sent !== null) keep(heldTables, sent.of, pick.of, KEPT_TABLES);
    keep(heldItems, items.id, pick, KEPT_ANSWERS);
    const scatterColumns = { ...scatter, keys: pick.of.key };
    return { ...answer, figures: { ...answer.figures, measures: { ...measures, scatterColumns, itemsId: items.id, itemPick: pick } } };
  };
  /** The question as sent to the worker: naming the items and tables the page holds. */
  const naming = (message: ReportMessage): ReportMessage =>
    message.kind === 'figures' ? { ...message, heldItems: [...heldItems.keys(), ...heldTables.keys()] } : message;

  const onThisThread = (message: ReportMessage, settle: (answer: ReportAnswer) => void) => {
    if (inPage === null) {
      inPage = reportWorkerAnswers();
      inPage(history);
    }
    const answer = inPage;
    // Nothing is copied on this thread: every answer carries its items (this thread numbers them anew).
    const whole = message.kind === 'figures' ? { ...message, heldItems: [] } : message;
    setTimeout(() => {
      const reply = withHeldItems(answer(whole)!);
      if (reply !== null) settle(reply);
    }, 0);
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
      if (call === undefined) return;
      const answer = withHeldItems(data);
      // The page let go of the items it named while the worker computed: it asks for them in full.
      if (answer === null) {
        const again = { ...call.message, heldItems: [] };
        waiting.set(data.id, { ...call, message: again });
        worker?.postMessage(again);
        return;
      }
      waiting.delete(data.id);
      call.settle(answer);
      if (!rehearsalAsked && call.message.kind === 'figures') {
        rehearsalAsked = true;
        const { filters } = call.message;
        whenIdle(() => worker?.postMessage({ kind: 'rehearse', filters }));
      }
    };
    // A worker that cannot run gives way to this thread, for the questions waiting and those to come.
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      // This thread numbers its items anew.
      heldItems.clear();
      heldTables.clear();
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
        const sent = naming(message);
        waiting.set(id, { message: sent, settle });
        running.postMessage(sent);
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
