/**
 * The cycle-time scatterplot's dots, packed into a short text, so that the sync can keep them beside the
 * Overview's figures (see src/app/project-page/overview-summary.ts) and the page can draw the scatterplot
 * before the history it would compute them from has loaded.
 *
 * The dots are those of a report (its `scatter`), in the report's order: by the day each item finished, then
 * by the instant it finished, as the rolling percentile reads them. Only each dot's day and cycle time are kept,
 * not its item (a dot's key and type come with the history). Each day with dots is written as its gap from the
 * day before (the first from the period's first day) and how many dots it has, then their cycle times, every
 * number as base64 VLQ (`base64-vlq.ts`): about 1.2 characters a dot in whole days, some 17 KB for the 14,000
 * dots of a 20,000-issue project's 18 months. Cycle times are written in hundredths when any has a fraction (the
 * report rounds them to hundredths), else whole.
 */
import { dayToIsoDate, isoDateToDay } from './calendar-day';
import { VlqReader, writeVlq } from './base64-vlq';

/** One dot as a report's scatter holds it, without its item. */
export interface CycleTimeDot {
  /** The day the item finished, `YYYY-MM-DD`. */
  date: string;
  cycleTime: number;
}

/** Thrown when a packed text is not one `packCycleTimeDots` wrote. */
export class PackedDotsError extends Error {
  constructor(reason: string) {
    super(`The scatterplot's stored dots could not be read: ${reason}.`);
    this.name = 'PackedDotsError';
  }
}

/**
 * The dots as text, counted from the period's first day (`fromDate`, `YYYY-MM-DD`); null when they cannot be
 * packed exactly (a dot before that day or out of day order, a negative cycle time, or one finer than hundredths).
 */
export function packCycleTimeDots(dots: readonly CycleTimeDot[], fromDate: string): string | null {
  const from = isoDateToDay(fromDate);
  if (from === null) return null;
  const scale = dots.every((dot) => Number.isInteger(dot.cycleTime)) ? 1 : 100;
  const out: string[] = [];
  writeVlq(out, scale);
  let previousDay = from;
  let k = 0;
  while (k < dots.length) {
    const date = dots[k]!.date;
    const day = isoDateToDay(date);
    if (day === null || day < previousDay) return null;
    let end = k;
    while (end < dots.length && dots[end]!.date === date) end++;
    writeVlq(out, day - previousDay);
    writeVlq(out, end - k);
    for (; k < end; k++) {
      const { cycleTime } = dots[k]!;
      const scaled = Math.round(cycleTime * scale);
      if (!(scaled >= 0) || !Number.isSafeInteger(scaled) || scaled / scale !== cycleTime) return null;
      writeVlq(out, scaled);
    }
    previousDay = day;
  }
  return out.join('');
}

/**
 * The dots of a text of `packCycleTimeDots` as two columns, in the report's order: each dot's day (a day number,
 * see `calendar-day.ts`) and cycle time. Read straight from the text, without a date string or an object per
 * dot: the page draws the scatterplot kept with the Overview from these.
 */
export interface CycleTimeDotColumns {
  day: Int32Array;
  cycleTime: Float64Array;
}

/**
 * The dots a text of `packCycleTimeDots` holds, as columns (see `CycleTimeDotColumns`).
 * @throws PackedDotsError when the text was not written by `packCycleTimeDots`.
 */
export function unpackCycleTimeDotColumns(packed: string, fromDate: string): CycleTimeDotColumns {
  const from = isoDateToDay(fromDate);
  if (from === null) throw new PackedDotsError(`the period's first day ${fromDate} is not a date`);
  try {
    const numbers = new VlqReader(packed);
    const scale = numbers.next();
    if (scale !== 1 && scale !== 100) throw new PackedDotsError(`its scale ${scale} is neither 1 nor 100`);
    // Every dot takes at least one character: the text's length bounds their count.
    let day = new Int32Array(packed.length);
    let cycleTime = new Float64Array(packed.length);
    let count = 0;
    let today = from;
    while (!numbers.done) {
      today += numbers.next();
      const dots = numbers.next();
      if (count + dots > day.length) throw new PackedDotsError(`a day holds more dots (${dots}) than the text has room for`);
      for (let k = 0; k < dots; k++, count++) {
        day[count] = today;
        cycleTime[count] = numbers.next() / scale;
      }
    }
    day = day.slice(0, count);
    cycleTime = cycleTime.slice(0, count);
    return { day, cycleTime };
  } catch (cause) {
    throw cause instanceof PackedDotsError ? cause : new PackedDotsError(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * The dots a text of `packCycleTimeDots` holds, as the report had them.
 * @throws PackedDotsError when the text was not written by `packCycleTimeDots`.
 */
export function unpackCycleTimeDots(packed: string, fromDate: string): CycleTimeDot[] {
  return cycleTimeDotsOf(unpackCycleTimeDotColumns(packed, fromDate));
}

/** The dots of columns as a report's scatter holds them. */
export function cycleTimeDotsOf(columns: CycleTimeDotColumns): CycleTimeDot[] {
  const dates = new Map<number, string>();
  return Array.from(columns.day, (day, k) => {
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = dayToIsoDate(day)));
    return { date, cycleTime: columns.cycleTime[k]! };
  });
}
