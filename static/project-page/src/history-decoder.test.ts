import { deflateSync } from 'node:zlib';
import { compactHistoryFromShards, packShard, type HistoryDictionaries, type StoredIssue } from '../../../src/shared/packed-history';
import type { HeldHistory } from '../../../src/shared/project-history-decoding';
import { historyDecoder } from './history-decoder';
import type { HistoryDecodingAnswer, HistoryDecodingWorker } from './history-decoding-protocol';

const dictionaries: HistoryDictionaries = {
  keyPrefix: 'FLOW',
  statuses: [
    { id: '1', name: 'To Do', category: 'new' },
    { id: '5', name: 'Done', category: 'done' },
  ],
  issueTypes: ['Story'],
};
const issues: StoredIssue[] = [1, 2].map((n) => ({
  id: 10_000 + n,
  key: `FLOW-${n}`,
  type: 0,
  created: Date.UTC(2026, 0, n),
  resolved: null,
  initialStatus: 0,
  transitions: [{ at: Date.UTC(2026, 0, n + 1), status: 1 }],
  flags: [],
}));
const held: HeldHistory = {
  version: 'v1',
  dictionaries,
  shards: [deflateSync(Buffer.from(JSON.stringify(packShard(issues, 'FLOW')))).toString('base64')],
  edits: [],
};
const decoded = compactHistoryFromShards(dictionaries, [packShard(issues, 'FLOW')]);

/** A worker the test answers for: what it was sent, whether it was ended, and a way to answer or fail. */
function fakeWorker() {
  const sent: HeldHistory[] = [];
  const worker: HistoryDecodingWorker & { ended: boolean } = {
    ended: false,
    onmessage: null,
    onerror: null,
    postMessage: (message) => sent.push(message),
    terminate: () => (worker.ended = true),
  };
  return {
    worker,
    sent,
    answer: (answer: HistoryDecodingAnswer) => worker.onmessage!({ data: answer } as MessageEvent<HistoryDecodingAnswer>),
    fail: () => worker.onerror!({} as ErrorEvent),
  };
}

describe('historyDecoder', () => {
  it('sends the held history to the worker, answers what the worker decoded, and ends the worker', async () => {
    const fake = fakeWorker();
    const decoding = historyDecoder(() => fake.worker).decode(held);
    expect(fake.sent).toEqual([held]);
    fake.answer({ ok: true, history: decoded });
    await expect(decoding).resolves.toBe(decoded);
    expect(fake.worker.ended).toBe(true);
  });

  it('fails with the worker’s reason when the history cannot be read', async () => {
    const fake = fakeWorker();
    const decoding = historyDecoder(() => fake.worker).decode(held);
    fake.answer({ ok: false, message: 'Stored history shard is damaged: it does not decompress' });
    await expect(decoding).rejects.toThrow('Stored history shard is damaged: it does not decompress');
    expect(fake.worker.ended).toBe(true);
  });

  it('decodes on the page where the browser gives no worker, or refuses to start one', async () => {
    await expect(historyDecoder(() => null).decode(held)).resolves.toEqual(decoded);
    const refused = () => {
      throw new Error('refused by the content security policy');
    };
    await expect(historyDecoder(refused).decode(held)).resolves.toEqual(decoded);
  });

  it('decodes on the page when the worker cannot run, before it is asked or while it decodes', async () => {
    const early = fakeWorker();
    const beforeAsked = historyDecoder(() => early.worker);
    early.fail();
    await expect(beforeAsked.decode(held)).resolves.toEqual(decoded);
    expect(early.sent).toEqual([]);
    expect(early.worker.ended).toBe(true);

    const late = fakeWorker();
    const decoding = historyDecoder(() => late.worker).decode(held);
    late.fail();
    await expect(decoding).resolves.toEqual(decoded);
    expect(late.worker.ended).toBe(true);
  });

  it('ends a worker that was never asked when the load stops', () => {
    const fake = fakeWorker();
    historyDecoder(() => fake.worker).stop();
    expect(fake.worker.ended).toBe(true);
  });
});
