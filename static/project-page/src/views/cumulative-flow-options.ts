import type { cumulativeFlowBands } from './FlowView';
import type { PageReport } from '../report-worker-protocol';

type Bands = ReturnType<typeof cumulativeFlowBands>;

/** What the cumulative flow diagram leaves out: the backlog (before the start stage), done work (the done stage on). */
export interface CumulativeFlowChoices {
  hideBacklog: boolean;
  hideDone: boolean;
}

/** The bands left after hiding the backlog, done work, or both: their piles grow all period and squeeze the rest flat. */
export function shownBands(report: PageReport, bands: Bands, choices: CumulativeFlowChoices): Bands {
  const { stages, startStage, doneStage } = report.generated.workflow;
  const start = stages.indexOf(startStage);
  const done = stages.indexOf(doneStage);
  return bands.filter((band) => {
    const k = stages.indexOf(band.name);
    return !(choices.hideBacklog && k < start) && !(choices.hideDone && k >= done);
  });
}

/**
 * Arrival and departure rates over the days shown, as a cumulative flow diagram reads them: items that
 * reached the start stage (arrivals) and the done stage (departures) per day, from the first day's end to the
 * last's. Null with fewer than two days.
 */
export function flowRates(report: PageReport): { arrivals: number; departures: number; days: number } | null {
  const { startStage, doneStage } = report.generated.workflow;
  const first = report.cfd[0];
  const last = report.cfd.at(-1);
  if (first === undefined || last === undefined || report.cfd.length < 2) return null;
  const days = report.cfd.length - 1;
  const grew = (stage: string) => (Number(last[stage] ?? 0) - Number(first[stage] ?? 0)) / days;
  return { arrivals: grew(startStage), departures: grew(doneStage), days };
}
