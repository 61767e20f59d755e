import type { FlowReport } from '../../../../src/domain';
import { readChange, shownComparison } from './headline-change';

type Comparison = FlowReport['periodComparison'];

const headlines = { throughputPerWeek: 4, cycleTime50: 3, cycleTime85: 8, wip: 5, atRisk: 1 };

function reportWith(comparison: Partial<Comparison>): FlowReport {
  const periodComparison: Comparison = {
    window: { from: '2026-02-11', to: '2026-03-12' },
    days: 30,
    previousWindow: { from: '2026-01-12', to: '2026-02-10' },
    current: headlines,
    previous: headlines,
    changes: [],
    ...comparison,
  };
  return { periodComparison } as FlowReport;
}

describe('reading a headline change', () => {
  it('reads an improvement as better', () => {
    const report = reportWith({
      changes: [{ name: 'cycleTime85', current: 8, previous: 10, difference: -2, relative: -0.2, verdict: 'better' }],
    });
    expect(readChange('cycleTime85', report, 'days')).toEqual({ text: '▼ 20% vs previous 30 days (better)', tone: 'better' });
  });

  it('counts a change in the unit when the earlier value was zero', () => {
    const report = reportWith({
      changes: [{ name: 'throughputPerWeek', current: 2.5, previous: 0, difference: 2.5, relative: null, verdict: 'better' }],
    });
    expect(readChange('throughputPerWeek', report, 'days')?.text).toBe('▲ +2.5 items per week vs previous 30 days (better)');
  });

  it('says when nothing changed', () => {
    const report = reportWith({ changes: [{ name: 'wip', current: 5, previous: 5, difference: 0, relative: 0, verdict: 'unchanged' }] });
    expect(readChange('wip', report, 'days')).toEqual({ text: 'No change vs previous 30 days', tone: 'neutral' });
  });

  it("reads the period's last days against the days before them when the period has no earlier period", () => {
    const report = {
      ...reportWith({ previous: null, previousWindow: null, days: 400 }),
      recentComparison: {
        window: { from: '2026-02-11', to: '2026-03-12' },
        days: 30,
        previousWindow: { from: '2026-01-12', to: '2026-02-10' },
        current: headlines,
        previous: { ...headlines, throughputPerWeek: 5 },
        changes: [{ name: 'throughputPerWeek', current: 4, previous: 5, difference: -1, relative: -0.2, verdict: 'worse' }],
      },
    } as FlowReport;
    expect(shownComparison(report)).toEqual({ comparison: report.recentComparison, recent: true });
    // The card above shows the whole period's throughput: the change says which window it measures, and its value there.
    expect(readChange('throughputPerWeek', report, 'days')).toEqual({
      text: `Last 30 days: ${headlines.throughputPerWeek} items, ▼ 20% vs the 30 before (worse)`,
      tone: 'worse',
    });
  });

  it('explains a missing comparison', () => {
    expect(readChange('cycleTime50', reportWith({}), 'days')?.text).toBe('Not compared: one of the two periods has no finished items');
    expect(readChange('wip', reportWith({ previous: null, previousWindow: null }), 'days')).toBeNull();
  });
});
