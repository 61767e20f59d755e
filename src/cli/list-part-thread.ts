/**
 * A large export read on two cores: the command's thread reads the first part of the issue list while a thread
 * of its own reads the second (list-part-worker.ts), from a guessed issue start to the list's end.
 *
 * Why: reading is over half of a report's time, and it is the part of it that splits, an export being a list of
 * issues that each read alone; the machine's second core is otherwise idle while the command reads. The other
 * thread reads and checks its issues (`JiraHistoryBuilder.draft`); the command's thread adds them to the history
 * in the list's order (`addDraft`), so its dictionaries, warnings and messages are those of a reading in one
 * thread. The guess is confirmed before any issue of the second part is taken (report-input.ts); a wrong guess,
 * or any failure of the thread (bytes that are not an issue list, an issue the builder refuses, its end without a
 * last message, no message for a long time), leaves the rest to the command's thread, which reads on as it would
 * have. Both threads read the one file descriptor opened here, so a file replaced or removed meanwhile is read as
 * it was when the command opened it, as a reading in one thread reads it.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { readOpenFileChunks } from './file-chunks';
import { IssueBatchReader } from './issue-batch';
import { Signal, type ListPartMessage, type ListPartThreadData } from './list-part-messages';
import { guessIssueStart, HEAD_BYTES } from './list-split';
import type { ExportReadInTwo } from './report-input';

/**
 * Below this size an export is read in one thread. A second thread costs about a second of CPU whatever the
 * export's size (a Node environment, and the reader's code optimized again in it, by V8's own helper threads,
 * which share a 2-core machine's second core with it), while what it takes off the command's thread grows with
 * the export: on 2 cores, 20,000 issues (45 MB) took 0.36 s longer with it, 100,000 (225 MB) 0.2 s less (see
 * docs/command-performance.md, fifth round).
 */
export const SMALLEST_EXPORT_READ_IN_TWO = 64 << 20;
/** The share of the file the command's thread reads: less than half, as it also builds the history of every issue. */
const FIRST_PART_SHARE = 0.45;
/** How many bytes from the cut are searched for an issue's start. */
const WINDOW_BYTES = 4 << 20;
/** How long to wait for the thread's next message before reading the rest here: far longer than a piece takes. */
const MESSAGE_TIMEOUT_MS = 30_000;

/**
 * What the thread runs: the reader's file, loaded so that a failure to load it (a file missing) is told at once,
 * and an end of the thread without a last message (`process.exit` in it) is told when it happens, rather than
 * after the timeout. (The thread's own errors reach the command's thread as events, which a command running
 * synchronously to its end never handles.) A "failed" after the reader's last message is never read.
 */
const THREAD_MAIN = `
const { workerData } = require('node:worker_threads');
const failed = () => {
  workerData.port.postMessage({ failed: true });
  Atomics.add(workerData.signal, ${Signal.Posted}, 1);
  Atomics.notify(workerData.signal, ${Signal.Posted});
};
process.on('exit', failed);
try {
  require(workerData.reader);
} catch {
  failed();
}
`;

/** The bytes `start` to `end` of an open file (fewer at its end). */
function bytesAt(fd: number, start: number, end: number): Buffer {
  return Buffer.concat([...readOpenFileChunks(fd, end - start, { start, end })]);
}

/** Where to cut the open file, or -1 when it is smaller than `smallest` bytes or no issue start is seen near the cut. */
function cutOf(fd: number, smallest: number): number {
  const stats = fstatSync(fd);
  if (!stats.isFile() || stats.size < smallest) return -1;
  const from = Math.floor(stats.size * FIRST_PART_SHARE);
  return guessIssueStart(bytesAt(fd, 0, HEAD_BYTES), bytesAt(fd, from, from + WINDOW_BYTES), from);
}

/**
 * Starts reading the second part of a large export in a thread, from `reader` (cli/build/flow-metrics-list-part.js);
 * null when the file is to be read in one thread (standard input, a file under `smallest` bytes, no issue start seen).
 */
export function readExportInTwo(
  file: string,
  flaggedFieldIds: readonly string[],
  reader: string,
  smallest = SMALLEST_EXPORT_READ_IN_TWO,
): ExportReadInTwo | null {
  if (file === '-') return null;
  let fd: number;
  let split: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null; // read in one thread, which reports what is wrong with the file
  }
  try {
    split = cutOf(fd, smallest);
  } catch {
    split = -1;
  }
  if (split < 0) {
    closeSync(fd);
    return null;
  }
  const { port1, port2 } = new MessageChannel();
  const data: ListPartThreadData & { reader: string } = {
    fd,
    start: split,
    flaggedFieldIds,
    port: port2,
    signal: new Int32Array(new SharedArrayBuffer(8)),
    reader,
  };
  try {
    const worker = new Worker(THREAD_MAIN, { eval: true, workerData: data, transferList: [port2] });
    // An error of the thread ends its messages; the command's thread then reads the rest itself.
    worker.on('error', () => {});
    // Neither keeps the process alive: the command exits once its output is written, the thread with it.
    worker.unref();
    port1.unref();
  } catch {
    closeSync(fd);
    return null;
  }
  /** Whether the thread posted its last message, after which it reads the file no more. */
  let ended = false;
  return {
    split,
    firstPart: () => readOpenFileChunks(fd, undefined, { end: split }),
    secondPart(onIssue) {
      const batches = new IssueBatchReader();
      for (;;) {
        const posted = Atomics.load(data.signal, Signal.Posted);
        const received = receiveMessageOnPort(port1);
        if (received === undefined) {
          if (Atomics.wait(data.signal, Signal.Posted, posted, MESSAGE_TIMEOUT_MS) === 'timed-out') return null;
          continue;
        }
        const message = received.message as ListPartMessage;
        if (!('numbers' in message)) {
          ended = true;
          return 'closedAt' in message ? message.closedAt : null;
        }
        batches.read(message, onIssue);
      }
    },
    stop: () => Atomics.store(data.signal, Signal.Stop, 1),
    rest: (offset) => readOpenFileChunks(fd, undefined, { start: offset }),
    close() {
      // A thread still reading keeps the descriptor (the process ends soon): closed under it, its number could be
      // given to a file the command writes next, and the thread would read that.
      if (ended) closeSync(fd);
    },
  };
}
