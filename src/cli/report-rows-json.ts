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
/** What stands before each value of a row, from the row's opening brace to the last member's name. */
const ITEM_KEY = `${ROW}{${MEMBER}"key": `;
const ITEM_TYPE = `,${MEMBER}"type": `;
const ITEM_STATUS = `,${MEMBER}"status": `;
const ITEM_STAGE_DATES = `,${MEMBER}"stageDates": `;
const ITEM_START = `,${MEMBER}"start": `;
const ITEM_DONE = `,${MEMBER}"done": `;
const ITEM_CYCLE_TIME = `,${MEMBER}"cycleTime": `;
const ITEM_LEAD_TIME = `,${MEMBER}"leadTime": `;
const ITEM_AGE = `,${MEMBER}"age": `;
const ITEM_DISCARDED = `,${MEMBER}"discarded": `;
const ITEM_BLOCKED_TIME = `,${MEMBER}"blockedTime": `;
const ITEM_FLOW_EFFICIENCY = `,${MEMBER}"flowEfficiency": `;
const ITEM_TIME_IN_STAGE = `,${MEMBER}"timeInStage": `;
const STATUS_ROW_KEY = ITEM_KEY;
const STATUS_ROW_STATUSES = `,${MEMBER}"statuses": `;
const RECORD_END = `${MEMBER}}`;
const ROW_END = `\n${ROW}}`;
const ROW_SEPARATOR = ',\n';

/** The members of a record keyed by `names` (each `"name": `, on its own line), for a row's nested records. */
const recordHeads = (names: readonly string[]): string[] => names.map((name) => `${RECORD_MEMBER}${JSON.stringify(name)}: `);

/**
 * The text of a run of rows, gathered as its parts (most of them the constant heads above, and texts of numbers
 * and dates written before) and joined once.
 *
 * Why: built by concatenation, a row is dozens of intermediate strings, and the run of them a tree of strings
 * that writing it must first copy flat; the rows were over half of all the memory a report of 20,000 issues
 * took from start to end. Joined, a run is one flat string made in one go. One array of parts serves every run.
 */
class RowParts {
  private readonly parts: string[] = [];
  private count = 0;

  add(text: string): void {
    this.parts[this.count++] = text;
  }

  /** Forgets the parts added since the last join (a run that failed part way must not leave them to the next). */
  clear(): void {
    this.count = 0;
  }

  /** The parts added since the last join, as one string. */
  join(): string {
    // Shortened rather than emptied, which would drop the array's memory for the next run to take again.
    this.parts.length = this.count;
    this.count = 0;
    return this.parts.join('');
  }
}

/** The report's `items`, from their table. */
export function itemRowsJson(table: ItemTable): PrettyJsonList | ReportItem[] {
  const { stages } = table;
  if (!keptInOrder(stages)) return itemRowsOf(table);
  const perStage = stages.length;
  const heads = recordHeads(stages);
  const recordEnd = perStage === 0 ? '' : RECORD_END;
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
  const row = (i: number, text: RowParts): void => {
    text.add(ITEM_KEY);
    text.add(JSON.stringify(table.key[i]));
    text.add(ITEM_TYPE);
    text.add(types[table.type[i]!]!);
    text.add(ITEM_STATUS);
    text.add(statuses[table.status[i]!]!);
    text.add(ITEM_STAGE_DATES);
    text.add(recordStart);
    for (let k = 0; k < perStage; k++) {
      if (k > 0) text.add(',');
      text.add(heads[k]!);
      text.add(label(table.stageDates[i * perStage + k]!));
    }
    text.add(recordEnd);
    text.add(ITEM_START);
    text.add(label(table.start[i]!));
    text.add(ITEM_DONE);
    text.add(label(table.done[i]!));
    text.add(ITEM_CYCLE_TIME);
    text.add(jsonNumber(table.cycleTime[i]!));
    text.add(ITEM_LEAD_TIME);
    text.add(jsonNumber(table.leadTime[i]!));
    text.add(ITEM_AGE);
    text.add(jsonNumber(table.age[i]!));
    text.add(ITEM_DISCARDED);
    text.add(table.discarded[i] === 1 ? 'true' : 'false');
    text.add(ITEM_BLOCKED_TIME);
    text.add(jsonNumber(table.blockedTime[i]!));
    text.add(ITEM_FLOW_EFFICIENCY);
    text.add(jsonNumber(table.flowEfficiency[i]!));
    text.add(ITEM_TIME_IN_STAGE);
    text.add(recordStart);
    for (let k = 0; k < perStage; k++) {
      if (k > 0) text.add(',');
      text.add(heads[k]!);
      text.add(jsonNumber(table.timeInStage[i * perStage + k]!));
    }
    text.add(recordEnd);
    text.add(ROW_END);
  };
  return new PrettyJsonList(table.key.length, (from, to) => joinedRows(row, from, to));
}

/** The report's `timeInStatus`, from its table. */
export function timeInStatusRowsJson(table: TimeInStatusTable): PrettyJsonList | FlowReport['timeInStatus'] {
  if (!keptInOrder(table.statuses)) return timeInStatusRowsOf(table);
  const heads = recordHeads(table.statuses);
  const { offsets, status, time } = table;
  const row = (r: number, text: RowParts): void => {
    const first = offsets[r]!;
    const end = offsets[r + 1]!;
    text.add(STATUS_ROW_KEY);
    text.add(JSON.stringify(table.key[r]));
    text.add(STATUS_ROW_STATUSES);
    text.add(first === end ? '{}' : '{');
    for (let e = first; e < end; e++) {
      if (e > first) text.add(',');
      text.add(heads[status[e]!]!);
      text.add(jsonNumber(time[e]!));
    }
    if (first < end) text.add(RECORD_END);
    text.add(ROW_END);
  };
  return new PrettyJsonList(table.key.length, (from, to) => joinedRows(row, from, to));
}

const rowParts = new RowParts();

function joinedRows(row: (index: number, text: RowParts) => void, from: number, to: number): string {
  rowParts.clear();
  for (let i = from; i < to; i++) {
    if (i > from) rowParts.add(ROW_SEPARATOR);
    row(i, rowParts);
  }
  return rowParts.join();
}
