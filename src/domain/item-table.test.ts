import { DEFAULT_FLOW_CONFIG } from './flow-config';
import { itemFacts, reportBasis } from './flow-report';
import { itemRowsOf } from './item-table';
import { at, BOARD_WORKFLOW, boardHistory, REWORK_ISSUES, REWORK_NOW } from './testing/history-fixture';

describe("a report's items as columns", () => {
  const config = { ...DEFAULT_FLOW_CONFIG, workflow: BOARD_WORKFLOW };
  const facts = itemFacts(reportBasis(boardHistory(REWORK_ISSUES), config, { now: at(REWORK_NOW) }), config);
  const table = facts.table();

  it('holds one row per item that existed at now, its numbers in typed arrays and each name once', () => {
    expect(table.key).toEqual(['T-1', 'T-2']);
    expect(table.stageDates).toBeInstanceOf(Float64Array);
    expect(table.stageDates).toHaveLength(2 * table.stages.length);
    expect(new Set(table.types).size).toBe(table.types.length);
  });

  it('gives the rows the report holds, nulls, days and times in each stage included, also after crossing threads', () => {
    const [done, inProgress] = facts.items();
    expect(done).toMatchObject({ key: 'T-1', start: '2025-03-04', done: '2025-03-07', age: null });
    expect(inProgress).toMatchObject({ key: 'T-2', done: null, cycleTime: null, stageDates: { Done: null } });
    expect(inProgress!.age).not.toBeNull();
    expect(itemRowsOf(structuredClone(table))).toEqual(facts.items());
  });
});
