import { BOARD_WORKFLOW } from '../../../src/domain/testing/history-fixture';
import { itemRowsOf, NO_FILTERS, overviewFigures, pickedItemTable, reportModel } from '../../../src/domain';
import { FIXTURE_NOW, flowHistory } from '../../testing/flow-fixtures';
import { reportRunner } from './report-runner';
import { reportWorkerAnswers } from './report-worker-answers';
import type { ReportFigures, ReportMessage, ReportWorker, SentAnswer } from './report-worker-protocol';

const history = flowHistory();
const source = { history, workflow: BOARD_WORKFLOW, flowConfig: null, now: FIXTURE_NOW };
const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);
const BUGS = { ...NO_FILTERS, issueTypes: ['Bug'] };

/** A worker double answering as `report.worker.ts` does, copying messages as a browser does, holding answers until `flush`. */
function fakeWorker() {
  const answer = reportWorkerAnswers();
  const held: SentAnswer[] = [];
  const worker: ReportWorker & { received: ReportMessage[]; flush: (order?: 'reversed') => void; terminated: boolean } = {
    received: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      worker.received.push(message);
      const reply = answer(structuredClone(message));
      if (reply !== null) held.push(structuredClone(reply));
    },
    terminate() {
      worker.terminated = true;
    },
    flush(order) {
      const answers = order === 'reversed' ? held.splice(0).reverse() : held.splice(0);
      for (const data of answers) worker.onmessage!({ data } as MessageEvent<SentAnswer>);
    },
  };
  return worker;
}

const overviewOf = (filters = NO_FILTERS) => {
  const result = model.reportFor(filters);
  if (!result.ok) throw new Error(result.message);
  return overviewFigures(result.report);
};

