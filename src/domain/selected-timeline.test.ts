import fc from 'fast-check';
import { filterCompactHistory, type CompactHistory } from './compact-history';
import { DEFAULT_FLOW_CONFIG, type FlowConfig } from './flow-config';
import { buildFlowMeasures, itemFacts, reportBasis, selectedItemFacts, windowMeasures, withItemRows } from './flow-report';
import { selectedTimeline } from './selected-timeline';
import { buildStageAging, endOfDayAsOf, stageAgingReport } from './stage-aging-report';
import { withStageRange } from './stage-range';
import { ALL_CONVENTION_VARIANTS, arbitraryBoardHistory, BOARD_WORKFLOW } from './testing/history-fixture';
import type { Workflow } from './workflow';

const run = { now: Date.UTC(2025, 2, 5), seed: 1 };

/** The board with Released meaning discarded, so discarded work is cut too. */
const DISCARDING: Workflow = { ...BOARD_WORKFLOW, discardedStatuses: ['Released'] };
const WORKFLOWS: Workflow[] = [
  BOARD_WORKFLOW,
  DISCARDING,
  withStageRange(BOARD_WORKFLOW, { from: 'Backlog', to: 'Review' }),
  withStageRange(DISCARDING, { from: 'Review', to: 'Released' }),
];
const WINDOWS: Array<FlowConfig['window']> = [
  { from: null, to: null, days: null },
  { from: null, to: null, days: 14 },
  { from: '2025-01-20', to: '2025-02-10', days: null },
];

/** Every measure but the forecast, from the whole history's timeline cut to the items kept. */
function cutMeasures(history: CompactHistory, config: FlowConfig, keep: (issue: number) => boolean) {
  const whole = reportBasis(history, config, run);
  const basis = { ...whole, timeline: selectedTimeline(whole.timeline, keep) };
  const facts = selectedItemFacts(basis, itemFacts(whole, config));
  return withItemRows(windowMeasures(basis, facts, config, run), facts);
}

describe('a timeline cut to some items', () => {
  it('measures exactly what the history filtered to the same items measures, item rows and time in status included', () => {
    fc.assert(
      fc.property(
        arbitraryBoardHistory(30),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        fc.constantFrom(...ALL_CONVENTION_VARIANTS),
        fc.constantFrom(...WORKFLOWS),
        fc.constantFrom(...WINDOWS),
        (history, kept, conventions, workflow, window) => {
          const keep = (issue: number) => kept[issue]!;
          const config: FlowConfig = { ...DEFAULT_FLOW_CONFIG, conventions, workflow, window };
          expect(cutMeasures(history, config, keep)).toEqual(buildFlowMeasures(filterCompactHistory(history, keep), config, run));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sees the same aging by stage as the history filtered to the same items, as of now and as of a past day', () => {
    fc.assert(
      fc.property(
        arbitraryBoardHistory(40),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.constantFrom(...ALL_CONVENTION_VARIANTS),
        fc.constantFrom(...WORKFLOWS),
        fc.constantFrom(...WINDOWS),
        fc.constantFrom(null, '2025-02-01', '2025-02-20'),
        (history, kept, conventions, workflow, window, asOfDate) => {
          const keep = (issue: number) => kept[issue]!;
          const config: FlowConfig = { ...DEFAULT_FLOW_CONFIG, conventions, workflow, window };
          const whole = reportBasis(history, config, { now: endOfDayAsOf(asOfDate, conventions.timeZone, run.now) });
          const cut = stageAgingReport(history, { ...whole, timeline: selectedTimeline(whole.timeline, keep) }, config);
          expect(cut).toEqual(buildStageAging(filterCompactHistory(history, keep), config, run.now, asOfDate));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaves the whole timeline as it was, so other choices of items can be cut from it', () => {
    fc.assert(
      fc.property(arbitraryBoardHistory(20), (history) => {
        const config: FlowConfig = { ...DEFAULT_FLOW_CONFIG, workflow: BOARD_WORKFLOW };
        const whole = reportBasis(history, config, run);
        const before = structuredClone({ ...whole.timeline, history: null, workflow: null, zone: null });
        selectedTimeline(whole.timeline, (issue) => issue % 2 === 0);
        expect({ ...whole.timeline, history: null, workflow: null, zone: null }).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });

  it('cuts every per-item column of the timeline: none is shared with the whole timeline', () => {
    // A column added to FlowTimeline and not written in selectedTimeline would be carried over whole by its
    // spread, still holding the left-out items' values.
    const history = fc.sample(arbitraryBoardHistory(5), { numRuns: 1, seed: 1 })[0]!;
    const whole = reportBasis(history, { ...DEFAULT_FLOW_CONFIG, workflow: BOARD_WORKFLOW }, run).timeline;
    const cut = selectedTimeline(whole, () => false);
    const columns = Object.keys(whole).filter((name) => ArrayBuffer.isView(whole[name as keyof typeof whole]));
    expect(columns.length).toBeGreaterThan(10);
    const shared = columns.filter((name) => cut[name as keyof typeof cut] === whole[name as keyof typeof whole]);
    expect(shared).toEqual([]);
  });
});
