import { decodeShardText } from '../../shared/project-history-decoding';
import { packShard, PackedShardError } from '../../shared/packed-history';
import { decodeShard, encodeShard, shardRefOf } from './shard-encoding';

const shard = packShard(
  Array.from({ length: 300 }, (_, i) => ({
    id: 20_000 + i,
    key: `FLOW-${i + 1}`,
    type: i % 3,
    created: 1_700_000_000_000 + i * 3_600_000,
    resolved: i % 2 === 0 ? null : 1_700_000_000_000 + i * 3_600_000 + 86_400_000,
    initialStatus: 0,
    transitions: [{ at: 1_700_000_000_000 + i * 3_600_000 + 86_400_000, status: 2 }],
    flags: [],
  })),
  'FLOW',
);

describe('shards as stored', () => {
  it('are compressed to well under half their JSON', () => {
    expect(encodeShard(shard).length).toBeLessThan(JSON.stringify(shard).length / 2);
  });

  it('decode on the server and, with web-platform APIs only, in the browser', async () => {
    const text = encodeShard(shard);
    expect(decodeShard(text)).toEqual(shard);
    await expect(decodeShardText(text)).resolves.toEqual(shard);
  });

  it('are named by their content', () => {
    expect(shardRefOf(encodeShard(shard))).toBe(shardRefOf(encodeShard(JSON.parse(JSON.stringify(shard)) as typeof shard)));
    expect(shardRefOf(encodeShard({ ...shard, type: [...shard.type].reverse() }))).not.toBe(shardRefOf(encodeShard(shard)));
    expect(shardRefOf(encodeShard(shard))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('that are damaged fail readably', async () => {
    expect(() => decodeShard('not base64 deflate')).toThrow(PackedShardError);
    await expect(decodeShardText('bm90IGRlZmxhdGU=')).rejects.toThrow(PackedShardError);
  });
});
