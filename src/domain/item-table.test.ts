import fc from 'fast-check';
import { filterCompactHistory } from './compact-history';
import { DEFAULT_FLOW_CONFIG, type FlowConfig } from './flow-config';
import { itemFacts, movedStartItemFacts, reportBasis, selectedItemFacts } from './flow-report';
import { itemRowsOf, pickedItemTable } from './item-table';
import { movedStartTimeline } from './moved-start-timeline';
import { selectedTimeline } from './selected-timeline';
import { withStageRange } from './stage-range';
import {
  ALL_CONVENTION_VARIANTS,
  arbitraryBoardHistory,
  at,
  BOARD_WORKFLOW,
  boardHistory,
  REWORK_ISSUES,
  REWORK_NOW,
} from './testing/history-fixture';
import { resolveWorkflow, type Workflow } from './workflow';

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

describe('a table told as rows of the whole history’s (a pick)', () => {
  const run = { now: Date.UTC(2025, 2, 5), seed: 1 };
  const DISCARDING: Workflow = { ...BOARD_WORKFLOW, discardedStatuses: ['Released'] };

  it('is, column for column, the table of the history filtered to the items chosen, from any start stage', () => {
    fc.assert(
      fc.property(
        arbitraryBoardHistory(30),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        fc.constantFrom(...ALL_CONVENTION_VARIANTS),
        fc.constantFrom(BOARD_WORKFLOW, DISCARDING),
        fc.constantFrom(null, 'Backlog', 'In Progress', 'Review'),
        (history, kept, conventions, workflow, from) => {
          const keep = (issue: number) => kept[issue]!;
          const config: FlowConfig = { ...DEFAULT_FLOW_CONFIG, conventions, workflow };
          const ranged: FlowConfig = from === null ? config : { ...config, workflow: withStageRange(workflow, { from, to: 'Done' }) };
          const own = reportBasis(history, config, run);
          const ownFacts = itemFacts(own, config);
          const moved =
            from === null
              ? own
              : { ...own, timeline: movedStartTimeline(own.timeline, resolveWorkflow(ranged.workflow!, history.statuses))! };
          const movedFacts = from === null ? ownFacts : movedStartItemFacts(moved, ownFacts, ranged);
          const cut = { ...moved, timeline: selectedTimeline(moved.timeline, keep) };
          const cutFacts = selectedItemFacts(cut, movedFacts);
          const expected = (source: typeof history) => itemFacts(reportBasis(source, ranged, run), ranged).table();
          for (const [facts, source] of [
            [movedFacts, history],
            [cutFacts, filterCompactHistory(history, keep)],
          ] as const) {
            // Every pick names the one table a page holds: the workflow's own, of the whole history.
            expect(facts.pick().of).toBe(ownFacts.table());
            expect(pickedItemTable(facts.pick())).toEqual(expected(source));
            expect(pickedItemTable(facts.pick())).toEqual(facts.table());
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
