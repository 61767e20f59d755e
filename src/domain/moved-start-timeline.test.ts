import fc from 'fast-check';
import { filterCompactHistory } from './compact-history';
import { DEFAULT_FLOW_CONFIG, type FlowConfig } from './flow-config';
import {
  buildFlowMeasures,
  itemFacts,
  movedStartItemFacts,
  reportBasis,
  selectedItemFacts,
  windowMeasures,
  withItemRows,
} from './flow-report';
import { movedStartTimeline } from './moved-start-timeline';
import { selectedTimeline } from './selected-timeline';
import { withStageRange } from './stage-range';
import { ALL_CONVENTION_VARIANTS, arbitraryBoardHistory, BOARD_WORKFLOW } from './testing/history-fixture';
import { resolveWorkflow, type Workflow } from './workflow';

const run = { now: Date.UTC(2025, 2, 5), seed: 1 };

/** The board with Released meaning discarded: its done region holds a discarded status. */
const DISCARDING: Workflow = { ...BOARD_WORKFLOW, discardedStatuses: ['Released'] };
/** Ranges that stop the clock where the workflow does (Done), from each stage before it. */
const STARTS = ['Backlog', 'In Progress', 'Review'];
const WINDOWS: Array<FlowConfig['window']> = [
  { from: null, to: null, days: null },
  { from: null, to: null, days: 14 },
];

describe('a timeline with its start stage moved', () => {
  it('is the timeline built for the stage range, column for column', () => {
    fc.assert(
      fc.property(
        arbitraryBoardHistory(30),
        fc.constantFrom(...ALL_CONVENTION_VARIANTS),
        fc.constantFrom(BOARD_WORKFLOW, DISCARDING),
        fc.constantFrom(...STARTS),
        (history, conventions, workflow, from) => {
          const config: FlowConfig = { ...DEFAULT_FLOW_CONFIG, conventions, workflow };
          const ranged: FlowConfig = { ...config, workflow: withStageRange(workflow, { from, to: 'Done' }) };
          const own = reportBasis(history, config, run).timeline;
          const moved = movedStartTimeline(own, resolveWorkflow(ranged.workflow!, history.statuses));
          expect(moved).toEqual(reportBasis(history, ranged, run).timeline);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('measures, cut to some items or not, exactly what the history filtered to them measures on the ranged workflow', () => {
    fc.assert(
      fc.property(
        arbitraryBoardHistory(30),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        fc.constantFrom(...ALL_CONVENTION_VARIANTS),
        fc.constantFrom(BOARD_WORKFLOW, DISCARDING),
        fc.constantFrom(...STARTS),
        fc.constantFrom(...WINDOWS),
        (history, kept, conventions, workflow, from, window) => {
          const keep = (issue: number) => kept[issue]!;
          const config: FlowConfig = { ...DEFAULT_FLOW_CONFIG, conventions, workflow, window };
          const ranged: FlowConfig = { ...config, workflow: withStageRange(workflow, { from, to: 'Done' }) };
          const own = reportBasis(history, config, run);
          const ownFacts = itemFacts(own, config);
          // The workflow's own table built first, as a page has it when a range is chosen: the moved one copies it.
          ownFacts.table();
          const basis = { ...own, timeline: movedStartTimeline(own.timeline, resolveWorkflow(ranged.workflow!, history.statuses))! };
          const facts = movedStartItemFacts(basis, ownFacts, ranged);
          expect(withItemRows(windowMeasures(basis, facts, ranged, run), facts)).toEqual(buildFlowMeasures(history, ranged, run));
          const cut = { ...basis, timeline: selectedTimeline(basis.timeline, keep) };
          const cutFacts = selectedItemFacts(cut, facts);
          expect(withItemRows(windowMeasures(cut, cutFacts, ranged, run), cutFacts)).toEqual(
            buildFlowMeasures(filterCompactHistory(history, keep), ranged, run),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is not read from a timeline that ends elsewhere: a range to another stage needs a timeline of its own', () => {
    fc.assert(
      fc.property(arbitraryBoardHistory(10), (history) => {
        const own = reportBasis(history, { ...DEFAULT_FLOW_CONFIG, workflow: BOARD_WORKFLOW }, run).timeline;
        const toReview = resolveWorkflow(withStageRange(BOARD_WORKFLOW, { from: 'Backlog', to: 'Review' }), history.statuses);
        const toReleased = resolveWorkflow(withStageRange(BOARD_WORKFLOW, { from: 'In Progress', to: 'Released' }), history.statuses);
        expect(movedStartTimeline(own, toReview)).toBeNull();
        expect(movedStartTimeline(own, toReleased)).toBeNull();
      }),
      { numRuns: 10 },
    );
  });
});
