import { deflateSync } from 'node:zlib';
import { compactHistoryFromShards, packShard, PackedShardError, type HistoryDictionaries, type StoredIssue } from './packed-history';
import { decodeProjectHistory, decodeProjectHistoryUpdate, type HeldHistory } from './project-history-decoding';
import type { ProjectHistoryPart } from './resolver-contract';

/**
 * The browser's side of the project view: a whole history, and edits applied to a held one. The edits must
 * give exactly what a whole history of the same issues gives, since the charts cannot tell them apart.
 */
const dictionaries: HistoryDictionaries = {
  keyPrefix: 'FLOW',
  statuses: [
    { id: '1', name: 'To Do', category: 'new' },
    { id: '3', name: 'In Progress', category: 'indeterminate' },
    { id: '5', name: 'Done', category: 'done' },
  ],
  issueTypes: ['Story', 'Bug'],
};

const day = (n: number) => Date.UTC(2026, 0, 1) + n * 86_400_000;
const issue = (id: number, transitions: Array<[number, number]>, resolved: number | null = null): StoredIssue => ({
  id,
  key: `FLOW-${id - 10_000}`,
  type: id % 2,
  created: day(0) + id,
  resolved,
  initialStatus: 0,
  transitions: transitions.map(([at, status]) => ({ at, status })),
  flags: [],
});

/** As storage keeps and sends a shard: its JSON, deflated (zlib), base64. */
const encoded = (issues: StoredIssue[]) => deflateSync(Buffer.from(JSON.stringify(packShard(issues, 'FLOW')))).toString('base64');

const before = [
  issue(10_001, [[day(1), 1]]),
  issue(
    10_002,
    [
      [day(2), 1],
      [day(3), 2],
    ],
    day(3),
  ),
  issue(10_003, []),
];
const after = [
  issue(
    10_001,
    [
      [day(1), 1],
      [day(4), 2],
    ],
    day(4),
  ),
  issue(10_003, []),
  issue(10_004, [[day(5), 1]]),
];

function part(overrides: Partial<ProjectHistoryPart>): ProjectHistoryPart {
  return {
    format: 1,
    dictionaries,
    issueCount: 3,
    shardCount: 2,
    fromShard: 0,
    shards: [],
    nextShard: null,
    version: '1111111111111111',
    basedOn: null,
    edits: [],
    ...overrides,
  };
}

describe('decoding the project view', () => {
  it('holds a whole history as it was sent, named by its version', async () => {
    const shards = [encoded(before.slice(0, 2)), encoded(before.slice(2))];
    const { history, held } = await decodeProjectHistoryUpdate(part({ shards }), undefined, null);
    expect(held).toEqual({ version: '1111111111111111', dictionaries, shards, edits: [] });
    expect(history).toEqual(compactHistoryFromShards(dictionaries, [packShard(before, 'FLOW')]));
    expect(await decodeProjectHistory(part({ shards }))).toEqual(history);
  });

  it('applies edits to the held history: changed and new issues replace, removed ids go, ids stay in order', async () => {
    const held: HeldHistory = { version: '1111111111111111', dictionaries, shards: [encoded(before)], edits: [] };
    const edit = { upserts: encoded([after[0]!, after[2]!]), deletes: [10_002] };
    const answer = part({ version: '2222222222222222', basedOn: '1111111111111111', edits: [edit] });
    const { history, held: next } = await decodeProjectHistoryUpdate(answer, undefined, held);
    expect(history).toEqual(compactHistoryFromShards(dictionaries, [packShard(after, 'FLOW')]));
    expect(next).toEqual({ version: '2222222222222222', dictionaries, shards: held.shards, edits: [edit] });

    // Nothing changed since: the same history again, from what is held.
    const again = await decodeProjectHistoryUpdate(part({ version: '2222222222222222', basedOn: '2222222222222222' }), undefined, next);
    expect(again.history).toEqual(history);
  });

  it('refuses edits for a version this browser does not hold, and a whole-history decode of edits', async () => {
    const held: HeldHistory = { version: '1111111111111111', dictionaries, shards: [encoded(before)], edits: [] };
    const answer = part({ version: '3333333333333333', basedOn: '2222222222222222', edits: [] });
    await expect(decodeProjectHistoryUpdate(answer, undefined, held)).rejects.toBeInstanceOf(PackedShardError);
    await expect(decodeProjectHistoryUpdate(answer, undefined, null)).rejects.toBeInstanceOf(PackedShardError);
    await expect(decodeProjectHistory(answer)).rejects.toBeInstanceOf(PackedShardError);
  });
});

describe('reading base64 where the platform reads it natively (Uint8Array.fromBase64)', () => {
  const typedArray = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };
  let read: string[];
  beforeEach(() => {
    read = [];
    typedArray.fromBase64 = (text) => {
      read.push(text);
      return new Uint8Array(Buffer.from(text, 'base64'));
    };
  });
  afterEach(() => {
    delete typedArray.fromBase64;
  });

  it('decodes the same history through it as through atob', async () => {
    const shards = [encoded(before.slice(0, 2)), encoded(before.slice(2))];
    const { history } = await decodeProjectHistoryUpdate(part({ shards }), undefined, null);
    expect(read).toEqual(shards);
    expect(history).toEqual(compactHistoryFromShards(dictionaries, [packShard(before, 'FLOW')]));
  });

  it('answers text that is not base64 with the same error', async () => {
    typedArray.fromBase64 = () => {
      throw new SyntaxError('not base64');
    };
    await expect(decodeProjectHistory(part({ shards: ['%%%'] }))).rejects.toBeInstanceOf(PackedShardError);
  });
});
