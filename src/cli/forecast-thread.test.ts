/**
 * The forecast worked out in a thread of its own (forecast-thread.ts, forecast-answers.ts): the section the thread
 * answers is the report's; a thread that cannot answer leaves the forecast to the command's thread, at once.
 * The compiled thread itself is run by the packed command's test, against the forecast worked out in one thread.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { DEFAULT_FLOW_CONFIG, forecasterOf, type ForecastInputs, type ForecastSection } from '../domain';
import { ANSWERED, answerForecasts, type ForecastAnswer } from './forecast-answers';
import { forecastInThread } from './forecast-thread';

const inputs: ForecastInputs = {
  daily: Int32Array.from({ length: 60 }, (_, day) => (day * 7) % 4),
  firstDay: 20_000,
  nowDay: 20_059,
  inProgress: 5,
  settings: DEFAULT_FLOW_CONFIG.forecast,
  seed: 3,
  weekEndsOn: 'sunday',
};
const section = forecasterOf(inputs)();

/** A thread's file answering every inputs with `answer` as forecast-answers.ts does (the thread's code runs as plain JavaScript). */
const threadAnswering = (answer: ForecastAnswer) => `
const { workerData } = require('node:worker_threads');
workerData.port.on('message', () => {
  workerData.port.postMessage(${JSON.stringify(answer)});
  Atomics.store(workerData.signal, 0, ${ANSWERED});
  Atomics.notify(workerData.signal, 0);
});
`;

describe('the forecast in a thread of its own', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'forecast-thread-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function threadFile(name: string, code: string): string {
    const file = join(folder, name);
    writeFileSync(file, code);
    return file;
  }

  it('is the section the thread answers, waited for once the rest of the report asks for it', () => {
    const answered = { ...section, notes: ['answered by the thread'] };
    const forecast = forecastInThread(threadFile('answering.js', threadAnswering({ section: answered })))(inputs);
    expect(forecast()).toEqual(answered);
  });

  it("is worked out in the command's thread when the thread fails, the same as it would have been", () => {
    const forecast = forecastInThread(threadFile('failing.js', threadAnswering({ failed: 'RangeError: no' })))(inputs);
    expect(forecast()).toEqual(section);
  });

  it("is worked out in the command's thread at once when the thread's file is missing", () => {
    const started = Date.now();
    expect(forecastInThread(join(folder, 'missing.js'))(inputs)()).toEqual(section);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("the forecast thread's answers", () => {
  function answerOnce(forecast: (inputs: ForecastInputs) => ForecastSection) {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    answerForecasts({ port: port2, signal }, forecast);
    port1.postMessage(inputs);
    // The thread answers from its event loop, which here is the test's: waiting on the signal would block it.
    return new Promise<{ answer: unknown; signal: number }>((resolve) => {
      const poll = setInterval(() => {
        if (Atomics.load(signal, 0) !== ANSWERED) return;
        clearInterval(poll);
        resolve({ answer: receiveMessageOnPort(port1)?.message, signal: Atomics.load(signal, 0) });
        port1.close();
      }, 1);
    });
  }

  it('are the section worked out from the inputs received, on the port before the signal', async () => {
    const { answer } = await answerOnce((received) => forecasterOf(received)());
    expect(answer).toEqual({ section });
  });

  it('say that the forecast failed, for the command to meet the failure itself', async () => {
    const { answer } = await answerOnce(() => {
      throw new RangeError('no');
    });
    expect(answer).toEqual({ failed: 'RangeError: no' });
  });
});
