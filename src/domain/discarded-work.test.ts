import { parseFlowConfig, FlowConfigError } from './flow-config';
import { buildFlowReport } from './flow-report';
import { at, BOARD_WORKFLOW, boardHistory, type IssueSketch } from './testing/history-fixture';
import type { CompactHistory } from './compact-history';
import { IssueFacetsBuilder } from './issue-facets';
import { workflowProblems } from './workflow';

// The board's "Released" status stands for a done status such as Won't Fix: the admin marks it discarded.
const DISCARDING = { ...BOARD_WORKFLOW, discardedStatuses: ['Released'] };

const issues: IssueSketch[] = [
  // Delivered: 4 and 6 days.
  {
    key: 'D-1',
    created: '2025-03-01T09:00Z',
    moves: [
      ['2025-03-02T09:00Z', 'In Progress'],
      ['2025-03-05T09:00Z', 'Done'],
    ],
  },
  {
    key: 'D-2',
    created: '2025-03-01T09:00Z',
    moves: [
      ['2025-03-03T09:00Z', 'In Progress'],
      ['2025-03-08T09:00Z', 'Done'],
    ],
  },
  // Closed without a fix the day it was picked up, twice.
  {
    key: 'W-1',
    created: '2025-03-01T09:00Z',
    moves: [
      ['2025-03-04T09:00Z', 'In Progress'],
      ['2025-03-04T10:00Z', 'Released'],
    ],
  },
  {
    key: 'W-2',
    created: '2025-03-01T09:00Z',
    moves: [
      ['2025-03-06T09:00Z', 'In Progress'],
      ['2025-03-06T10:00Z', 'Released'],
    ],
  },
  { key: 'P-1', created: '2025-03-01T09:00Z', moves: [['2025-03-07T09:00Z', 'In Progress']] },
];
const run = { now: at('2025-03-10T12:00Z'), seed: 1 };

function reportWith(workflow: typeof BOARD_WORKFLOW) {
  return buildFlowReport(boardHistory(issues), parseFlowConfig({ ...workflow, window: { from: '2025-03-01', to: null } }), run);
}

describe('discarded work', () => {
  it('is left out of cycle time and throughput, and counted apart', () => {
    const report = reportWith(DISCARDING);
    expect(report.generated.doneInWindow).toBe(2);
    expect(report.scatter.map((point) => point.key)).toEqual(['D-1', 'D-2']);
    expect(report.percentiles['50']).toBe(4);
    expect(report.throughput.reduce((sum, period) => sum + period.count, 0)).toBe(2);
    expect(report.discarded).toEqual({ items: 2, byStatus: [{ status: 'Released', items: 2 }] });
    const w1 = report.items.find((item) => item.key === 'W-1')!;
    expect(w1).toMatchObject({ discarded: true, cycleTime: null, leadTime: null, age: null, done: '2025-03-04' });
  });

  it('still leaves work in progress on the day it is closed', () => {
    const report = reportWith(DISCARDING);
    expect(report.generated.inProgress).toBe(1);
    expect(report.wip.find((day) => day.date === '2025-03-09')!.count).toBe(1);
  });

  it('counts as finished when no status is marked discarded, as before', () => {
    const report = reportWith(BOARD_WORKFLOW);
    expect(report.generated.doneInWindow).toBe(4);
    expect(report.discarded).toEqual({ items: 0, byStatus: [] });
    expect(report.items.every((item) => !item.discarded)).toBe(true);
  });

  it('must be a status of the done stage or after it', () => {
    expect(workflowProblems({ ...BOARD_WORKFLOW, discardedStatuses: ['In Review'] })).toEqual([
      'discarded status "In Review" is in "Review", before the done stage',
    ]);
    expect(workflowProblems({ ...BOARD_WORKFLOW, discardedStatuses: ['Cancelled'] })).toEqual([
      'discarded status "Cancelled" is not in any stage',
    ]);
    expect(() => parseFlowConfig({ discardedStatuses: ['Released'] })).toThrow(FlowConfigError);
    expect(parseFlowConfig(DISCARDING).workflow!.discardedStatuses).toEqual(['Released']);
  });

  describe('by resolution', () => {
    // All four finished items are in Done; two were resolved Won't Fix and Duplicate rather than Done.
    const closed: IssueSketch[] = issues.map((issue) => ({
      ...issue,
      moves: (issue.moves ?? []).map(([when, status]) => [when, status === 'Released' ? 'Done' : status] as const),
    }));
    const RESOLUTIONS: Record<string, string | null> = {
      'D-1': 'Done',
      'D-2': 'Done',
      'W-1': "Won't Fix",
      'W-2': 'Duplicate',
      'P-1': null,
    };
    function withResolutions() {
      const history = boardHistory(closed);
      const facets = new IssueFacetsBuilder();
      for (const key of history.key) facets.add({ resolution: RESOLUTIONS[key]!, labels: [], components: [], parent: null });
      return { ...history, facets: facets.build() };
    }
    const report = (workflow: typeof BOARD_WORKFLOW, history: CompactHistory = withResolutions()) =>
      buildFlowReport(history, parseFlowConfig({ ...workflow, window: { from: '2025-03-01', to: null } }), run);

    it('is left out of cycle time and throughput whatever its done status, counted apart per resolution', () => {
      const discarding = report({ ...BOARD_WORKFLOW, discardedResolutions: ["won't fix", 'Duplicate'] });
      expect(discarding.scatter.map((point) => point.key)).toEqual(['D-1', 'D-2']);
      expect(discarding.throughput.reduce((sum, period) => sum + period.count, 0)).toBe(2);
      expect(discarding.discarded).toEqual({
        items: 2,
        byStatus: [
          { status: 'Duplicate', items: 1 },
          { status: "Won't Fix", items: 1 },
        ],
      });
      expect(discarding.items.find((item) => item.key === 'W-2')).toMatchObject({ discarded: true, cycleTime: null });
    });

    it('discards nothing where the history holds no resolutions, or none is marked', () => {
      expect(report(BOARD_WORKFLOW).discarded.items).toBe(0);
      expect(report({ ...BOARD_WORKFLOW, discardedResolutions: ["Won't Fix"] }, boardHistory(closed)).discarded.items).toBe(0);
    });

    it('are named, once each, and need the stages', () => {
      expect(workflowProblems({ ...BOARD_WORKFLOW, discardedResolutions: ["Won't Fix", " won't fix ", ' '] })).toEqual([
        `discarded resolution " won't fix " is listed twice`,
        'a discarded resolution has no name',
      ]);
      expect(() => parseFlowConfig({ discardedResolutions: ['Duplicate'] })).toThrow(/name the stages too/);
      expect(parseFlowConfig({ ...BOARD_WORKFLOW, discardedResolutions: ['Duplicate'] }).workflow!.discardedResolutions).toEqual([
        'Duplicate',
      ]);
    });
  });
});
