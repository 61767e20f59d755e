/**
 * How the forecast's thread and the command's thread talk (see forecast-thread.ts): the inputs go over a message
 * port; the section comes back over it, and a shared counter says that it has, so the command's thread can wait
 * for it without an event loop (the command runs synchronously from start to exit).
 */
import type { MessagePort } from 'node:worker_threads';
import type { ForecastInputs, ForecastSection } from '../domain';

/** What the forecast's thread is started with. */
export interface ForecastThreadData {
  port: MessagePort;
  /** `ANSWERED` once per answer: the command's thread waits on it (`Atomics.wait`). */
  signal: Int32Array;
}

/** The section, or the failure that the command's thread then meets again by working the forecast out itself. */
export type ForecastAnswer = { section: ForecastSection } | { failed: string };

/** The value of `signal[0]` once the answer is on the port (0 until then). */
export const ANSWERED = 1;
/** The value of `signal[0]` when the thread could not load the forecast's code: no answer will come. */
export const FAILED = 2;

/** Answers each forecast's inputs arriving on the port with the section `forecast` works out from them. */
export function answerForecasts({ port, signal }: ForecastThreadData, forecast: (inputs: ForecastInputs) => ForecastSection): void {
  port.on('message', (inputs: ForecastInputs) => {
    let answer: ForecastAnswer;
    try {
      answer = { section: forecast(inputs) };
    } catch (error) {
      answer = { failed: String(error) };
    }
    // The message is on the port once postMessage returns: the signal follows it.
    port.postMessage(answer);
    Atomics.store(signal, 0, ANSWERED);
    Atomics.notify(signal, 0);
  });
}
