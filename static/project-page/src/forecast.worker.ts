/**
 * The forecast's Monte Carlo runs, off the page's main thread: tens of thousands of simulated futures take
 * long enough to freeze the page while a reader types a date. The page sends the history once, then one
 * message per question (see `forecast-runner.ts`); the answers come back in the same order.
 */
import { reportModel, type ReportModel } from '../../../src/domain';
import type { ForecastAnswer, ForecastMessage } from './forecast-runner';

let model: ReportModel | null = null;

/** The worker's own global scope (the project's types describe a page's). */
const scope = self as unknown as {
  onmessage: (event: MessageEvent<ForecastMessage>) => void;
  postMessage: (answer: ForecastAnswer) => void;
};

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'history') {
    model = reportModel(message.history, message.workflow, message.flowConfig, message.now);
    return;
  }
  let answer: ForecastAnswer;
  try {
    if (model === null) throw new Error('The forecast was asked before the history arrived.');
    answer = { id: message.id, ok: true, forecast: model.forecastFor(message.selection, message.questions) };
  } catch (cause) {
    answer = { id: message.id, ok: false, message: cause instanceof Error ? cause.message : 'The forecast could not be computed.' };
  }
  scope.postMessage(answer);
};
