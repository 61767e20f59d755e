import { isoDateToDay } from './calendar-day';
import { cycleTimes } from './cycle-time';
import { DurationMeasure } from './duration-unit';
import {
  BETTER_WHEN,
  comparableWindowBefore,
  compareHeadlines,
  flowHeadlines,
  previousWindow,
  recentWindowToCompare,
  type FlowHeadlines,
} from './period-comparison';
import type { ReportWindow } from './report-window';
import { boardTimeline, type IssueSketch } from './testing/history-fixture';

const window = (from: string, to: string): ReportWindow => ({ from: isoDateToDay(from)!, to: isoDateToDay(to)! });

function item(key: string, created: string, started: string, done?: string): IssueSketch {
  return {
    key,
    created: `${created}T08:00Z`,
    moves:
      done === undefined
        ? [[`${started}T10:00Z`, 'In Progress']]
        : [
            [`${started}T10:00Z`, 'In Progress'],
            [`${done}T10:00Z`, 'Done'],
          ],
  };
}

// Now is 15 March at noon; the last 7 days are 9 to 15 March, the 7 days before them 2 to 8 March.
const timeline = boardTimeline(
  [
    item('A', '2025-03-01', '2025-03-02', '2025-03-04'), // 3 days, finished in the earlier week
    item('B', '2025-03-01', '2025-03-03', '2025-03-07'), // 5 days, earlier week
    item('C', '2025-03-01', '2025-03-05', '2025-03-10'), // 6 days, last week; 4 days old at the end of the earlier week
    item('D', '2025-03-01', '2025-03-02'), // in progress throughout: 7 days old on 8 March, 14 today
    item('E', '2025-03-09', '2025-03-10', '2025-03-11'), // 2 days
    item('F', '2025-03-09', '2025-03-12', '2025-03-13'), // 2 days
    item('G', '2025-03-09', '2025-03-14'), // in progress, 2 days old
    item('H', '2025-03-01', '2025-03-06', '2025-03-09'), // 4 days, in progress at the end of the earlier week
  ],
  '2025-03-15T12:00:00Z',
);
const measure = new DurationMeasure('days-inclusive');
const cycle = cycleTimes(timeline, measure);
const lastWeek = window('2025-03-09', '2025-03-15');
const weekBefore = window('2025-03-02', '2025-03-08');

describe('period over period', () => {
  it('takes the window of equal length just before', () => {
    expect(previousWindow(lastWeek)).toEqual(weekBefore);
    expect(previousWindow(window('2025-03-01', '2025-03-30'))).toEqual(window('2025-01-30', '2025-02-28'));
  });

  it('measures a window as it stood at its end', () => {
    expect(flowHeadlines(timeline, lastWeek, cycle, measure)).toEqual({
      throughputPerWeek: 4, // C, E, F, H
      cycleTime50: 2, // of 2, 2, 4, 6 (nearest rank)
      cycleTime85: 6,
      wip: 2, // D and G, now
      atRisk: 1, // D at 14 days is older than 6; G is not
    });
    expect(flowHeadlines(timeline, weekBefore, cycle, measure)).toEqual({
      throughputPerWeek: 2, // A, B
      cycleTime50: 3,
      cycleTime85: 5,
      wip: 3, // C, D and H on 8 March: C and H were finished later
      atRisk: 1, // D at 7 days; C at 4 and H at 3 are within 5
    });
  });

  it('counts throughput per week whatever the window’s length', () => {
    const twoWeeks = window('2025-03-02', '2025-03-15');
    expect(flowHeadlines(timeline, twoWeeks, cycle, measure).throughputPerWeek).toBe(3);
  });

  it('says which changes are better and which are worse', () => {
    const changes = compareHeadlines(
      flowHeadlines(timeline, lastWeek, cycle, measure),
      flowHeadlines(timeline, weekBefore, cycle, measure),
    );
    expect(changes.map(({ name, difference, relative, verdict }) => [name, difference, relative, verdict])).toEqual([
      ['throughputPerWeek', 2, 1, 'better'],
      ['cycleTime50', -1, -1 / 3, 'better'],
      ['cycleTime85', 1, 0.2, 'worse'],
      ['wip', -1, -1 / 3, 'not-judged'],
      ['atRisk', 0, 0, 'unchanged'],
    ]);
  });

  it('reads a rise as worse where lower is better, and gives no ratio against zero', () => {
    const before: FlowHeadlines = { throughputPerWeek: 0, cycleTime50: 4, cycleTime85: 9, wip: 3, atRisk: 0 };
    const after: FlowHeadlines = { throughputPerWeek: 1.5, cycleTime50: 4, cycleTime85: 9, wip: 3, atRisk: 2 };
    const byName = new Map(compareHeadlines(after, before).map((change) => [change.name, change]));
    expect(byName.get('throughputPerWeek')).toMatchObject({ difference: 1.5, relative: null, verdict: 'better' });
    expect(byName.get('atRisk')).toMatchObject({ difference: 2, relative: null, verdict: 'worse' });
    expect(BETTER_WHEN.atRisk).toBe('lower');
  });

  it('leaves out cycle times when a window finished nothing', () => {
    const quiet = flowHeadlines(timeline, window('2025-03-14', '2025-03-15'), cycle, measure);
    expect(quiet.throughputPerWeek).toBe(0);
    expect(quiet.cycleTime85).toBeNaN();
    // With no percentile there is nothing to be older than.
    expect(quiet.atRisk).toBe(0);
    const names = compareHeadlines(quiet, flowHeadlines(timeline, lastWeek, cycle, measure)).map((change) => change.name);
    expect(names).toEqual(['throughputPerWeek', 'wip', 'atRisk']);
  });

  it('compares only with a window the history covers', () => {
    expect(comparableWindowBefore(timeline, lastWeek)).toEqual(weekBefore);
    // The 14 days before 2 March precede the first item (created 1 March).
    expect(comparableWindowBefore(timeline, window('2025-03-02', '2025-03-15'))).toBeNull();
  });

  it('measures hours up to the same time of day at the end of an earlier window', () => {
    const hours = new DurationMeasure('hours');
    const cycleHours = cycleTimes(timeline, hours);
    // On 8 March at noon, D (started 2 March 10:00) was 146 hours old; the 85th percentile then was B's 96 hours.
    const earlier = flowHeadlines(timeline, weekBefore, cycleHours, hours);
    expect(earlier.cycleTime85).toBe(96);
    expect(earlier.atRisk).toBe(1);
    expect(flowHeadlines(timeline, window('2025-03-02', '2025-03-05'), cycleHours, hours).wip).toBe(3); // B, C (started that morning) and D
  });
});

describe('the recent period of a window with nothing of its length before it', () => {
  it("is the window's last days, when the history covers as many days before them", () => {
    // The whole history, 1 to 15 March: nothing of its length before it, but 9 to 15 March has 2 to 8 March.
    const whole = window('2025-03-01', '2025-03-15');
    expect(comparableWindowBefore(timeline, whole)).toBeNull();
    expect(recentWindowToCompare(timeline, whole, 7)).toEqual(lastWeek);
  });

  it('is null when the window is no longer than the recent period, or the history is too short for it', () => {
    expect(recentWindowToCompare(timeline, lastWeek, 7)).toBeNull();
    // The last 10 days (6 to 15 March) would compare with 24 February to 5 March, before the first item.
    expect(recentWindowToCompare(timeline, window('2025-03-01', '2025-03-15'), 10)).toBeNull();
  });
});
