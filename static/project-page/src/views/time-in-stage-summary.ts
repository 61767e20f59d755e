import { percentileOfSorted } from '../../../../src/domain';
import { itemsInPeriod } from './items-in-period';
import type { PageReport } from '../report-worker-protocol';

export interface StageTime {
  stage: string;
  /** The median time the period's finished items spent in the stage, in the report's unit. */
  median: number;
  /** Their 85th percentile there. */
  p85: number;
}

const tenths = (value: number) => Math.round(value * 10) / 10;

/**
 * Where the time of the items finished in the period went, stage by stage from the start stage up to done:
 * the median and the 85th percentile of the time spent in each. A stage where most time goes, or where the
 * 85th percentile runs far above the median, is where to look first.
 */
export function timeInStages(report: PageReport): StageTime[] {
  const { stages, startStage, doneStage } = report.generated.workflow;
  const inProgress = stages.slice(stages.indexOf(startStage), stages.indexOf(doneStage));
  const finished = itemsInPeriod(report).items.filter((item) => item.done !== null && !item.discarded);
  if (finished.length === 0) return [];
  return inProgress.map((stage) => {
    const sorted = Float64Array.from(finished, (item) => item.timeInStage[stage] ?? 0).sort();
    return {
      stage,
      median: tenths(percentileOfSorted(sorted, 50, 'nearest-rank')),
      p85: tenths(percentileOfSorted(sorted, 85, 'nearest-rank')),
    };
  });
}
