/**
 * The report's two lists of per-item rows, `items` and `timeInStatus`, as report.json holds them, written
 * straight from the columns they are built from (`ItemTable`, `TimeInStatusTable`).
 *
 * Why: they are most of a report of many items (four fifths of the 80 MB of 100,000 issues). Built as objects
 * (three per item and one more per item's statuses) and then stringified, they cost more than all the
 * report's measures together; written from the columns, each row is its bytes and nothing else (see json-bytes.ts).
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
import { JsonBytes, utf8 } from './json-bytes';
import { PrettyJsonList } from './json-pieces';

/** Whether an object given members of these names, in this order, keeps them so. */
function keptInOrder(names: readonly string[]): boolean {
  return new Set(names).size === names.length && names.every((name) => name !== '__proto__' && !/^[0-9]+$/.test(name));
}

/** Row indentation: a row is an element of a list that is a member of the report, two levels deep. */
const ROW = '    ';
const MEMBER = `\n${ROW}  `;
const RECORD_MEMBER = `${MEMBER}  `;
/** What stands before each value of a row, from the row's opening brace to the last member's name. */
const ITEM_KEY = utf8(`${ROW}{${MEMBER}"key": `);
const ITEM_TYPE = utf8(`,${MEMBER}"type": `);
const ITEM_STATUS = utf8(`,${MEMBER}"status": `);
const ITEM_STAGE_DATES = utf8(`,${MEMBER}"stageDates": `);
const ITEM_START = utf8(`,${MEMBER}"start": `);
const ITEM_DONE = utf8(`,${MEMBER}"done": `);
const ITEM_CYCLE_TIME = utf8(`,${MEMBER}"cycleTime": `);
const ITEM_LEAD_TIME = utf8(`,${MEMBER}"leadTime": `);
const ITEM_AGE = utf8(`,${MEMBER}"age": `);
const ITEM_DISCARDED = utf8(`,${MEMBER}"discarded": `);
const ITEM_BLOCKED_TIME = utf8(`,${MEMBER}"blockedTime": `);
const ITEM_FLOW_EFFICIENCY = utf8(`,${MEMBER}"flowEfficiency": `);
const ITEM_TIME_IN_STAGE = utf8(`,${MEMBER}"timeInStage": `);
const STATUS_ROW_KEY = ITEM_KEY;
const STATUS_ROW_STATUSES = utf8(`,${MEMBER}"statuses": `);
const RECORD_END = utf8(`${MEMBER}}`);
const ROW_END = utf8(`\n${ROW}}`);
const ROW_SEPARATOR = utf8(',\n');
const EMPTY_RECORD = utf8('{}');
const RECORD_START = utf8('{');
const NOTHING = utf8('');
const TRUE = utf8('true');
const FALSE = utf8('false');
const NULL = utf8('null');

/** A member's head, `"name": ` on its own line: as the record's first member, or after a comma. */
const memberHead = (name: string, first: boolean): Buffer => utf8(`${first ? '' : ','}${RECORD_MEMBER}${JSON.stringify(name)}: `);

/**
 * The members of a record keyed by `names`, in that order: the first as it follows the record's opening brace and
 * the others after a comma (one part each, for a row's nested records).
 */
const recordHeads = (names: readonly string[]): Buffer[] => names.map((name, k) => memberHead(name, k === 0));

