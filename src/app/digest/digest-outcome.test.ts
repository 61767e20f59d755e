import { digestForPage, type FlowDigestOutcome } from './digest-outcome';

/** The stored digest outcome is the use-case's own type: the Slack tab is shown it field by field. */
describe('digestForPage', () => {
  const outcome: FlowDigestOutcome = {
    at: '2026-03-02T08:00:00.000Z',
    trigger: 'weekly',
    outcome: 'sent',
    channel: { id: 'C0FLOW', name: 'flow' },
    projects: ['FLOW', 'SPR'],
    skipped: ['BUG'],
    problem: null,
  };

  it('shows each field, and nothing else the stored outcome carries', () => {
    const shown = digestForPage({ ...outcome, storedOnly: 1 } as FlowDigestOutcome);
    expect(shown).toStrictEqual(outcome);
    expect(shown.projects).not.toBe(outcome.projects);
  });

  it('shows the projects still to come only while a run goes on', () => {
    expect(digestForPage({ ...outcome, continuesWith: ['ZED'] }).continuesWith).toEqual(['ZED']);
    expect('continuesWith' in digestForPage(outcome)).toBe(false);
  });
});
