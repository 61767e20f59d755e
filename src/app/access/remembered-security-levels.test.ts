import type { SecurityLevelVisibility } from '../../ports';
import { RememberedSecurityLevels, SECURITY_LEVELS_KEPT_MS, SecurityLevelMemory } from './remembered-security-levels';

/** Jira as each account would answer it, counting the questions. */
function jiraFor(accountId: string, answers: Record<string, number[]>, asked: string[]): SecurityLevelVisibility {
  return {
    visibleLevels: (projectKey) => {
      asked.push(`${accountId} ${projectKey}`);
      return Promise.resolve(new Set(answers[accountId] ?? []));
    },
  };
}

describe('remembered security levels', () => {
  const answers = { alice: [10100, 10101], bob: [10101] };
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = { now: () => new Date(now) };

  it("keeps each viewer's answer for their own calls only, per project and installation, for five minutes", async () => {
    const memory = new SecurityLevelMemory();
    const asked: string[] = [];
    const as = (accountId: string, installation = 'site-a') =>
      new RememberedSecurityLevels(jiraFor(accountId, answers, asked), { installation, accountId }, memory, clock);

    expect([...(await as('alice').visibleLevels('BUG'))]).toEqual([10100, 10101]);
    // Bob, on the same running function right after Alice: his own answer, never hers.
    expect([...(await as('bob').visibleLevels('BUG'))]).toEqual([10101]);
    expect([...(await as('alice').visibleLevels('BUG'))]).toEqual([10100, 10101]);
    expect([...(await as('bob').visibleLevels('BUG'))]).toEqual([10101]);
    expect(asked).toEqual(['alice BUG', 'bob BUG']);
    // Another project, or the same account id on another installation, is another question.
    await as('alice').visibleLevels('OPS');
    await as('alice', 'site-b').visibleLevels('BUG');
    expect(asked).toEqual(['alice BUG', 'bob BUG', 'alice OPS', 'alice BUG']);

    now += SECURITY_LEVELS_KEPT_MS - 1;
    await as('bob').visibleLevels('BUG');
    expect(asked).toHaveLength(4);
    now += 1;
    await as('bob').visibleLevels('BUG');
    expect(asked).toHaveLength(5);
  });
});
