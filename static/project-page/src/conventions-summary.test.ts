import { DEFAULT_FLOW_CONFIG, resolveConventions, type Workflow } from '../../../src/domain';
import { BOARD_STATUSES, BOARD_WORKFLOW } from '../../../src/domain/testing/history-fixture';
import { conventionsInUse } from './conventions-summary';

const byTopic = (workflow: Workflow, config = DEFAULT_FLOW_CONFIG) =>
  new Map(conventionsInUse(config, workflow, BOARD_STATUSES).map((line) => [line.topic, line.text]));

describe('the conventions in use', () => {
  it('says when items start and finish, and which statuses each stage holds', () => {
    // The admin listed review by status id; the reader sees its name.
    const workflow: Workflow = {
      ...BOARD_WORKFLOW,
      stages: BOARD_WORKFLOW.stages.map((s) => (s.name === 'Review' ? { ...s, statuses: ['3'] } : s)),
    };
    const lines = byTopic(workflow);
    expect(lines.get('When an item starts')).toMatch(/^When it enters In Progress or any later stage\. The first time/);
    expect(lines.get('When an item is finished')).toMatch(/^When it enters Done or any later stage\. An item that leaves the done stage/);
    expect(lines.get('Stage In Progress (start)')).toBe('In Progress.');
    expect(lines.get('Stage Review')).toBe('In Review.');
    expect(lines.get('Stage Done (done)')).toBe('Done.');
  });

  it('explains the days, the percentiles and what "at risk" means', () => {
    const lines = byTopic(BOARD_WORKFLOW);
    expect(lines.get('Days')).toBe(
      'Done date − start date + 1, in days: an item started and finished on the same day took 1 day. Every calendar day counts, weekends included.',
    );
    expect(lines.get('Percentiles')).toBe('The smallest observed value with at least p% of items at or below it. Shown: 50, 70, 85, 95.');
    expect(lines.get('At risk')).toMatch(/longer than the 85th percentile of the cycle times/);
    expect(lines.get('Dates')).toBe('Days begin at midnight in UTC; weeks end on Sunday.');
  });

  it('follows the project’s own choices', () => {
    const conventions = resolveConventions({
      unit: 'days-exclusive',
      percentileMethod: 'linear',
      businessCalendar: { workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], holidays: ['2026-12-25', '2026-12-26'] },
      timeZone: 'Europe/Berlin',
      weekEndsOn: 'wednesday',
      backwardMoves: 'reset',
    });
    const lines = byTopic(BOARD_WORKFLOW, { ...DEFAULT_FLOW_CONFIG, conventions });
    expect(lines.get('Days')).toMatch(
      /^Done date − start date, in days.*Business days only: Monday, Tuesday, Wednesday, Thursday, Friday\. 2 holidays are skipped too\.$/,
    );
    expect(lines.get('Percentiles')).toMatch(/^Linear interpolation/);
    expect(lines.get('Moves back')).toMatch(/^Moving back wipes the dates/);
    expect(lines.get('Dates')).toBe('Days begin at midnight in Europe/Berlin; weeks end on Wednesday.');
  });
});
