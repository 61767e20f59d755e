/**
 * Arrivals and departures per period (net flow).
 *
 * Arrivals are items that *started* in the period (crossed the start stage, the commitment point), not items
 * created: creating a ticket commits nobody, starting it adds to the work in progress. Departures are items
 * done in the period. Net flow = arrivals − departures: positive means WIP is growing.
 */
import type { FlowTimeline } from './flow-timeline';
import type { ReportingPeriods } from './reporting-period';

export interface NetFlow {
  arrivals: Int32Array;
  departures: Int32Array;
}

export function netFlow(timeline: FlowTimeline, periods: ReportingPeriods): NetFlow {
  const arrivals = new Int32Array(periods.starts.length);
  const departures = new Int32Array(periods.starts.length);
  const { startDay, doneDay } = timeline;
  const { dayToPeriod } = periods;
  const from = periods.window.from;
  const length = dayToPeriod.length;
  // `NO_DAY` is below every real day: the range tests skip items not started or not done.
  for (let i = 0; i < timeline.itemCount; i++) {
    const started = startDay[i]! - from;
    if (started >= 0 && started < length) arrivals[dayToPeriod[started]!]!++;
    const finished = doneDay[i]! - from;
    if (finished >= 0 && finished < length) departures[dayToPeriod[finished]!]!++;
  }
  return { arrivals, departures };
}
