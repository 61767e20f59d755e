/**
 * Date values in JQL: `"2024-01-05 10:00"`, `2024/01/05`, relative periods such as `-5d` or `"-4w 2d"`, and
 * the functions `now()`, `startOfDay()`, `endOfDay()`. The simulated site runs in UTC, so every user's
 * dates mean the same instant.
 */
const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: MINUTE };

export const DATE_FORMAT_HINT =
  "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

/** Milliseconds for a literal date or period, or `undefined` when it is neither. */
export function parseJqlDate(text: string, now: number): number | undefined {
  const trimmed = text.trim();
  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(trimmed);
  if (absolute) {
    const [, y, mo, d, h, mi] = absolute;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const hour = h === undefined ? 0 : Number(h);
    const minute = mi === undefined ? 0 : Number(mi);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
    const ms = Date.UTC(year, month - 1, day, hour, minute);
    // Reject dates that roll over (31 February).
    if (new Date(ms).getUTCDate() !== day) return undefined;
    return ms;
  }
  const period = /^([-+])?\s*((?:\d+\s*[wdhm]\s*)+)$/i.exec(trimmed);
  if (period) {
    const sign = period[1] === '-' ? -1 : 1;
    let total = 0;
    for (const part of (period[2] ?? '').matchAll(/(\d+)\s*([wdhm])/gi)) {
      total += Number(part[1]) * (UNIT_MS[(part[2] ?? '').toLowerCase()] ?? 0);
    }
    return now + sign * total;
  }
  return undefined;
}

/** `now()`, `startOfDay(-1d)`, `endOfDay()`; `undefined` for any other function. */
export function dateFunction(name: string, args: readonly string[], now: number): number | undefined {
  const offset = args[0] ? parseJqlDate(args[0].startsWith('-') || args[0].startsWith('+') ? args[0] : `+${args[0]}`, 0) : 0;
  if (offset === undefined) return undefined;
  const dayStart = Math.floor(now / 86_400_000) * 86_400_000;
  switch (name.toLowerCase()) {
    case 'now':
      return now;
    case 'startofday':
      return dayStart + offset;
    case 'endofday':
      return dayStart + 86_400_000 - MINUTE + offset;
    default:
      return undefined;
  }
}
