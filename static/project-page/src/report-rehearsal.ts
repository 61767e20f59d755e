import { filterCompactHistory, type ReportFilters } from '../../../src/domain';
import { reportWorkerAnswers } from './report-worker-answers';
import type { ReportMessage } from './report-worker-protocol';

/**
 * The report worker rehearsing the reader's first change before it comes.
 *
 * The engine running the worker compiles a function well only once it has run it a few times: the first answer
 * to a new kind of change (a stage range, a choice of items, a period) runs slow code, four to six times the cost
 * of its later answers (in Node, 290 against 47 ms of CPU for a stage range on 20,000 issues). Once the page has
 * drawn its first report and is idle, it asks the worker to rehearse: the worker asks each kind of question
 * once of answers of its own, on a sample of the held history, and throws the answers away. The code the
 * reader's first change runs is then compiled already.
 *
 * The rehearsal never touches the reader's answers: it has its own `reportWorkerAnswers`, so its model, its
 * remembered measures and its item numbers are its own, and nothing it computes is ever sent. It runs one
 * question a step, each on an eighth of the history (a few milliseconds), and after a real question it waits
 * for the worker to have been free for a while, so the reader's questions wait for at most one small step.
 */

/** The rehearsal asks its questions of one issue in this many: enough calls for the engine to compile each loop. */
const SAMPLE_EVERY = 8;
/** After a real question, the rehearsal waits this long without another before its next step. */
export const QUIET_AFTER_QUESTION_MS = 300;

/** The history message a rehearsal is held on: the one the page sent. */
type HistoryMessage = Extract<ReportMessage, { kind: 'history' }>;

/**
 * The questions of a rehearsal, one of each kind a reader asks after the first report (`filters`, the filters it
 * was drawn for): the measures and the Overview of those filters, another period, another choice of issue types,
 * a stage range from the first stage and one ending before the done stage, and aging by stage as of now and a
 * past day. Their ids are negative: a real question's never are.
 */
export function rehearsalQuestions(history: HistoryMessage, filters: ReportFilters): ReportMessage[] {
  const { workflow } = history;
  const stages = workflow.stages.map((stage) => stage.name);
  const types = filters.issueTypes.length > 0 ? filters.issueTypes : history.history.issueTypes;
  const questions: Array<Omit<Extract<ReportMessage, { kind: 'figures' }>, 'id'> | Omit<Extract<ReportMessage, { kind: 'aging' }>, 'id'>> =
    [
      { kind: 'figures', filters, part: 'measures' },
      { kind: 'figures', filters, part: 'overview' },
      { kind: 'figures', filters: { ...filters, customRange: null, rangeDays: filters.rangeDays === 90 ? 30 : 90 }, part: 'measures' },
      { kind: 'figures', filters: { ...filters, issueTypes: types.slice(1) }, part: 'measures' },
    ];
  const done = stages.indexOf(workflow.doneStage);
  if (stages.length > 1 && done > 0) {
    questions.push({
      kind: 'figures',
      filters: { ...filters, stageRange: { from: stages[0]!, to: workflow.doneStage } },
      part: 'measures',
    });
    if (done > 1)
      questions.push({
        kind: 'figures',
        filters: { ...filters, stageRange: { from: stages[0]!, to: stages[done - 1]! } },
        part: 'measures',
      });
  }
  const pastDay = new Date(history.now - 30 * 86_400_000).toISOString().slice(0, 10);
  questions.push({ kind: 'aging', filters, asOfDate: null }, { kind: 'aging', filters, asOfDate: pastDay });
  return questions.map((question, index): ReportMessage => ({ ...question, id: -1 - index }));
}

/** When the rehearsal's steps run: the worker's own timers (a test's stand-ins). */
export interface RehearsalTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export interface Rehearsal {
  /** Rehearses once on the history for filters like `filters`; later calls, or a call before any history, do nothing. */
  start(filters: ReportFilters): void;
  /** The page sent a history: a rehearsal under way stops (its sample is of the old one), and the next is held on it. */
  history(message: HistoryMessage): void;
  /** A real question came: the next step waits until the worker has been free of questions for a while. */
  realQuestion(): void;
  /** Whether a rehearsal has steps left. */
  readonly running: boolean;
}

export function reportRehearsal(timers: RehearsalTimers): Rehearsal {
  let held: HistoryMessage | null = null;
  let rehearsed = false;
  let steps: Array<() => void> = [];
  let timer: unknown = null;

  const schedule = (ms: number) => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = steps.length === 0 ? null : timers.setTimeout(step, ms);
  };
  function step() {
    timer = null;
    try {
      steps.shift()?.();
    } catch {
      // Only a rehearsal: what it could not compute, the reader's question will say. An error left to escape would
      // reach the page as the worker's own and make it give the worker up.
      steps = [];
    }
    schedule(0);
  }

  return {
    start(filters) {
      if (held === null || rehearsed) return;
      rehearsed = true;
      const source = held;
      let answer: ReturnType<typeof reportWorkerAnswers> | null = null;
      steps = [
        () => {
          const sample = filterCompactHistory(source.history, (issue) => issue % SAMPLE_EVERY === 0);
          answer = reportWorkerAnswers();
          answer({ ...source, history: sample });
        },
        // Each answer is thrown away: it is of the sample, and no question of the page's asked it.
        ...rehearsalQuestions(source, filters).map((question) => () => void answer!(question)),
      ];
      schedule(0);
    },
    history(message) {
      held = message;
      rehearsed = false;
      steps = [];
      schedule(0);
    },
    realQuestion() {
      if (steps.length > 0) schedule(QUIET_AFTER_QUESTION_MS);
    },
    get running() {
      return steps.length > 0;
    },
  };
}
