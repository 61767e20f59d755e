import { BOARD_WORKFLOW } from '../../../src/domain/testing/history-fixture';
import { NO_FILTERS } from '../../../src/domain';
import { FIXTURE_NOW, flowHistory } from '../../testing/flow-fixtures';
import { QUIET_AFTER_QUESTION_MS, rehearsalQuestions, reportRehearsal } from './report-rehearsal';

const historyMessage = { kind: 'history' as const, history: flowHistory(), workflow: BOARD_WORKFLOW, flowConfig: null, now: FIXTURE_NOW };

/** Timers run by hand: each pending step with its delay. */
function handTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  return {
    pending,
    setTimeout: (run: () => void, ms: number) => (pending.set(next, { run, ms }), next++),
    clearTimeout: (timer: unknown) => void pending.delete(timer as number),
    /** Runs the step pending, if any. */
    runOne() {
      const [id, step] = [...pending.entries()][0] ?? [];
      if (id === undefined) return false;
      pending.delete(id);
      step!.run();
      return true;
    },
  };
}

describe('the report worker rehearsal', () => {
  it('asks each kind of question a reader changes, with ids no real question has', () => {
    const questions = rehearsalQuestions(historyMessage, NO_FILTERS);
    expect(questions.every((question) => 'id' in question && question.id < 0)).toBe(true);
    expect(new Set(questions.map((question) => ('id' in question ? question.id : null))).size).toBe(questions.length);
    const figures = questions.flatMap((question) => (question.kind === 'figures' ? [question.filters] : []));
    expect(figures.some((filters) => filters.rangeDays !== NO_FILTERS.rangeDays)).toBe(true);
    expect(figures.some((filters) => filters.issueTypes.length > 0)).toBe(true);
    expect(figures.some((filters) => filters.stageRange?.to === BOARD_WORKFLOW.doneStage)).toBe(true);
    expect(questions.filter((question) => question.kind === 'aging')).toHaveLength(2);
  });

  it('rehearses once per history, one step at a time, waiting after a real question', () => {
    const timers = handTimers();
    const rehearsal = reportRehearsal(timers);
    rehearsal.start(NO_FILTERS);
    // No history yet: nothing to rehearse on.
    expect(timers.pending.size).toBe(0);

    rehearsal.history(historyMessage);
    rehearsal.start(NO_FILTERS);
    expect([...timers.pending.values()].map((step) => step.ms)).toEqual([0]);
    timers.runOne();
    rehearsal.realQuestion();
    expect([...timers.pending.values()].map((step) => step.ms)).toEqual([QUIET_AFTER_QUESTION_MS]);
    let steps = 1;
    while (timers.runOne()) steps++;
    expect(steps).toBe(1 + rehearsalQuestions(historyMessage, NO_FILTERS).length);
    expect(rehearsal.running).toBe(false);

    // Once per history.
    rehearsal.start(NO_FILTERS);
    expect(timers.pending.size).toBe(0);
  });

  it('stops when a new history arrives, and may rehearse on the new one', () => {
    const timers = handTimers();
    const rehearsal = reportRehearsal(timers);
    rehearsal.history(historyMessage);
    rehearsal.start(NO_FILTERS);
    timers.runOne();
    expect(rehearsal.running).toBe(true);
    rehearsal.history({ ...historyMessage, now: FIXTURE_NOW + 86_400_000 });
    expect(rehearsal.running).toBe(false);
    expect(timers.pending.size).toBe(0);
    rehearsal.start(NO_FILTERS);
    expect(rehearsal.running).toBe(true);
  });

  it('stops quietly when a step cannot be computed, rather than letting the error reach the page', () => {
    const timers = handTimers();
    const rehearsal = reportRehearsal(timers);
    const unreadable = { ...historyMessage, history: { ...historyMessage.history, type: null as unknown as number[] } };
    rehearsal.history(unreadable);
    rehearsal.start(NO_FILTERS);
    expect(() => {
      while (timers.runOne());
    }).not.toThrow();
    expect(rehearsal.running).toBe(false);
  });
});
