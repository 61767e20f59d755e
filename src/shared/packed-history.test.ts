import { checkCompactHistory, issueAt } from '../domain';
import { compactHistoryFromShards, packShard, PackedShardError, unpackShard, type StoredIssue } from './packed-history';

const issues: StoredIssue[] = [
  {
    id: 10_001,
    key: 'FLOW-1',
    type: 0,
    created: Date.UTC(2025, 0, 2, 9, 30, 1, 123),
    resolved: Date.UTC(2025, 0, 9, 16, 0, 0, 7),
    initialStatus: 0,
    transitions: [
      { at: Date.UTC(2025, 0, 3, 10), status: 1 },
      { at: Date.UTC(2025, 0, 3, 10), status: 2 },
      { at: Date.UTC(2025, 0, 9, 16, 0, 0, 7), status: 3 },
    ],
    flags: [
      { at: Date.UTC(2025, 0, 4), on: true },
      { at: Date.UTC(2025, 0, 5), on: false },
    ],
  },
  // Moved in from another project: its key keeps the other prefix.
  { id: 10_007, key: 'OLD-42', type: 1, created: Date.UTC(2024, 11, 1), resolved: null, initialStatus: 1, transitions: [], flags: [] },
  // Resolved before its last transition (reopened within done statuses): a negative difference.
  {
    id: 10_300,
    key: 'FLOW-3',
    type: 0,
    created: Date.UTC(2024, 10, 1),
    resolved: Date.UTC(2024, 10, 5),
    initialStatus: 0,
    transitions: [{ at: Date.UTC(2024, 10, 6), status: 3 }],
    flags: [{ at: Date.UTC(2024, 10, 1), on: true }],
  },
];

describe('packed history shards', () => {
  it('pack and unpack without losing anything', () => {
    const shard = packShard(issues, 'FLOW');
    expect(unpackShard(JSON.parse(JSON.stringify(shard)), 'FLOW')).toEqual(issues);
  });

  it('store differences, which are short', () => {
    const shard = packShard(issues, 'FLOW');
    expect(shard.id).toEqual([10_001, 6, 293]);
    expect(shard.key).toEqual([1, 'OLD-42', 2]);
    expect(shard.resolved).toEqual([0, null, -86_400_000]);
  });

  it('rebuild the engine model from shards and the project dictionaries', () => {
    const dictionaries = {
      keyPrefix: 'FLOW',
      statuses: [
        { id: '1', name: 'Backlog', category: 'new' as const },
        { id: '2', name: 'Ready', category: 'new' as const },
        { id: '3', name: 'In Progress', category: 'indeterminate' as const },
        { id: '4', name: 'Done', category: 'done' as const },
      ],
      issueTypes: ['Story', 'Bug'],
    };
    const history = compactHistoryFromShards(dictionaries, [packShard(issues.slice(0, 2), 'FLOW'), packShard(issues.slice(2), 'FLOW')]);
    expect(checkCompactHistory(history)).toEqual([]);
    expect(history.issueId).toEqual(['10001', '10007', '10300']);
    expect(history.transitionOffset).toEqual([0, 3, 3, 4]);
    expect(issueAt(history, 0).transitions.map((t) => t.status.name)).toEqual(['Ready', 'In Progress', 'Done']);
    expect(issueAt(history, 1)).toMatchObject({ key: 'OLD-42', type: 'Bug', resolved: null });
  });

  it('refuse damaged shards with a readable error', () => {
    const shard = packShard(issues, 'FLOW');
    expect(() => unpackShard({ ...shard, tn: [9, 0, 1] }, 'FLOW')).toThrow(PackedShardError);
    expect(() => unpackShard({ ...shard, v: 2 as 1 }, 'FLOW')).toThrow(/damaged/);
    expect(() => unpackShard({ ...shard, created: shard.created.slice(1) }, 'FLOW')).toThrow(PackedShardError);
    const dictionaries = { keyPrefix: 'FLOW', statuses: [], issueTypes: ['Story', 'Bug'] };
    expect(() => compactHistoryFromShards(dictionaries, [shard])).toThrow(/outside the dictionaries/);
  });

  it("keep each issue's security level id, in a column written only when some issue of the shard has one", () => {
    expect(packShard(issues, 'FLOW').sl).toBeUndefined();
    const secured = issues.map((issue, i) => (i === 1 ? { ...issue, securityLevel: 10_100 } : issue));
    const shard = packShard(secured, 'FLOW');
    expect(shard.sl).toEqual([0, 10_100, 0]);
    expect(unpackShard(shard, 'FLOW')).toEqual(secured);
    expect(unpackShard(JSON.parse(JSON.stringify(shard)) as typeof shard, 'FLOW')[0]).not.toHaveProperty('securityLevel');
    expect(() => unpackShard({ ...shard, sl: [0, 1] }, 'FLOW')).toThrow(PackedShardError);
    expect(() => unpackShard({ ...shard, sl: [0, -5, 0] }, 'FLOW')).toThrow(PackedShardError);
  });
});
