import { BOARD_WORKFLOW } from '../../../src/domain/testing/history-fixture';
import { FIXTURE_NOW, flowHistory } from '../../testing/flow-fixtures';
import { NO_FILTERS, reportModel } from '../../../src/domain';
import { forecastRunner, type ForecastAnswer, type ForecastMessage, type ForecastWorker } from './forecast-runner';

const history = flowHistory();
const source = { history, workflow: BOARD_WORKFLOW, flowConfig: null, now: FIXTURE_NOW };
const model = reportModel(history, BOARD_WORKFLOW, null, FIXTURE_NOW);

/** A worker double that answers as `forecast.worker.ts` does, from its own model, holding answers until `flush`. */
function fakeWorker() {
  const received: ForecastMessage[] = [];
  const held: ForecastAnswer[] = [];
  let own: ReturnType<typeof reportModel> | null = null;
  const worker: ForecastWorker & { received: ForecastMessage[]; flush: (order?: 'reversed') => void; terminated: boolean } = {
    received,
    terminated: false,
    onmessage: null,
    postMessage(message) {
      received.push(message);
      if (message.kind === 'history') own = reportModel(message.history, message.workflow, message.flowConfig, message.now);
      else {
        try {
          held.push({ id: message.id, ok: true, forecast: own!.forecastFor(message.selection, message.questions) });
        } catch (cause) {
          held.push({ id: message.id, ok: false, message: (cause as Error).message });
        }
      }
    },
    terminate() {
      worker.terminated = true;
    },
    flush(order) {
      const answers = order === 'reversed' ? held.splice(0).reverse() : held.splice(0);
      for (const data of answers) worker.onmessage!({ data } as MessageEvent<ForecastAnswer>);
    },
  };
  return worker;
}

describe('the forecast runner', () => {
  it('sends the history to the worker once, then each question, and gives each answer to its own question', async () => {
    const worker = fakeWorker();
    const runner = forecastRunner(model, source, () => worker);
    const soon = runner.ask({ issueTypes: [] }, { targetDate: '2026-04-30' });
    const bugs = runner.ask({ issueTypes: ['Bug'] }, {});
    expect(worker.received.map((message) => message.kind)).toEqual(['history', 'question', 'question']);
    worker.flush('reversed');
    expect((await soon).howMany!.targetDate).toBe('2026-04-30');
    expect(await bugs).toEqual(model.forecastFor({ ...NO_FILTERS, issueTypes: ['Bug'] }, {}));
    runner.stop();
    expect(worker.terminated).toBe(true);
  });

  it('passes on why a question cannot be answered', async () => {
    const worker = fakeWorker();
    const runner = forecastRunner(model, source, () => worker);
    const far = runner.ask({ issueTypes: [] }, { targetDate: '9999-12-31' });
    worker.flush();
    await expect(far).rejects.toThrow('more than 3650 days after now');
  });

  it('answers on the page itself, after it has drawn, where there is no worker', async () => {
    const runner = forecastRunner(model, source, () => null);
    let answered = false;
    const asked = runner.ask({ issueTypes: [] }, {}).then((forecast) => {
      answered = true;
      return forecast;
    });
    expect(answered).toBe(false);
    expect(await asked).toEqual(model.forecastFor(NO_FILTERS, {}));
    await expect(runner.ask({ issueTypes: [] }, { items: 0 })).rejects.toThrow('at least 1');
  });
});