/** The report's `items`, from their table. */
export function itemRowsJson(table: ItemTable): PrettyJsonList | ReportItem[] {
  const { stages } = table;
  if (!keptInOrder(stages)) return itemRowsOf(table);
  const perStage = stages.length;
  const heads = recordHeads(stages);
  const recordEnd = perStage === 0 ? NOTHING : RECORD_END;
  const recordStart = perStage === 0 ? EMPTY_RECORD : RECORD_START;
  const types = table.types.map((name) => utf8(JSON.stringify(name)));
  const statuses = table.statuses.map((name) => utf8(JSON.stringify(name)));
  // A few hundred days among 100,000 dates: each written once.
  const labels = new Map<number, Buffer>();
  const label = (day: number): Buffer => {
    if (Number.isNaN(day)) return NULL;
    let text = labels.get(day);
    if (text === undefined) labels.set(day, (text = utf8(JSON.stringify(dayToIsoDate(day)))));
    return text;
  };
  const row = (i: number, json: JsonBytes): void => {
    json.bytes(ITEM_KEY);
    json.string(table.key[i]!);
    json.bytes(ITEM_TYPE);
    json.bytes(types[table.type[i]!]!);
    json.bytes(ITEM_STATUS);
    json.bytes(statuses[table.status[i]!]!);
    json.bytes(ITEM_STAGE_DATES);
    json.bytes(recordStart);
    for (let k = 0; k < perStage; k++) {
      json.bytes(heads[k]!);
      json.bytes(label(table.stageDates[i * perStage + k]!));
    }
    json.bytes(recordEnd);
    json.bytes(ITEM_START);
    json.bytes(label(table.start[i]!));
    json.bytes(ITEM_DONE);
    json.bytes(label(table.done[i]!));
    json.bytes(ITEM_CYCLE_TIME);
    json.number(table.cycleTime[i]!);
    json.bytes(ITEM_LEAD_TIME);
    json.number(table.leadTime[i]!);
    json.bytes(ITEM_AGE);
    json.number(table.age[i]!);
    json.bytes(ITEM_DISCARDED);
    json.bytes(table.discarded[i] === 1 ? TRUE : FALSE);
    json.bytes(ITEM_BLOCKED_TIME);
    json.number(table.blockedTime[i]!);
    json.bytes(ITEM_FLOW_EFFICIENCY);
    json.number(table.flowEfficiency[i]!);
    json.bytes(ITEM_TIME_IN_STAGE);
    json.bytes(recordStart);
    for (let k = 0; k < perStage; k++) {
      json.bytes(heads[k]!);
      json.number(table.timeInStage[i * perStage + k]!);
    }
    json.bytes(recordEnd);
    json.bytes(ROW_END);
  };
  return new PrettyJsonList(table.key.length, (from, to) => writtenRows(row, from, to));
}

/** The report's `timeInStatus`, from its table. */
export function timeInStatusRowsJson(table: TimeInStatusTable): PrettyJsonList | FlowReport['timeInStatus'] {
  if (!keptInOrder(table.statuses)) return timeInStatusRowsOf(table);
  // Each status's head as the first member of a record and after a comma.
  const firstHeads = table.statuses.map((name) => memberHead(name, true));
  const heads = table.statuses.map((name) => memberHead(name, false));
  const { offsets, status, time } = table;
  const row = (r: number, json: JsonBytes): void => {
    const first = offsets[r]!;
    const end = offsets[r + 1]!;
    json.bytes(STATUS_ROW_KEY);
    json.string(table.key[r]!);
    json.bytes(STATUS_ROW_STATUSES);
    json.bytes(first === end ? EMPTY_RECORD : RECORD_START);
    for (let e = first; e < end; e++) {
      json.bytes((e > first ? heads : firstHeads)[status[e]!]!);
      json.number(time[e]!);
    }
    if (first < end) json.bytes(RECORD_END);
    json.bytes(ROW_END);
  };
  return new PrettyJsonList(table.key.length, (from, to) => writtenRows(row, from, to));
}

/** One buffer serves every run of rows: each run is written out before the next is asked for. */
const rowBytes = new JsonBytes();

function writtenRows(row: (index: number, json: JsonBytes) => void, from: number, to: number): Uint8Array {
  rowBytes.clear();
  for (let i = from; i < to; i++) {
    if (i > from) rowBytes.bytes(ROW_SEPARATOR);
    row(i, rowBytes);
  }
  return rowBytes.written();
}
