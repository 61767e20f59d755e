import { DEFAULT_CONVENTIONS } from './conventions';
import { aggregateFlowEfficiency, flowEfficiency } from './flow-efficiency';
import { buildFlowTimeline } from './flow-timeline';
import { resolveWorkflow } from './workflow';
import { at, BOARD_WORKFLOW, boardHistory, boardTimeline, HOUR } from './testing/history-fixture';

describe('flow efficiency', () => {
  const history = boardHistory([
    {
      key: 'E-1',
      created: '2025-03-03T00:00Z',
      moves: [
        ['2025-03-04T00:00Z', 'In Progress'],
        ['2025-03-06T00:00Z', 'In Review'],
        ['2025-03-07T00:00Z', 'Done'],
      ],
      flags: [
        ['2025-03-05T00:00Z', true], // blocked 12 hours while in progress
        ['2025-03-05T12:00Z', false],
        ['2025-03-06T06:00Z', true], // blocked while waiting in review: already waiting
        ['2025-03-06T12:00Z', false],
      ],
    },
    {
      key: 'E-2',
      created: '2025-03-03T00:00Z',
      moves: [
        ['2025-03-04T00:00Z', 'In Progress'],
        ['2025-03-05T00:00Z', 'To Do'],
        ['2025-03-06T00:00Z', 'In Progress'],
        ['2025-03-07T00:00Z', 'Done'],
      ],
    },
    { key: 'E-3', created: '2025-03-03T00:00Z', moves: [['2025-03-04T00:00Z', 'In Progress']] }, // not done
  ]);
  // Review is a queue: time there is waiting.
  const workflow = resolveWorkflow(
    { ...BOARD_WORKFLOW, stages: BOARD_WORKFLOW.stages.map((stage) => (stage.name === 'Review' ? { ...stage, active: false } : stage)) },
    history.statuses,
  );
  const timeline = buildFlowTimeline(history, workflow, DEFAULT_CONVENTIONS, at('2025-03-31T00:00:00Z'));

  it('is active time over cycle time; waiting stages, time back in the backlog and blocked time are waiting', () => {
    const efficiency = flowEfficiency(timeline);
    expect(Array.from(efficiency.activeMs, (ms) => ms / HOUR)).toEqual([36, 48, NaN]);
    expect(Array.from(efficiency.totalMs, (ms) => ms / HOUR)).toEqual([72, 72, NaN]);
    expect(aggregateFlowEfficiency(efficiency, [0, 1, 2])).toBeCloseTo(84 / 144, 10);
  });

  it('can count blocked time as active', () => {
    expect(flowEfficiency(timeline, { blockedCountsAsWaiting: false }).activeMs[0]! / HOUR).toBe(48);
  });

  it('by default every stage from start to done is active', () => {
    const plain = boardTimeline(
      [
        {
          key: 'E-4',
          created: '2025-03-03T00:00Z',
          moves: [
            ['2025-03-04T00:00Z', 'In Progress'],
            ['2025-03-06T00:00Z', 'In Review'],
            ['2025-03-07T00:00Z', 'Done'],
          ],
        },
      ],
      '2025-03-31T00:00:00Z',
    );
    const efficiency = flowEfficiency(plain);
    expect(efficiency.activeMs[0]).toBe(efficiency.totalMs[0]);
    expect(aggregateFlowEfficiency(efficiency, [])).toBeNaN();
  });
});