describe('the report runner', () => {
  it('gives every period of one choice of items the same items, so the page builds them once', async () => {
    const worker = fakeWorker();
    const runner = reportRunner(source, () => worker);
    const asked = [NO_FILTERS, { ...NO_FILTERS, rangeDays: 30 }, BUGS].map((filters) => runner.figures(filters, 'measures'));
    worker.flush();
    const [all, lastMonth, bugs] = await Promise.all(asked);
    const pickOf = (figures: ReportFigures | undefined) => (figures?.ok ? figures.measures!.itemPick : null);
    expect(pickOf(all)).not.toBeNull();
    // Each answer was copied apart, as between threads: the runner gives back the items it already holds.
    expect(pickOf(lastMonth)).toBe(pickOf(all));
    expect(pickOf(bugs)).not.toBe(pickOf(all));
    // Another choice of items is rows of the table the page holds, not a table of its own.
    expect(pickOf(bugs)!.of).toBe(pickOf(all)!.of);
    expect(pickOf(bugs)!.rows!.length).toBeLessThan(pickOf(all)!.of.key.length);
    const bugReport = model.reportFor(BUGS);
    expect(bugReport.ok && itemRowsOf(pickedItemTable(pickOf(bugs)!))).toEqual(bugReport.ok && bugReport.report.items);
    runner.stop();
  });

  it('names the items it holds in each question, and gives an answer naming them the columns it holds', async () => {
    const worker = fakeWorker();
    const runner = reportRunner(source, () => worker);
    const all = runner.figures(NO_FILTERS, 'measures');
    worker.flush();
    const lastMonth = runner.figures({ ...NO_FILTERS, rangeDays: 30 }, 'measures');
    // The items (1) and the table they are picked from (0).
    expect(worker.received.at(-1)).toMatchObject({ kind: 'figures', heldItems: [1, 0] });
    worker.flush();
    const [whole, month] = [await all, await lastMonth];
    expect(whole.ok && month.ok && month.measures!.itemPick).toBe(whole.ok && whole.measures!.itemPick);
    runner.stop();
  });

  it('asks again in full when the items an answer names are no longer held', async () => {
    const worker = fakeWorker();
    const runner = reportRunner(source, () => worker);
    const answer = runner.figures(BUGS, 'measures');
    worker.flush();
    const sent = await answer;
    if (!sent.ok || sent.measures === null) throw new Error('no measures');
    const week = runner.figures({ ...BUGS, rangeDays: 7 }, 'measures');
    // As if the runner had let go of the items: an answer naming items it does not hold.
    const { itemPick, itemsId, scatterColumns: columns, ...named } = sent.measures;
    const naming = {
      ...named,
      scatter: { row: columns.row, day: columns.day, cycleTime: columns.cycleTime },
      items: { id: 99, pick: null },
    };
    worker.onmessage!({ data: { id: 1, kind: 'figures', figures: { ...sent, measures: naming } } } as MessageEvent<SentAnswer>);
    expect(worker.received.at(-1)).toMatchObject({ kind: 'figures', id: 1, heldItems: [] });
    worker.flush();
    const again = await week;
    expect(again.ok && pickedItemTable(again.measures!.itemPick).key).toEqual(pickedItemTable(itemPick).key);
    runner.stop();
  });

  it('sends the history once, then each question, and gives each answer to its own question', async () => {
    const worker = fakeWorker();
    const runner = reportRunner(source, () => worker);
    const all = runner.figures(NO_FILTERS, 'overview');
    const bugs = runner.figures(BUGS, 'overview');
    const aging = runner.aging(BUGS, null);
    expect(worker.received.map((message) => message.kind)).toEqual(['history', 'figures', 'figures', 'aging']);
    worker.flush('reversed');
    expect(await all).toMatchObject({ ok: true, overview: overviewOf() });
    expect(await bugs).toMatchObject({ ok: true, overview: overviewOf(BUGS) });
    expect(await aging).toEqual(model.stageAgingFor(BUGS, null));
    runner.stop();
    expect(worker.terminated).toBe(true);
  });

  it('keeps the last answers: the same filters and part again (in a new object) ask the worker nothing', async () => {
    const worker = fakeWorker();
    const runner = reportRunner(source, () => worker);
    const first = runner.figures(BUGS, 'measures');
    worker.flush();
    const again = runner.figures({ ...BUGS, issueTypes: ['Bug'] }, 'measures');
    expect(worker.received.filter((message) => message.kind === 'figures')).toHaveLength(1);
    expect(await again).toBe(await first);
    // Another part of the same filters is another question.
    void runner.figures(BUGS, 'overview');
    expect(worker.received.filter((message) => message.kind === 'figures')).toHaveLength(2);
  });

  it('asks ahead at once, and gives that answer to the figures asked for next, asking the worker nothing more', async () => {
    const worker = fakeWorker();
    const runner = reportRunner(source, () => worker);
    runner.askAhead(BUGS, 'measures');
    expect(worker.received.filter((message) => message.kind === 'figures')).toEqual([
      { kind: 'figures', id: 0, filters: BUGS, part: 'measures', heldItems: [] },
    ]);
    worker.flush();
    const figures = await runner.figures({ ...BUGS }, 'measures');
    expect(worker.received.filter((message) => message.kind === 'figures')).toHaveLength(1);
    const expected = model.reportFor(BUGS);
    if (!expected.ok) throw new Error(expected.message);
    expect(figures).toMatchObject({ ok: true, window: expected.report.generated.window });
    // A failed question asked ahead is not kept, and no one waits on it: the figures asked next ask again.
    runner.askAhead(NO_FILTERS, 'overview');
    worker.onmessage!({ data: { id: 1, kind: 'failed', message: 'out of memory' } } as MessageEvent<SentAnswer>);
    await Promise.resolve();
    void runner.figures(NO_FILTERS, 'overview');
    expect(worker.received.filter((message) => message.kind === 'figures')).toHaveLength(3);
  });

  it('passes on a failure, and asks again next time', async () => {
    const worker = fakeWorker();
    const runner = reportRunner(source, () => worker);
    const answer = runner.figures(NO_FILTERS, 'overview');
    worker.onmessage!({ data: { id: 0, kind: 'failed', message: 'out of memory' } } as MessageEvent<SentAnswer>);
    await expect(answer).rejects.toThrow('out of memory');
    void runner.figures(NO_FILTERS, 'overview');
    expect(worker.received.filter((message) => message.kind === 'figures')).toHaveLength(2);
  });

  it('answers on the page’s own thread, after the current event, where the browser gives no worker', async () => {
    const runner = reportRunner(source, () => null);
    let answered = false;
    const answer = runner.figures(BUGS, 'overview').then((figures) => ((answered = true), figures));
    await Promise.resolve();
    expect(answered).toBe(false);
    expect(await answer).toMatchObject({ ok: true, overview: overviewOf(BUGS) });
  });

  it('gives way to the page’s own thread when the worker cannot run, for the questions waiting and those to come', async () => {
    const worker = fakeWorker();
    const runner = reportRunner(source, () => worker);
    const waiting = runner.figures(NO_FILTERS, 'overview');
    worker.onerror!(new Event('error') as ErrorEvent);
    expect(worker.terminated).toBe(true);
    expect(await waiting).toMatchObject({ ok: true, overview: overviewOf() });
    expect(await runner.aging(NO_FILTERS, '2026-02-24')).toEqual(model.stageAgingFor(NO_FILTERS, '2026-02-24'));
    expect(worker.received.map((message) => message.kind)).toEqual(['history', 'figures']);
  });

  it('asks the worker to rehearse once, for the filters of its first answer, once the page is idle after it', async () => {
    jest.useFakeTimers();
    try {
      const worker = fakeWorker();
      const runner = reportRunner(source, () => worker);
      const first = runner.figures(BUGS, 'measures');
      worker.flush();
      await first;
      const rehearse = () => worker.received.filter((message) => message.kind === 'rehearse');
      // Not inside the answer's own task: the page draws it first.
      expect(rehearse()).toEqual([]);
      jest.runAllTimers();
      expect(rehearse()).toEqual([{ kind: 'rehearse', filters: BUGS }]);
      const second = runner.figures(NO_FILTERS, 'measures');
      worker.flush();
      await second;
      jest.runAllTimers();
      expect(rehearse()).toHaveLength(1);
      runner.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});
