/**
 * The report's forecast worked out in a thread of its own, while the command's thread reads the export and
 * works out the rest of the report.
 *
 * Why: the Monte Carlo runs and their backtest are about a twentieth of a report's time, and depend only on
 * the daily throughput, known once the timeline is built; the machine's second core is otherwise idle. The
 * thread is started before the export is read, so its start-up (a Node environment, the forecast's code) is
 * over by the time the inputs come. Any failure of the thread (its file missing, an error in it, no answer)
 * leaves the forecast to the command's thread, which then works it out as it would have: the same section, or
 * the same error, in the same place.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { forecasterOf, type ForecastApart, type ForecastInputs, type ForecastSection } from '../domain';
import { ANSWERED, FAILED, type ForecastAnswer, type ForecastThreadData } from './forecast-answers';

/**
 * What the thread runs: the forecast's file, loaded so that a failure to load it (a file missing) is told at
 * once rather than after the timeout. (The thread's own errors reach the command's thread as events, which
 * a command running synchronously to its end never handles.)
 */
const THREAD_MAIN = `
const { workerData } = require('node:worker_threads');
try {
  require(workerData.file);
} catch (error) {
  Atomics.store(workerData.signal, 0, ${FAILED});
  Atomics.notify(workerData.signal, 0);
}
`;

/** How long to wait for the thread before working the forecast out here: far longer than it ever takes. */
const ANSWER_TIMEOUT_MS = 30_000;

/**
 * Starts the forecast's thread from `file` (cli/build/flow-metrics-forecast.js); the function returned hands
 * it the inputs (see `ForecastApart`).
 */
export function forecastInThread(file: string): ForecastApart {
  const { port1, port2 } = new MessageChannel();
  const data: ForecastThreadData & { file: string } = { port: port2, signal: new Int32Array(new SharedArrayBuffer(4)), file };
  let worker: Worker | null = null;
  try {
    worker = new Worker(THREAD_MAIN, { eval: true, workerData: data, transferList: [port2] });
    // An error of the thread is met again by the command's thread, which then works the forecast out itself.
    worker.on('error', () => {});
    // Neither keeps the process alive: the command exits once its output is written, the thread with it.
    worker.unref();
    port1.unref();
  } catch {
    worker = null;
  }
  return (inputs) => {
    if (worker === null) return () => forecastHere(inputs);
    port1.postMessage(inputs);
    return () => {
      Atomics.wait(data.signal, 0, 0, ANSWER_TIMEOUT_MS);
      const answer =
        Atomics.load(data.signal, 0) === ANSWERED ? (receiveMessageOnPort(port1)?.message as ForecastAnswer | undefined) : undefined;
      return answer !== undefined && 'section' in answer ? answer.section : forecastHere(inputs);
    };
  };
}

function forecastHere(inputs: ForecastInputs): ForecastSection {
  return forecasterOf(inputs)();
}
