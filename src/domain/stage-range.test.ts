import { DurationMeasure } from './duration-unit';
import { cycleTimes } from './cycle-time';
import { resolveConventions } from './conventions';
import { buildFlowTimeline } from './flow-timeline';
import { isWholeWorkflow, withStageRange } from './stage-range';
import { at, BOARD_WORKFLOW, boardHistory } from './testing/history-fixture';
import { resolveWorkflow } from './workflow';

/** One item: In Progress on 2 March, In Review on the 5th, Done on the 9th (days counted inclusively). */
const history = boardHistory([
  {
    key: 'A-1',
    created: '2025-03-01T09:00Z',
    moves: [
      ['2025-03-02T09:00Z', 'In Progress'],
      ['2025-03-05T09:00Z', 'In Review'],
      ['2025-03-09T09:00Z', 'Done'],
    ],
  },
]);
const cycleTimeOn = (workflow = BOARD_WORKFLOW) =>
  cycleTimes(
    buildFlowTimeline(history, resolveWorkflow(workflow, history.statuses), resolveConventions(), at('2025-03-12T00:00Z')),
    new DurationMeasure('days-inclusive'),
  )[0];

describe('a stage range', () => {
  it('measures cycle time from entering its first stage to entering its last', () => {
    expect(cycleTimeOn()).toBe(8); // 2 to 9 March
    expect(cycleTimeOn(withStageRange(BOARD_WORKFLOW, { from: 'Review', to: 'Done' }))).toBe(5); // 5 to 9 March
    expect(cycleTimeOn(withStageRange(BOARD_WORKFLOW, { from: 'In Progress', to: 'Review' }))).toBe(4); // 2 to 5 March
  });

  it('keeps discarded statuses only where they still mean done', () => {
    const workflow = { ...BOARD_WORKFLOW, discardedStatuses: ['Done'] };
    expect(withStageRange(workflow, { from: 'Review', to: 'Done' }).discardedStatuses).toEqual(['Done']);
    expect(withStageRange(workflow, { from: 'Review', to: 'Released' }).discardedStatuses).toEqual([]);
  });

  it('refuses stages the workflow does not have, or a range that ends before it starts', () => {
    expect(() => withStageRange(BOARD_WORKFLOW, { from: 'QA', to: 'Done' })).toThrow('"QA" is not a stage of the workflow');
    expect(() => withStageRange(BOARD_WORKFLOW, { from: 'Review', to: 'Review' })).toThrow('the range must end at a stage after "Review"');
    expect(() => withStageRange(BOARD_WORKFLOW, { from: 'Done', to: 'Review' })).toThrow(RangeError);
  });

  it("knows the workflow's own commitment points", () => {
    expect(isWholeWorkflow(BOARD_WORKFLOW, { from: 'In Progress', to: 'Done' })).toBe(true);
    expect(isWholeWorkflow(BOARD_WORKFLOW, { from: 'Review', to: 'Done' })).toBe(false);
  });
});
