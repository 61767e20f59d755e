import { BOARD_WORKFLOW } from '../../../src/domain/testing/history-fixture';
import { itemRowsOf, NO_FILTERS, overviewFigures, pickedItemTable, reportModel } from '../../../src/domain';
import { FIXTURE_NOW, flowHistory } from '../../testing/flow-fixtures';
import type { ReportMessage, SentAnswer } from './report-worker-protocol';
import { QUIET_AFTER_QUESTION_MS } from './report-rehearsal';
import { scatterPoints } from './scatter-columns';

/**
 * The worker module itself, run in this process: its global scope is a stand-in whose messages cross as a
 * browser's do (structured clone), so whatever the worker sends must survive the copy.
 */
async function loadWorker(): Promise<{ post: (message: ReportMessage) => void; answers: SentAnswer[] }> {
  const answers: SentAnswer[] = [];
  const scope: {
    onmessage?: (event: { data: ReportMessage }) => void;
    postMessage: (answer: SentAnswer, transfer?: Transferable[]) => void;
  } = {
    // What the worker hands over is detached on its side, as in a browser: an answer that reused it later would fail.
    postMessage: (answer, transfer = []) => answers.push(structuredClone(answer, { transfer })),
  };
  (globalThis as unknown as { self: typeof scope }).self = scope;
  await jest.isolateModulesAsync(async () => {
    await import('./report.worker');
  });
  return { post: (message) => scope.onmessage!({ data: structuredClone(message) }), answers };
}

const history = flowHistory();
const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);
const expected = model.reportFor(NO_FILTERS);
const BUGS = { ...NO_FILTERS, issueTypes: ['Bug'] };

