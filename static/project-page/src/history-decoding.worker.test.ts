import { deflateSync } from 'node:zlib';
import { compactHistoryFromShards, packShard, type HistoryDictionaries, type StoredIssue } from '../../../src/shared/packed-history';
import type { HeldHistory } from '../../../src/shared/project-history-decoding';
import type { HistoryDecodingAnswer } from './history-decoding-protocol';

/**
 * The worker module itself, run in this process: its global scope is a stand-in whose messages cross as a
 * browser's do (structured clone), so the decoded history must survive the copy back to the page.
 */
async function loadWorker(): Promise<{ post: (held: HeldHistory) => void; answer: () => Promise<HistoryDecodingAnswer> }> {
  let settle: (answer: HistoryDecodingAnswer) => void = () => {};
  let answered = new Promise<HistoryDecodingAnswer>((resolve) => (settle = resolve));
  const scope: { onmessage?: (event: { data: HeldHistory }) => void; postMessage: (answer: HistoryDecodingAnswer) => void } = {
    postMessage: (answer) => settle(structuredClone(answer)),
  };
  (globalThis as unknown as { self: typeof scope }).self = scope;
  await jest.isolateModulesAsync(async () => {
    await import('./history-decoding.worker');
  });
  return {
    post: (held) => {
      answered = new Promise<HistoryDecodingAnswer>((resolve) => (settle = resolve));
      scope.onmessage!({ data: structuredClone(held) });
    },
    answer: () => answered,
  };
}

const dictionaries: HistoryDictionaries = {
  keyPrefix: 'FLOW',
  statuses: [
    { id: '1', name: 'To Do', category: 'new' },
    { id: '3', name: 'In Progress', category: 'indeterminate' },
    { id: '5', name: 'Done', category: 'done' },
  ],
  issueTypes: ['Story', 'Bug'],
};
const DAY = 86_400_000;
const issues: StoredIssue[] = [1, 2, 3].map((n) => ({
  id: 10_000 + n,
  key: `FLOW-${n}`,
  type: n % 2,
  created: Date.UTC(2026, 0, n),
  resolved: n === 2 ? Date.UTC(2026, 0, n) + 3 * DAY : null,
  initialStatus: 0,
  transitions: [{ at: Date.UTC(2026, 0, n) + DAY, status: 1 }],
  flags: [],
}));
/** As storage keeps and sends a shard: its JSON, deflated (zlib), base64. */
const encoded = (shard: StoredIssue[]) => deflateSync(Buffer.from(JSON.stringify(packShard(shard, 'FLOW')))).toString('base64');

describe('the history-decoding worker', () => {
  afterEach(() => delete (globalThis as { self?: unknown }).self);

  it('answers the history the stored shards hold, as the page would have decoded it', async () => {
    const worker = await loadWorker();
    worker.post({ version: 'v1', dictionaries, shards: [encoded(issues.slice(0, 2)), encoded(issues.slice(2))], edits: [] });
    expect(await worker.answer()).toEqual({
      ok: true,
      history: compactHistoryFromShards(dictionaries, [packShard(issues.slice(0, 2), 'FLOW'), packShard(issues.slice(2), 'FLOW')]),
    });
  });

  it('says why a history it cannot read was not decoded, and decodes the next one', async () => {
    const worker = await loadWorker();
    worker.post({ version: 'v1', dictionaries, shards: ['not a deflated shard'], edits: [] });
    expect(await worker.answer()).toEqual({ ok: false, message: 'Stored history shard is damaged: it does not decompress' });

    worker.post({ version: 'v2', dictionaries, shards: [encoded(issues)], edits: [] });
    expect(await worker.answer()).toMatchObject({ ok: true, history: { key: ['FLOW-1', 'FLOW-2', 'FLOW-3'] } });
  });
});
