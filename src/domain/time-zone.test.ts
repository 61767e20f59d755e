import fc from 'fast-check';
import { dayToIsoDate, isoDateToDay } from './calendar-day';
import { isValidTimeZone, ZonedDays } from './time-zone';

const utc = (text: string) => Date.parse(text);

/** The local date by asking Intl directly, one call per instant: the slow, obviously right answer. */
function intlDate(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

describe('ZonedDays', () => {
  it('in UTC, days start at midnight UTC', () => {
    const zone = new ZonedDays('UTC');
    expect(dayToIsoDate(zone.dayOf(utc('2025-03-09T23:59:59.999Z')))).toBe('2025-03-09');
    expect(dayToIsoDate(zone.dayOf(utc('2025-03-10T00:00:00Z')))).toBe('2025-03-10');
    expect(zone.offsetAt(0)).toBe(0);
  });

  it('answers UTC without Intl, whose first use loads the time-zone data; "Etc/UTC" resolves to the same arithmetic', () => {
    const intl = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      const zone = new ZonedDays('UTC');
      expect(zone.startOfDay(isoDateToDay('2026-01-31')!)).toBe(utc('2026-01-31T00:00:00Z'));
      expect(intl).not.toHaveBeenCalled();
      expect(new ZonedDays('Etc/UTC').offsetAt(utc('2025-07-01T12:00:00Z'))).toBe(0);
    } finally {
      intl.mockRestore();
    }
  });

  it('takes dates in the named zone: 23:30 UTC on a Monday is Tuesday in Berlin and Monday in New York', () => {
    const instant = utc('2025-03-03T23:30:00Z');
    expect(dayToIsoDate(new ZonedDays('Europe/Berlin').dayOf(instant))).toBe('2025-03-04');
    expect(dayToIsoDate(new ZonedDays('America/New_York').dayOf(instant))).toBe('2025-03-03');
    expect(dayToIsoDate(new ZonedDays('Australia/Sydney').dayOf(utc('2025-03-03T13:30:00Z')))).toBe('2025-03-04');
  });

  it('follows daylight-saving switches to the second (Berlin, spring forward 2025-03-30 01:00 UTC)', () => {
    const zone = new ZonedDays('Europe/Berlin');
    expect(zone.offsetAt(utc('2025-03-30T00:59:59Z'))).toBe(3_600_000);
    expect(zone.offsetAt(utc('2025-03-30T01:00:00Z'))).toBe(7_200_000);
    // 22:30 UTC is 23:30 local (+1) on the 29th; on the 30th, 22:30 UTC is already 00:30 on the 31st (+2).
    expect(dayToIsoDate(zone.dayOf(utc('2025-03-29T22:30:00Z')))).toBe('2025-03-29');
    expect(dayToIsoDate(zone.dayOf(utc('2025-03-30T22:30:00Z')))).toBe('2025-03-31');
    // Autumn: 2025-10-26 01:00 UTC back to +1. 22:30 UTC on the 26th is 23:30 local, still the 26th.
    expect(dayToIsoDate(zone.dayOf(utc('2025-10-25T22:30:00Z')))).toBe('2025-10-26');
    expect(dayToIsoDate(zone.dayOf(utc('2025-10-26T22:30:00Z')))).toBe('2025-10-26');
  });

  it('handles the southern hemisphere and half-hour zones', () => {
    const adelaide = new ZonedDays('Australia/Adelaide'); // +10:30 in January, +9:30 in July
    expect(adelaide.offsetAt(utc('2025-01-15T00:00:00Z'))).toBe(10.5 * 3_600_000);
    expect(adelaide.offsetAt(utc('2025-07-15T00:00:00Z'))).toBe(9.5 * 3_600_000);
    expect(new ZonedDays('Asia/Kolkata').offsetAt(utc('2025-07-15T00:00:00Z'))).toBe(5.5 * 3_600_000);
  });

  it('gives the same date as Intl for any instant, in zones with and without DST, in any order', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Tokyo'].map(
      (name) => new ZonedDays(name),
    );
    fc.assert(
      fc.property(fc.integer({ min: utc('2015-01-01T00:00:00Z'), max: utc('2030-01-01T00:00:00Z') }), fc.nat(4), (ms, z) => {
        const zone = zones[z]!;
        expect(dayToIsoDate(zone.dayOf(ms))).toBe(intlDate(ms, zone.timeZone));
      }),
      { numRuns: 2000 },
    );
  });

  it('is exact in the minutes around every DST switch of a year', () => {
    const zone = new ZonedDays('America/New_York');
    for (const switchAt of [utc('2025-03-09T07:00:00Z'), utc('2025-11-02T06:00:00Z')]) {
      for (let minute = -90; minute <= 90; minute += 7) {
        const ms = switchAt + minute * 60_000;
        expect(dayToIsoDate(zone.dayOf(ms))).toBe(intlDate(ms, 'America/New_York'));
      }
    }
  });

  it('finds the first instant of a local day, also where a daylight-saving switch skips midnight', () => {
    const day = (text: string) => isoDateToDay(text)!;
    expect(new ZonedDays('UTC').startOfDay(day('2026-01-31'))).toBe(utc('2026-01-31T00:00:00Z'));
    expect(new ZonedDays('Europe/Berlin').startOfDay(day('2026-01-31'))).toBe(utc('2026-01-30T23:00:00Z'));
    expect(new ZonedDays('Australia/Sydney').startOfDay(day('2026-01-31'))).toBe(utc('2026-01-30T13:00:00Z'));
    // Havana moves its clocks from 00:00 to 01:00: 2025-03-09 begins at 01:00 local, 05:00 UTC.
    expect(new ZonedDays('America/Havana').startOfDay(day('2025-03-09'))).toBe(utc('2025-03-09T05:00:00Z'));
    fc.assert(
      fc.property(
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/Havana', 'Asia/Kathmandu', 'Pacific/Kiritimati'),
        // From 1995 on: Kiribati moved across the date line by skipping 1994-12-31, a day Kiritimati never had.
        fc.integer({ min: 9_131, max: 30_000 }),
        (name, dayNumber) => {
          const zone = new ZonedDays(name);
          const start = zone.startOfDay(dayNumber);
          expect(zone.dayOf(start)).toBe(dayNumber);
          expect(zone.dayOf(start - 1)).toBeLessThan(dayNumber);
        },
      ),
    );
  });

  it('rejects unknown zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => new ZonedDays('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
