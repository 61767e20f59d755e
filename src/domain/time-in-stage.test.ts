import fc from 'fast-check';
import { buildFlowTimeline } from './flow-timeline';
import { resolveConventions } from './conventions';
import { timeInStage } from './time-in-stage';
import { timeInStatus } from './time-in-status';
import { arbitraryBoardHistory, BOARD_WORKFLOW, boardTimeline, HOUR, REWORK_ISSUES, REWORK_NOW } from './testing/history-fixture';
import { resolveWorkflow } from './workflow';

describe('time in stage', () => {
  it('adds up the time in each status by its stage, over every visit, until done or now', () => {
    const timeline = boardTimeline(REWORK_ISSUES, REWORK_NOW);
    const perStage = timeInStage(timeline);
    const hoursOf = (item: number) => Array.from(perStage.subarray(item * 5, item * 5 + 5), (ms) => ms / HOUR);
    // Backlog, In Progress, Review, Done, Released: the clock stops once an item is done.
    expect(hoursOf(0)).toEqual([24, 60, 12, 0, 0]);
    expect(hoursOf(1)).toEqual([24, 24, 0, 0, 0]);
    expect(hoursOf(2)).toEqual([0, 0, 0, 0, 0]);
  });

  it('keeps the total of time in status for every item of any history', () => {
    fc.assert(
      fc.property(arbitraryBoardHistory(), (history) => {
        const workflow = resolveWorkflow(BOARD_WORKFLOW, history.statuses);
        const timeline = buildFlowTimeline(history, workflow, resolveConventions(), Date.UTC(2025, 4, 1));
        const statusTimes = timeInStatus(timeline);
        const perStage = timeInStage(timeline, statusTimes);
        for (let i = 0; i < timeline.itemCount; i++) {
          let statusTotal = 0;
          for (let e = statusTimes.offsets[i]!; e < statusTimes.offsets[i + 1]!; e++) statusTotal += statusTimes.ms[e]!;
          let stageTotal = 0;
          for (let k = 0; k < timeline.stageCount; k++) stageTotal += perStage[i * timeline.stageCount + k]!;
          expect(stageTotal).toBe(statusTotal);
        }
      }),
    );
  });
});
