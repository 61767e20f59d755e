import { CONVENTION_CATALOG, DEFAULT_CONVENTIONS, resolveConventions } from './conventions';

describe('conventions', () => {
  it('have documented defaults', () => {
    expect(DEFAULT_CONVENTIONS).toMatchObject({
      stageEntry: 'first',
      backwardMoves: 'keep',
      skippedStart: 'first-later-stage',
      reopened: 'final-entry',
      unit: 'days-inclusive',
      timeZone: 'UTC',
      percentileMethod: 'nearest-rank',
      percentiles: [50, 70, 85, 95],
      serviceLevelPercentile: 85,
      weekEndsOn: 'sunday',
    });
  });

  it('are each described for users, with the default among the choices', () => {
    const names = CONVENTION_CATALOG.map((entry) => entry.name).sort();
    expect(names).toEqual(Object.keys(DEFAULT_CONVENTIONS).sort());
    for (const entry of CONVENTION_CATALOG) {
      expect(entry.rationale.length).toBeGreaterThan(20);
      expect(entry.choices.length).toBeGreaterThan(0);
    }
    for (const name of ['stageEntry', 'backwardMoves', 'skippedStart', 'reopened', 'unit', 'percentileMethod'] as const) {
      const entry = CONVENTION_CATALOG.find((candidate) => candidate.name === name)!;
      expect(entry.choices.map((choice) => choice.value)).toContain(DEFAULT_CONVENTIONS[name]);
      expect(entry.default).toBe(DEFAULT_CONVENTIONS[name]);
    }
  });

  it('resolve partial settings over the defaults', () => {
    const conventions = resolveConventions({ unit: 'hours', timeZone: 'Europe/Berlin', stageEntry: undefined });
    expect(conventions.unit).toBe('hours');
    expect(conventions.timeZone).toBe('Europe/Berlin');
    expect(conventions.stageEntry).toBe('first');
  });
});
