import { latestProblem, problemForPage, type AlertProblem } from './slack-alert-status';

/** A refusal of the alerts is kept as the use-case's own type: the settings page is shown it field by field. */
describe('problemForPage', () => {
  it('shows the time, the kind and the words, and nothing else', () => {
    const problem = { at: '2026-03-02T08:00:00.000Z', kind: 'not-in-channel', text: 'Invite the bot.', storedOnly: 1 } as AlertProblem;
    expect(problemForPage(problem)).toStrictEqual({ at: '2026-03-02T08:00:00.000Z', kind: 'not-in-channel', text: 'Invite the bot.' });
  });

  it('shows the later of the project and run problems', () => {
    const early: AlertProblem = { at: '2026-03-02T08:00:00.000Z', kind: 'rate-limited', text: 'a' };
    const late: AlertProblem = { at: '2026-03-02T09:00:00.000Z', kind: 'token-revoked', text: 'b' };
    expect(latestProblem(early, late)).toBe(late);
    expect(latestProblem(null, early)).toBe(early);
    expect(latestProblem(undefined, undefined)).toBeNull();
  });
});
