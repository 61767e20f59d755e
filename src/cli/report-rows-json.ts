/**
 * The report's two lists of per-item rows, `items` and `timeInStatus`, as report.json holds them, written
 * straight from the columns they are built from (`ItemTable`, `TimeInStatusTable`).
 *
 * Why: they are most of a report of many items (four fifths of the 80 MB of 100,000 issues). Built as objects
 * (three per item and one more per item's statuses) and then stringified, they cost more than all the
 * report's measures together; written from the columns, each row is one string and nothing else.
 *
 * The text is exactly what `JSON.stringify(report, null, 2)` writes of the rows `itemRowsOf` and
 * `timeInStatusRowsOf` build (held to it by report-rows-json.test.ts). Where a JavaScript object would not keep
 * the names of its members as given (a stage or status named like an array index, which an object puts first,
 * "__proto__", or two of the same name), the rows are built and stringified as objects instead.
 */
import {
  itemRowsOf,
  timeInStatusRowsOf,
  dayToIsoDate,
  type ItemTable,
  type ReportItem,
  type TimeInStatusTable,
  type FlowReport,
} from '../domain';
import { PrettyJsonList } from './json-pieces';

/** Whether an object given members of these names, in this order, keeps them so. */
function keptInOrder(names: readonly string[]): boolean {
  return new Set(names).size === names.length && names.every((name) => name !== '__proto__' && !/^[0-9]+$/.test(name));
}

/**
 * The text of numbers written before, by their value in thousandths: the rows' numbers are rounded to two or
 * three decimals, and a report repeats the same few thousand of them hundreds of thousands of times, each
 * costlier to write afresh than to look up. One slot per value's low bits, the latest value kept.
 */
const NUMBER_SLOTS = 1 << 14;
const numberThousandths = new Float64Array(NUMBER_SLOTS).fill(NaN);
const numberTexts: string[] = new Array<string>(NUMBER_SLOTS).fill('');

/** A number as JSON writes it, NaN and infinities as null (as the rows hold them). */
function jsonNumber(value: number): string {
  const thousandths = Math.round(value * 1000);
  // A value of so many thousandths is the same number however it was written (1.27 is 1270 / 1000), so its
  // text is too. Anything else (NaN, infinities, finer or far larger values) is written afresh.
  if (thousandths / 1000 !== value || thousandths > 0x7fffffff || thousandths < -0x7fffffff)
    return Number.isFinite(value) ? String(value) : 'null';
  const slot = thousandths & (NUMBER_SLOTS - 1);
  if (numberThousandths[slot] !== thousandths) {
    numberThousandths[slot] = thousandths;
    numberTexts[slot] = String(value);
  }
  return numberTexts[slot]!;
}

/** Row indentation: a row is an element of a list that is a member of the report, two levels deep. */
const ROW = '    ';
const MEMBER = `\n${ROW}  `;
const RECORD_MEMBER = `${MEMBER}  `;

/** The members of a record keyed by `names` (each `"name": `, on its own line), for a row's nested records. */
const recordHeads = (names: readonly string[]): string[] => names.map((name) => `${RECORD_MEMBER}${JSON.stringify(name)}: `);

/** The report's `items`, from their table. */
export function itemRowsJson(table: ItemTable): PrettyJsonList | ReportItem[] {
  const { stages } = table;
  if (!keptInOrder(stages)) return itemRowsOf(table);
  const perStage = stages.length;
  const heads = recordHeads(stages);
  const recordEnd = perStage === 0 ? '' : `${MEMBER}}`;
  const recordStart = perStage === 0 ? '{}' : '{';
  const types = table.types.map((name) => JSON.stringify(name));
  const statuses = table.statuses.map((name) => JSON.stringify(name));
  // A few hundred days among 100,000 dates: each written once.
  const labels = new Map<number, string>();
  const label = (day: number): string => {
    if (Number.isNaN(day)) return 'null';
    let text = labels.get(day);
    if (text === undefined) labels.set(day, (text = JSON.stringify(dayToIsoDate(day))));
    return text;
  };
  const row = (i: number): string => {
    let dates = recordStart;
    let times = recordStart;
    for (let k = 0; k < perStage; k++) {
      const separator = k === 0 ? '' : ',';
      dates += `${separator}${heads[k]}${label(table.stageDates[i * perStage + k]!)}`;
      times += `${separator}${heads[k]}${jsonNumber(table.timeInStage[i * perStage + k]!)}`;
    }
    return (
      `${ROW}{${MEMBER}"key": ${JSON.stringify(table.key[i])},${MEMBER}"type": ${types[table.type[i]!]},` +
      `${MEMBER}"status": ${statuses[table.status[i]!]},${MEMBER}"stageDates": ${dates}${recordEnd},` +
      `${MEMBER}"start": ${label(table.start[i]!)},${MEMBER}"done": ${label(table.done[i]!)},` +
      `${MEMBER}"cycleTime": ${jsonNumber(table.cycleTime[i]!)},${MEMBER}"leadTime": ${jsonNumber(table.leadTime[i]!)},` +
      `${MEMBER}"age": ${jsonNumber(table.age[i]!)},${MEMBER}"discarded": ${table.discarded[i] === 1},` +
      `${MEMBER}"blockedTime": ${jsonNumber(table.blockedTime[i]!)},${MEMBER}"flowEfficiency": ${jsonNumber(table.flowEfficiency[i]!)},` +
      `${MEMBER}"timeInStage": ${times}${recordEnd}\n${ROW}}`
    );
  };
  return new PrettyJsonList(table.key.length, (from, to) => joinedRows(row, from, to));
}

/** The report's `timeInStatus`, from its table. */
export function timeInStatusRowsJson(table: TimeInStatusTable): PrettyJsonList | FlowReport['timeInStatus'] {
  if (!keptInOrder(table.statuses)) return timeInStatusRowsOf(table);
  const heads = recordHeads(table.statuses);
  const { offsets, status, time } = table;
  const row = (r: number): string => {
    const first = offsets[r]!;
    const end = offsets[r + 1]!;
    let statuses = first === end ? '{}' : '{';
    for (let e = first; e < end; e++) statuses += `${e === first ? '' : ','}${heads[status[e]!]}${jsonNumber(time[e]!)}`;
    if (first < end) statuses += `${MEMBER}}`;
    return `${ROW}{${MEMBER}"key": ${JSON.stringify(table.key[r])},${MEMBER}"statuses": ${statuses}\n${ROW}}`;
  };
  return new PrettyJsonList(table.key.length, (from, to) => joinedRows(row, from, to));
}

function joinedRows(row: (index: number) => string, from: number, to: number): string {
  let text = row(from);
  for (let i = from + 1; i < to; i++) text += `,\n${row(i)}`;
  return text;
}
