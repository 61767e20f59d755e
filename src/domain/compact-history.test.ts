import {
  checkCompactHistory,
  CompactHistoryBuilder,
  currentStatusOf,
  filterCompactHistory,
  issueAt,
  issueCount,
  mergeCompactHistories,
  type CompactHistory,
} from './compact-history';

function twoIssues(): CompactHistory {
  const builder = new CompactHistoryBuilder();
  const todo = builder.status({ id: '1', name: 'To Do', category: 'new' });
  const doing = builder.status({ id: '2', name: 'In Progress', category: 'indeterminate' });
  builder.addIssue({
    id: '10',
    key: 'A-1',
    type: 'Story',
    created: 1000,
    resolved: null,
    initialStatus: todo,
    transitions: [{ at: 2000, status: doing }],
  });
  builder.addIssue({
    id: '11',
    key: 'A-2',
    type: 'Bug',
    created: 1500,
    resolved: 9000,
    initialStatus: todo,
    transitions: [],
    flags: [
      { at: 1600, on: true },
      { at: 1700, on: false },
    ],
  });
  return builder.build();
}

describe('compact history', () => {
  it('stores issues as columns, transitions in shared arrays with offsets', () => {
    const history = twoIssues();
    expect(history).toMatchObject({
      format: 1,
      issueTypes: ['Story', 'Bug'],
      issueId: ['10', '11'],
      key: ['A-1', 'A-2'],
      type: [0, 1],
      created: [1000, 1500],
      resolved: [null, 9000],
      initialStatus: [0, 0],
      transitionOffset: [0, 1, 1],
      transitionAt: [2000],
      transitionStatus: [1],
      flagOffset: [0, 0, 2],
      flagAt: [1600, 1700],
      flagOn: [1, 0],
    });
    expect(issueCount(history)).toBe(2);
    expect(currentStatusOf(history, 0)).toBe(1);
    expect(currentStatusOf(history, 1)).toBe(0);
    expect(checkCompactHistory(history)).toEqual([]);
  });

  it('is plain JSON: it survives a round trip unchanged', () => {
    const history = twoIssues();
    expect(JSON.parse(JSON.stringify(history))).toEqual(history);
  });

  it('identifies statuses by id, then by name, and lets authoritative sources rename them', () => {
    const builder = new CompactHistoryBuilder();
    const byName = builder.status({ name: 'In Review' });
    expect(builder.status({ id: '7', name: 'in review' })).toBe(byName); // same status, now with its id
    expect(builder.status({ id: '7', name: 'Code Review' })).toBe(byName); // an old name in history: ignored
    expect(builder.statusAt(byName).name).toBe('In Review');
    builder.status({ id: '7', name: 'Code Review', category: 'indeterminate' }, true); // renamed since
    expect(builder.statusAt(byName)).toEqual({ id: '7', name: 'Code Review', category: 'indeterminate' });
    expect(builder.status({ id: '8', name: 'Code Review' })).not.toBe(byName); // another status with that name
    expect(() => builder.status({})).toThrow('id or a name');
  });

  it('answers a status known by its id as status() does, without a reference (knownStatus), and -1 for one not known', () => {
    const fast = new CompactHistoryBuilder();
    const plain = new CompactHistoryBuilder();
    for (const builder of [fast, plain]) {
      builder.status({ id: '3' }); // seen by id only: its id stands in for its name
      builder.status({ id: '4', name: 'Done' });
    }
    const answers = [
      ['3', 'In Progress'], // names the status known only by id
      ['3', 'Doing'], // an older name in history: ignored, as status() ignores it
      ['4', null],
      ['4', ''],
    ] as const;
    for (const [id, name] of answers) expect(fast.knownStatus(id, name)).toBe(plain.status({ id, name }));
    expect(fast.statusAt(0)).toEqual(plain.statusAt(0));
    expect(fast.statusAt(0).name).toBe('In Progress');
    expect(fast.statusAt(1)).toEqual(plain.statusAt(1));
    expect(fast.knownStatus('5', 'Blocked')).toBe(-1);
    expect(fast.build().statuses).toHaveLength(2);
  });

  it('refuses transitions out of order or before creation', () => {
    const builder = new CompactHistoryBuilder();
    const s = builder.status({ name: 'To Do' });
    const issue = { id: '1', key: 'A-1', type: 'Story', created: 100, resolved: null, initialStatus: s };
    expect(() => builder.addIssue({ ...issue, transitions: [{ at: 50, status: s }] })).toThrow('A-1');
    expect(() =>
      builder.addIssue({
        ...issue,
        transitions: [
          { at: 300, status: s },
          { at: 200, status: s },
        ],
      }),
    ).toThrow('time order');
    expect(() => builder.addIssue({ ...issue, transitions: [{ at: 300, status: 9 }] })).toThrow('status index');
  });

  it('takes an issue whose changes are columns (addIssueRuns) as addIssue takes it, copying the columns', () => {
    const runs = { transitionAt: [2000], transitionStatus: [1], flagAt: [1600, 1700], flagOn: [1, 0] };
    const builder = new CompactHistoryBuilder();
    const todo = builder.status({ id: '1', name: 'To Do', category: 'new' });
    builder.status({ id: '2', name: 'In Progress', category: 'indeterminate' });
    const issue = { id: '10', key: 'A-1', type: 'Story', created: 1000, resolved: null, initialStatus: todo };
    builder.addIssueRuns({ ...issue, ...runs });
    // The reader reuses its arrays for the next issue: what was added must not change with them.
    runs.transitionAt.length = runs.flagAt.length = 0;
    builder.addIssueRuns({ ...issue, id: '11', key: 'A-2', ...runs });
    const expected = new CompactHistoryBuilder();
    expected.status({ id: '1', name: 'To Do', category: 'new' });
    const doing = expected.status({ id: '2', name: 'In Progress', category: 'indeterminate' });
    expected.addIssue({
      ...issue,
      transitions: [{ at: 2000, status: doing }],
      flags: [
        { at: 1600, on: true },
        { at: 1700, on: false },
      ],
    });
    expected.addIssue({ ...issue, id: '11', key: 'A-2', transitions: [] });
    expect(builder.build()).toEqual(expected.build());
    // Arrays reused without being emptied: only the first entries counted are the issue's.
    const reused = new CompactHistoryBuilder();
    reused.status({ id: '1', name: 'To Do', category: 'new' });
    reused.status({ id: '2', name: 'In Progress', category: 'indeterminate' });
    reused.addIssueRuns({
      ...issue,
      transitionAt: [2000, 5],
      transitionStatus: [1, 9],
      flagAt: [1600, 1700, 1],
      flagOn: [1, 0, 1],
      transitions: 1,
      flags: 2,
    });
    reused.addIssueRuns({
      ...issue,
      id: '11',
      key: 'A-2',
      transitionAt: [5],
      transitionStatus: [9],
      flagAt: [1],
      flagOn: [1],
      transitions: 0,
      flags: 0,
    });
    expect(reused.build()).toEqual(expected.build());
    const late = { ...issue, transitionStatus: [], flagAt: [50], flagOn: [1] };
    expect(() => builder.addIssueRuns({ ...late, transitionAt: [] })).toThrow('flag changes must be in time order');
    expect(() => builder.addIssueRuns({ ...late, transitionAt: [3000], transitionStatus: [7], flagAt: [] })).toThrow('status index');
  });

  it('leaves a history it built as it was when more issues are added afterwards', () => {
    const builder = new CompactHistoryBuilder();
    const todo = builder.status({ id: '1', name: 'To Do' });
    const issue = { type: 'Story', created: 1000, resolved: null, initialStatus: todo };
    builder.addIssue({ ...issue, id: '10', key: 'A-1', transitions: [{ at: 2000, status: todo }], flags: [{ at: 1500, on: true }] });
    const first = builder.build();
    const firstAsJson = JSON.stringify(first);
    builder.addIssue({
      ...issue,
      id: '11',
      key: 'A-2',
      type: 'Bug',
      transitions: [{ at: 3000, status: todo }],
      flags: [{ at: 1600, on: true }],
    });
    const second = builder.build();
    expect(JSON.stringify(first)).toBe(firstAsJson);
    expect(second.key).toEqual(['A-1', 'A-2']);
    expect(second.transitionAt).toEqual([2000, 3000]);
    expect(second.flagOffset).toEqual([0, 1, 2]);
    expect(second.issueTypes).toEqual(['Story', 'Bug']);
    expect(issueCount(first)).toBe(1);
  });

  it('shows one issue as an object', () => {
    const view = issueAt(twoIssues(), 0);
    expect(view).toEqual({
      id: '10',
      key: 'A-1',
      type: 'Story',
      created: 1000,
      resolved: null,
      initialStatus: { id: '1', name: 'To Do', category: 'new' },
      transitions: [{ at: 2000, status: { id: '2', name: 'In Progress', category: 'indeterminate' } }],
      flags: [],
    });
  });

  it('merges shards and updates: the last version of an issue wins, dictionaries are unified', () => {
    const stored = twoIssues();
    const builder = new CompactHistoryBuilder();
    const done = builder.status({ id: '3', name: 'Done', category: 'done' });
    const doing = builder.status({ id: '2', name: 'In Progress', category: 'indeterminate' });
    builder.addIssue({
      id: '10',
      key: 'A-1',
      type: 'Story',
      created: 1000,
      resolved: 5000,
      initialStatus: builder.status({ id: '1', name: 'To Do' }),
      transitions: [
        { at: 2000, status: doing },
        { at: 5000, status: done },
      ],
    });
    builder.addIssue({ id: '12', key: 'A-3', type: 'Task', created: 4000, resolved: null, initialStatus: doing, transitions: [] });
    const merged = mergeCompactHistories([stored, builder.build()]);
    expect(merged.key).toEqual(['A-1', 'A-2', 'A-3']);
    expect(issueAt(merged, 0).transitions.map((t) => [t.at, t.status.name])).toEqual([
      [2000, 'In Progress'],
      [5000, 'Done'],
    ]);
    expect(issueAt(merged, 0).resolved).toBe(5000);
    expect(issueAt(merged, 1).flags).toEqual([
      { at: 1600, on: true },
      { at: 1700, on: false },
    ]);
    expect(issueAt(merged, 2).initialStatus.name).toBe('In Progress');
    expect(merged.statuses.map((s) => s.name).sort()).toEqual(['Done', 'In Progress', 'To Do']);
    expect(checkCompactHistory(merged)).toEqual([]);
  });

  it('filters issues, keeping dictionaries and runs intact', () => {
    const filtered = filterCompactHistory(twoIssues(), (issue) => issue === 1);
    expect(filtered.key).toEqual(['A-2']);
    expect(filtered.transitionOffset).toEqual([0, 0]);
    expect(filtered.flagOffset).toEqual([0, 2]);
    expect(filtered.flagAt).toEqual([1600, 1700]);
    expect(checkCompactHistory(filtered)).toEqual([]);
  });

  it('reports structural problems of data read back from storage', () => {
    const history = twoIssues();
    expect(checkCompactHistory({ ...history, created: [1000] })).toContain('created has 1 entries for 2 issues');
    expect(checkCompactHistory({ ...history, transitionAt: [500] })[0]).toMatch(/A-1: transition out of time order/);
    expect(checkCompactHistory({ ...history, transitionOffset: [0, 2, 1] })).toContain('transition offsets decrease at issue 1');
    expect(checkCompactHistory({ ...history, transitionOffset: [0, 1] })).toContain('transition offsets do not match their columns');
    expect(checkCompactHistory({ ...history, transitionStatus: [9] })).toContain('a status index is outside the status dictionary');
  });
});
