/**
 * What the thread reading the second part of an export's issue list (list-part-worker.ts) and the command's
 * thread (list-part-thread.ts) tell each other. The command runs synchronously to its end, so it never handles a
 * thread's events: it takes the thread's messages from their port (`receiveMessageOnPort`) and waits on a shared
 * counter of the messages posted (`Atomics.wait`), which the thread raises after each.
 */
import type { MessagePort } from 'node:worker_threads';
import type { IssueBatch } from './issue-batch';

/** Indices into `ListPartThreadData.signal`. */
export const enum Signal {
  /** How many messages the thread has posted. */
  Posted,
  /** 1 once the command's thread no longer wants the part. */
  Stop,
}

export interface ListPartThreadData {
  /** The export's file descriptor, opened by the command's thread (a process's descriptors serve all its threads). */
  fd: number;
  /** The offset of the part's first issue (see list-split.ts). */
  start: number;
  flaggedFieldIds: readonly string[];
  port: MessagePort;
  /** Two 32-bit integers, by `Signal`. */
  signal: Int32Array;
}

/** A batch of issues; then, last, where the part ended (its list's closing bracket), or that the thread could not read it to its end. */
export type ListPartMessage = IssueBatch | { closedAt: number } | { failed: true };

/** Posts a message and raises the counter the command's thread waits on. */
function postMessage(data: Pick<ListPartThreadData, 'port' | 'signal'>, message: ListPartMessage): void {
  data.port.postMessage(message, 'numbers' in message ? [message.numbers.buffer as ArrayBuffer] : []);
  Atomics.add(data.signal, Signal.Posted, 1);
  Atomics.notify(data.signal, Signal.Posted);
}

/**
 * Runs the thread's reading, posting its batches and then how it ended. Any failure is only posted: the command's
 * thread reads what is left of the part itself, and words what is wrong with it there.
 */
export function postListPart(data: ListPartThreadData, read: (post: (batch: IssueBatch) => void, stopped: () => boolean) => number): void {
  try {
    const closedAt = read(
      (batch) => postMessage(data, batch),
      () => Atomics.load(data.signal, Signal.Stop) === 1,
    );
    postMessage(data, { closedAt });
  } catch {
    postMessage(data, { failed: true });
  }
}