describe('the report worker', () => {
  afterEach(() => delete (globalThis as { self?: unknown }).self);

  it('answers nothing before the history, then the figures of the part asked for, each with its id', async () => {
    if (!expected.ok) throw new Error(expected.message);
    const worker = await loadWorker();
    worker.post({ kind: 'figures', id: 1, filters: NO_FILTERS, part: 'overview' });
    expect(worker.answers).toEqual([{ id: 1, kind: 'failed', message: 'The report was asked for before the history arrived.' }]);

    worker.post({ kind: 'history', history, workflow: BOARD_WORKFLOW, flowConfig: null, now: FIXTURE_NOW });
    worker.post({ kind: 'figures', id: 2, filters: NO_FILTERS, part: 'overview' });
    worker.post({ kind: 'figures', id: 3, filters: NO_FILTERS, part: 'measures' });
    expect(worker.answers).toHaveLength(3);
    const [, overview, measures] = worker.answers;
    // The Overview is sent its figures alone; the other tabs the measures alone.
    expect(overview).toEqual({
      id: 2,
      kind: 'figures',
      figures: {
        ok: true,
        window: expected.report.generated.window,
        configNote: null,
        clampedFrom: null,
        overview: overviewFigures(expected.report),
        measures: null,
      },
    });
    if (measures?.kind !== 'figures' || !measures.figures.ok || measures.figures.measures === null) throw new Error('no measures');
    expect(measures.id).toBe(3);
    expect(measures.figures.overview).toBeNull();
    const { items, ...sent } = measures.figures.measures;
    // The first answer sends the table of items it picks from (here all of its rows).
    const table = items.pick!.table!;
    expect(items.pick).toMatchObject({ rows: null, fromStart: null });
    // The scatterplot's points cross as columns, named by the items' rows.
    expect(scatterPoints(sent.scatter, table.key)).toEqual(expected.report.scatter);
    expect(sent.cfd).toEqual(expected.report.cfd);
    expect(itemRowsOf(table)).toEqual(expected.report.items);
    expect(sent).not.toHaveProperty('timeInStatus');
    // Nor the items in progress with their ages, which no view reads.
    expect(sent).not.toHaveProperty('aging');
    expect(sent).not.toHaveProperty('forecast');
  });

  it('names the items the page says it holds instead of sending their columns again', async () => {
    const worker = await loadWorker();
    worker.post({ kind: 'history', history, workflow: BOARD_WORKFLOW, flowConfig: null, now: FIXTURE_NOW });
    worker.post({ kind: 'figures', id: 1, filters: NO_FILTERS, part: 'measures' });
    const [first] = worker.answers;
    if (first?.kind !== 'figures' || !first.figures.ok || first.figures.measures === null) throw new Error('no measures');
    const { id: itemsId, pick } = first.figures.measures.items;
    const tableId = pick!.of;
    worker.post({ kind: 'figures', id: 2, filters: { ...NO_FILTERS, rangeDays: 30 }, part: 'measures', heldItems: [itemsId, tableId] });
    worker.post({ kind: 'figures', id: 3, filters: { ...NO_FILTERS, rangeDays: 7 }, part: 'measures', heldItems: [itemsId + tableId + 1] });
    const [, held, notHeld] = worker.answers;
    const measuresOf = (answer: SentAnswer | undefined) =>
      answer?.kind === 'figures' && answer.figures.ok ? answer.figures.measures : null;
    expect(measuresOf(held)!.items).toEqual({ id: itemsId, pick: null });
    const lastMonth = model.measuresFor({ ...NO_FILTERS, rangeDays: 30 });
    const table = pick!.table!;
    expect(lastMonth.ok && scatterPoints(measuresOf(held)!.scatter, table.key)).toEqual(lastMonth.ok && lastMonth.measures.scatter);
    // Other items named: these are sent whole.
    expect(measuresOf(notHeld)!.items).toMatchObject({ id: itemsId, pick: { of: tableId } });
    expect(itemRowsOf(measuresOf(notHeld)!.items.pick!.table!)).toEqual(expected.ok && expected.report.items);
  });

  it('sends a page holding the whole table another choice of items or start stage as its rows and start columns', async () => {
    const worker = await loadWorker();
    worker.post({ kind: 'history', history, workflow: BOARD_WORKFLOW, flowConfig: null, now: FIXTURE_NOW });
    worker.post({ kind: 'figures', id: 1, filters: NO_FILTERS, part: 'measures' });
    const first = worker.answers[0];
    if (first?.kind !== 'figures' || !first.figures.ok || first.figures.measures === null) throw new Error('no measures');
    const { id: itemsId, pick } = first.figures.measures.items;
    const table = pick!.table!;
    const fromFirstStage = { ...NO_FILTERS, stageRange: { from: BOARD_WORKFLOW.stages[0]!.name, to: BOARD_WORKFLOW.doneStage } };
    for (const filters of [BUGS, fromFirstStage, { ...BUGS, stageRange: fromFirstStage.stageRange }]) {
      worker.post({ kind: 'figures', id: 2, filters, part: 'measures', heldItems: [itemsId, pick!.of] });
      const answer = worker.answers.at(-1);
      if (answer?.kind !== 'figures' || !answer.figures.ok || answer.figures.measures === null) throw new Error('no measures');
      const sent = answer.figures.measures.items.pick!;
      expect(sent).toMatchObject({ of: pick!.of, table: null });
      const report = model.reportFor(filters);
      if (!report.ok) throw new Error(report.message);
      const items = itemRowsOf(pickedItemTable({ of: table, rows: sent.rows, fromStart: sent.fromStart }));
      expect(items).toEqual(report.report.items);
      expect(scatterPoints(answer.figures.measures.scatter, table.key)).toEqual(report.report.scatter);
    }
  });

  it('answers each filter set and the aging of a past day from the same history', async () => {
    const worker = await loadWorker();
    worker.post({ kind: 'history', history, workflow: BOARD_WORKFLOW, flowConfig: null, now: FIXTURE_NOW });
    worker.post({ kind: 'figures', id: 7, filters: BUGS, part: 'measures' });
    worker.post({ kind: 'aging', id: 8, filters: NO_FILTERS, asOfDate: '2026-02-24' });
    worker.post({ kind: 'figures', id: 9, filters: { ...NO_FILTERS, stageRange: { from: 'Done', to: 'To Do' } }, part: 'overview' });
    const [bugs, aging, badRange] = worker.answers;
    const bugReport = model.reportFor(BUGS);
    if (!bugReport.ok || bugs?.kind !== 'figures' || !bugs.figures.ok) throw new Error('no bug figures');
    expect(scatterPoints(bugs.figures.measures!.scatter, bugs.figures.measures!.items.pick!.table!.key)).toEqual(bugReport.report.scatter);
    expect(aging).toEqual({ id: 8, kind: 'aging', aging: model.stageAgingFor(NO_FILTERS, '2026-02-24') });
    // A question the report cannot answer is answered with why, as the page showed it before.
    expect(badRange).toEqual({
      id: 9,
      kind: 'figures',
      figures: model.measuresFor({ ...NO_FILTERS, stageRange: { from: 'Done', to: 'To Do' } }),
    });
    expect(badRange?.kind === 'figures' && badRange.figures.ok).toBe(false);
  });

  describe('rehearsing the first change', () => {
    const STAGE_RANGE = { ...NO_FILTERS, stageRange: { from: BOARD_WORKFLOW.stages[0]!.name, to: BOARD_WORKFLOW.doneStage } };
    const BUGS_LAST_30_DAYS = { ...BUGS, rangeDays: 30 };
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** A worker's answers to the history, the first report and `then`, with no rehearsal asked. */
    const unrehearsed = async (then: (worker: Awaited<ReturnType<typeof loadWorker>>) => void): Promise<SentAnswer[]> => {
      const worker = await loadWorker();
      worker.post({ kind: 'history', history, workflow: BOARD_WORKFLOW, flowConfig: null, now: FIXTURE_NOW });
      worker.post({ kind: 'figures', id: 1, filters: NO_FILTERS, part: 'measures' });
      then(worker);
      return worker.answers;
    };

    it('answers nothing of its own, and the answers after it are those of a worker that never rehearsed', async () => {
      const asked = (worker: Awaited<ReturnType<typeof loadWorker>>) => {
        worker.post({ kind: 'figures', id: 2, filters: STAGE_RANGE, part: 'measures', heldItems: [0] });
        worker.post({ kind: 'figures', id: 3, filters: BUGS_LAST_30_DAYS, part: 'measures', heldItems: [0] });
        worker.post({ kind: 'aging', id: 4, filters: BUGS, asOfDate: '2026-02-24' });
      };
      const expectedAnswers = await unrehearsed(asked);
      delete (globalThis as { self?: unknown }).self;

      const answers = await unrehearsed((worker) => {
        worker.post({ kind: 'rehearse', filters: NO_FILTERS });
        // The rehearsal runs in steps on the worker's timers.
        expect(jest.getTimerCount()).toBe(1);
        jest.runAllTimers();
        expect(jest.getTimerCount()).toBe(0);
        asked(worker);
      });
      expect(answers.map((answer) => answer.id)).toEqual([1, 2, 3, 4]);
      expect(answers).toEqual(expectedAnswers);
    });

    it('answers a question asked during the rehearsal at once, with its own answer, and rehearses again only once the worker is quiet', async () => {
      const expectedAnswers = await unrehearsed((worker) =>
        worker.post({ kind: 'figures', id: 2, filters: STAGE_RANGE, part: 'measures', heldItems: [0] }),
      );
      delete (globalThis as { self?: unknown }).self;

      const answers = await unrehearsed((worker) => {
        worker.post({ kind: 'rehearse', filters: NO_FILTERS });
        jest.advanceTimersByTime(0);
        worker.post({ kind: 'figures', id: 2, filters: STAGE_RANGE, part: 'measures', heldItems: [0] });
        expect(worker.answers.map((answer) => answer.id)).toEqual([1, 2]);
        // The rehearsal's next step waits for the worker to be free of questions for a while.
        expect(jest.getTimerCount()).toBe(1);
        jest.advanceTimersByTime(QUIET_AFTER_QUESTION_MS - 1);
        expect(jest.getTimerCount()).toBe(1);
        jest.runAllTimers();
      });
      expect(answers).toEqual(expectedAnswers);
    });
  });
});
