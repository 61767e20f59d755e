import { checkCompactHistory, facetValuesAt, issueAt } from '../domain';
import { compactHistoryFromShards, packShard, PackedShardError, unpackShard, type PackedShard, type StoredIssue } from './packed-history';

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
    expect(unpackShard(JSON.parse(JSON.stringify(shard)) as PackedShard, 'FLOW')).toEqual(issues);
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
    expect(() => unpackShard({ ...shard, v: 3 as 1 }, 'FLOW')).toThrow(/damaged/);
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

  describe('with facets (format 2)', () => {
    const withFacets: StoredIssue[] = [
      { ...issues[0]!, facets: { resolution: 'Done', labels: ['checkout', 'mobile'], components: ['Payments'], parent: 'FLOW-7' } },
      { ...issues[1]!, facets: { resolution: null, labels: [], components: [], parent: 'OTHER-3' } },
      { ...issues[2]!, facets: { resolution: "Won't Fix", labels: ['mobile'], components: ['Payments', 'Search'], parent: null } },
    ];
    const dictionaries = {
      keyPrefix: 'FLOW',
      statuses: [0, 1, 2, 3].map((i) => ({ id: String(i + 1), name: `S${i}`, category: null })),
      issueTypes: ['Story', 'Bug'],
    };

    it('pack and unpack them without losing anything, each name written once a shard', () => {
      const shard = packShard(withFacets, 'FLOW');
      expect(shard.v).toBe(2);
      expect(shard.names).toEqual(['Done', 'checkout', 'mobile', 'Payments', "Won't Fix", 'Search']);
      expect(shard.par).toEqual([7, 'OTHER-3', null]);
      expect(unpackShard(JSON.parse(JSON.stringify(shard)) as PackedShard, 'FLOW')).toEqual(withFacets);
    });

    it('rebuild the facets of every issue into the engine model', () => {
      const history = compactHistoryFromShards(dictionaries, [
        packShard(withFacets.slice(0, 1), 'FLOW'),
        packShard(withFacets.slice(1), 'FLOW'),
      ]);
      expect(checkCompactHistory(history)).toEqual([]);
      expect(history.facets!.resolutions).toEqual(['Done', "Won't Fix"]);
      expect([0, 1, 2].map((i) => facetValuesAt(history.facets!, i))).toEqual(withFacets.map((issue) => issue.facets));
    });

    it('write a shard without facets while any of its issues has none, and read such a history as "facets unknown"', () => {
      const mixed = [withFacets[0]!, issues[1]!];
      expect(packShard(mixed, 'FLOW').v).toBe(1);
      expect(unpackShard(packShard(mixed, 'FLOW'), 'FLOW')).toEqual([issues[0], issues[1]]);
      const history = compactHistoryFromShards(dictionaries, [
        packShard(withFacets.slice(0, 2), 'FLOW'),
        packShard(issues.slice(2), 'FLOW'),
      ]);
      expect(history.facets).toBeUndefined();
      expect(history.key).toEqual(['FLOW-1', 'OLD-42', 'FLOW-3']);
    });

    it('keep security levels beside them, in one shard', () => {
      const secured = withFacets.map((issue, i) => (i === 2 ? { ...issue, securityLevel: 10_100 } : issue));
      const shard = packShard(secured, 'FLOW');
      expect([shard.v, shard.sl]).toEqual([2, [0, 0, 10_100]]);
      expect(unpackShard(JSON.parse(JSON.stringify(shard)) as PackedShard, 'FLOW')).toEqual(secured);
    });

    it('refuse damaged facet columns with a readable error', () => {
      const shard = packShard(withFacets, 'FLOW');
      expect(() => unpackShard({ ...shard, res: [0, -1, 9] }, 'FLOW')).toThrow(/outside the names/);
      expect(() => unpackShard({ ...shard, ln: [2, 0, 5] }, 'FLOW')).toThrow(/too many labels/);
      expect(() => unpackShard({ ...shard, cmp: [...shard.cmp!, 0] }, 'FLOW')).toThrow(/left over/);
      expect(() => unpackShard({ ...shard, par: [7, null] }, 'FLOW')).toThrow(/different lengths/);
      expect(() => unpackShard({ ...shard, par: [7, { key: 'X' } as unknown as string, null] }, 'FLOW')).toThrow(/malformed parent/);
    });
  });
});
