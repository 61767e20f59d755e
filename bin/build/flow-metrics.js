var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli/main.ts
var main_exports = {};
__export(main_exports, {
  main: () => main
});
module.exports = __toCommonJS(main_exports);
var import_node_fs2 = require("node:fs");

// src/cli/flow-metrics-command.ts
var import_node_path = require("node:path");

// src/domain/calendar-day.ts
var NO_DAY = -2147483648;
var MS_PER_DAY = 864e5;
var MS_PER_HOUR = 36e5;
var WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
function dayFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
function civilFromDay(dayNumber) {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}
function isLeapYear(year) {
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
}
function daysInMonth(year, month) {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function pad(value, width) {
  return String(value).padStart(width, "0");
}
function dayToIsoDate(dayNumber) {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isoDateToDay(text2) {
  const match = ISO_DATE.exec(text2);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, day);
}
function weekdayOf(dayNumber) {
  return ((dayNumber + 4) % 7 + 7) % 7;
}
function nextMonthStartOf(dayNumber) {
  const { year, month } = civilFromDay(dayNumber);
  return month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
}
var IsoDateLabels = class {
  base = 0;
  cache = [];
  label(dayNumber) {
    const index = dayNumber - this.base;
    let text2 = index >= 0 && index < this.cache.length ? this.cache[index] : void 0;
    if (text2 === void 0) {
      text2 = dayToIsoDate(dayNumber);
      this.remember(dayNumber, text2);
    }
    return text2;
  }
  /** The label, or null for `NO_DAY`. */
  labelOrNull(dayNumber) {
    return dayNumber === NO_DAY ? null : this.label(dayNumber);
  }
  remember(dayNumber, text2) {
    if (this.cache.length === 0) this.base = dayNumber - 4096;
    const index = dayNumber - this.base;
    if (index < 0 || index >= 65536) return;
    while (this.cache.length <= index) this.cache.push(void 0);
    this.cache[index] = text2;
  }
};

// src/domain/iso-timestamp.ts
var monthLength = daysInMonth;
var civilToDay = dayFromCivil;
function digits(text2, start, count) {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text2.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}
function parseIsoTimestamp(text2) {
  if (typeof text2 !== "string" || text2.length < 17) return NaN;
  const year = digits(text2, 0, 4);
  const month = digits(text2, 5, 2);
  const day = digits(text2, 8, 2);
  const hour = digits(text2, 11, 2);
  const minute = digits(text2, 14, 2);
  const sep = text2.charCodeAt(10);
  if (year < 0 || text2.charCodeAt(4) !== 45 || // '-'
  text2.charCodeAt(7) !== 45 || sep !== 84 && sep !== 116 && sep !== 32 || // 'T', 't' or ' '
  text2.charCodeAt(13) !== 58) {
    return NaN;
  }
  if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  let pos = 16;
  let second = 0;
  let millis = 0;
  if (text2.charCodeAt(pos) === 58) {
    second = digits(text2, pos + 1, 2);
    if (second < 0 || second > 59) return NaN;
    pos += 3;
    if (text2.charCodeAt(pos) === 46 || text2.charCodeAt(pos) === 44) {
      pos++;
      const fractionStart = pos;
      while (pos < text2.length) {
        const code = text2.charCodeAt(pos) - 48;
        if (code < 0 || code > 9) break;
        const place = pos - fractionStart;
        if (place < 3) millis += code * (place === 0 ? 100 : place === 1 ? 10 : 1);
        pos++;
      }
      if (pos === fractionStart) return NaN;
    }
  }
  let offsetMinutes;
  const sign = text2.charCodeAt(pos);
  if ((sign === 90 || sign === 122) && pos + 1 === text2.length) {
    offsetMinutes = 0;
  } else if (sign === 43 || sign === 45) {
    const rest = text2.length - pos - 1;
    const offsetHours = digits(text2, pos + 1, 2);
    let offsetMins = 0;
    if (rest === 2) offsetMins = 0;
    else if (rest === 4) offsetMins = digits(text2, pos + 3, 2);
    else if (rest === 5 && text2.charCodeAt(pos + 3) === 58) offsetMins = digits(text2, pos + 4, 2);
    else return NaN;
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  } else {
    return NaN;
  }
  return civilToDay(year, month, day) * MS_PER_DAY + hour * 36e5 + minute * 6e4 + second * 1e3 + millis - offsetMinutes * 6e4;
}
function formatIsoTimestamp(epochMs) {
  return new Date(epochMs).toISOString();
}

// src/domain/time-zone.ts
var DEFAULT_TIME_ZONE = "UTC";
var INITIAL_CAPACITY = 4096;
var ZonedDays = class {
  timeZone;
  format;
  /** Cache, indexed by UTC day − base: the offset at the day's start, and if it changes during the day,
   * the instant it changes and the offset after. NaN marks "not computed yet" / "no change". */
  base = 0;
  startOffset = new Float64Array(0);
  switchAt = new Float64Array(0);
  endOffset = new Float64Array(0);
  /** @throws RangeError for a time zone the runtime does not know. */
  constructor(timeZone = DEFAULT_TIME_ZONE) {
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric"
    });
    this.timeZone = timeZone;
    this.format = format.resolvedOptions().timeZone === "UTC" ? null : format;
  }
  /** The local calendar day of an instant. */
  dayOf(epochMs) {
    return Math.floor((epochMs + this.offsetAt(epochMs)) / MS_PER_DAY);
  }
  /**
   * The first instant of a local calendar day: its midnight, or where daylight-saving time skips midnight
   * (some zones switch at 00:00), the instant the day begins. Found by bisection on `dayOf`, which is
   * exact whatever the offsets: no zone is more than 14 hours from UTC, so the day begins within 26 hours
   * of its UTC midnight.
   */
  startOfDay(day) {
    let before = day * MS_PER_DAY - 26 * 36e5;
    let from = day * MS_PER_DAY + 26 * 36e5;
    while (from - before > 1) {
      const mid = before + Math.floor((from - before) / 2);
      if (this.dayOf(mid) < day) before = mid;
      else from = mid;
    }
    return from;
  }
  /** Local time minus UTC, in milliseconds, at an instant. */
  offsetAt(epochMs) {
    if (this.format === null) return 0;
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    let index = utcDay - this.base;
    if (index < 0 || index >= this.startOffset.length) {
      this.grow(utcDay);
      index = utcDay - this.base;
    }
    let start = this.startOffset[index];
    if (Number.isNaN(start)) {
      this.fill(index, utcDay);
      start = this.startOffset[index];
    }
    const switchAt = this.switchAt[index];
    if (Number.isNaN(switchAt) || epochMs < switchAt) return start;
    return this.endOffset[index];
  }
  grow(utcDay) {
    const oldLength = this.startOffset.length;
    if (oldLength === 0) {
      this.base = utcDay - INITIAL_CAPACITY / 2;
      this.startOffset = new Float64Array(INITIAL_CAPACITY).fill(NaN);
      this.switchAt = new Float64Array(INITIAL_CAPACITY).fill(NaN);
      this.endOffset = new Float64Array(INITIAL_CAPACITY).fill(NaN);
      return;
    }
    const oldEnd = this.base + oldLength;
    const newBase = Math.min(this.base, utcDay - oldLength);
    const newEnd = Math.max(oldEnd, utcDay + oldLength);
    const copy = (old) => {
      const next = new Float64Array(newEnd - newBase).fill(NaN);
      next.set(old, this.base - newBase);
      return next;
    };
    this.startOffset = copy(this.startOffset);
    this.switchAt = copy(this.switchAt);
    this.endOffset = copy(this.endOffset);
    this.base = newBase;
  }
  fill(index, utcDay) {
    const dayStart = utcDay * MS_PER_DAY;
    const dayEnd = dayStart + MS_PER_DAY;
    const before = this.computeOffset(dayStart);
    const after = this.computeOffset(dayEnd);
    this.startOffset[index] = before;
    if (before === after) return;
    let low = dayStart;
    let high = dayEnd;
    while (high - low > 1e3) {
      const mid = low + Math.floor((high - low) / 2e3) * 1e3;
      if (this.computeOffset(mid) === before) low = mid;
      else high = mid;
    }
    this.switchAt[index] = high;
    this.endOffset[index] = after;
  }
  computeOffset(epochMs) {
    let year = 0;
    let month = 0;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of this.format.formatToParts(epochMs)) {
      switch (part.type) {
        case "year":
          year = Number(part.value);
          break;
        case "month":
          month = Number(part.value);
          break;
        case "day":
          day = Number(part.value);
          break;
        case "hour":
          hour = Number(part.value);
          break;
        case "minute":
          minute = Number(part.value);
          break;
        case "second":
          second = Number(part.value);
          break;
        default:
          break;
      }
    }
    const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
    return wallClock - (epochMs - (epochMs % 1e3 + 1e3) % 1e3);
  }
};

// src/domain/business-calendar.ts
var EVERY_DAY_CALENDAR = Object.freeze({
  workingDays: WEEKDAY_NAMES,
  holidays: []
});
var WorkingDays = class {
  /** True for each weekday (0 = Sunday) that is worked. */
  worked;
  perWeek;
  /** Holidays that fall on worked weekdays, sorted, unique. */
  holidays;
  /** True when every day is a working day: counting is then plain subtraction. */
  everyDay;
  /** @throws Error when a holiday is not a `YYYY-MM-DD` date. */
  constructor(calendar = EVERY_DAY_CALENDAR) {
    this.worked = WEEKDAY_NAMES.map((name) => calendar.workingDays.includes(name));
    this.perWeek = this.worked.filter(Boolean).length;
    const days = /* @__PURE__ */ new Set();
    for (const text2 of calendar.holidays) {
      const day = isoDateToDay(text2);
      if (day === null) throw new Error(`holiday "${text2}" is not a YYYY-MM-DD date`);
      if (this.worked[weekdayOf(day)]) days.add(day);
    }
    this.holidays = Int32Array.from([...days].sort((a, b) => a - b));
    this.everyDay = this.perWeek === 7 && this.holidays.length === 0;
  }
  isWorkingDay(day) {
    return this.worked[weekdayOf(day)] === true && !this.isHoliday(day);
  }
  /** Working days in [from, to], both inclusive; 0 when to < from. */
  count(from, to) {
    if (to < from) return 0;
    const length = to - from + 1;
    if (this.everyDay) return length;
    const weeks = Math.floor(length / 7);
    let total = weeks * this.perWeek;
    for (let day = from + weeks * 7; day <= to; day++) if (this.worked[weekdayOf(day)]) total++;
    return total - (this.lowerBound(to + 1) - this.lowerBound(from));
  }
  isHoliday(day) {
    const index = this.lowerBound(day);
    return index < this.holidays.length && this.holidays[index] === day;
  }
  /** Index of the first holiday ≥ day. */
  lowerBound(day) {
    let low = 0;
    let high = this.holidays.length;
    while (low < high) {
      const mid = low + high >>> 1;
      if (this.holidays[mid] < day) low = mid + 1;
      else high = mid;
    }
    return low;
  }
};

// src/domain/conventions.ts
var STAGE_ENTRY_RULES = ["first", "last"];
var BACKWARD_MOVE_RULES = ["keep", "reset"];
var SKIPPED_START_RULES = ["first-later-stage"];
var REOPENED_RULES = ["final-entry"];
var DURATION_UNITS = ["days-inclusive", "days-exclusive", "hours"];
var PERCENTILE_METHODS = ["nearest-rank", "linear"];
var DEFAULT_PERCENTILES = Object.freeze([50, 70, 85, 95]);
var DEFAULT_CONVENTIONS = Object.freeze({
  stageEntry: "first",
  backwardMoves: "keep",
  skippedStart: "first-later-stage",
  reopened: "final-entry",
  unit: "days-inclusive",
  businessCalendar: EVERY_DAY_CALENDAR,
  timeZone: DEFAULT_TIME_ZONE,
  percentileMethod: "nearest-rank",
  percentiles: DEFAULT_PERCENTILES,
  serviceLevelPercentile: 85,
  weekEndsOn: "sunday"
});
var STAGE_ENTRY_MEANINGS = {
  first: "The first time an item entered a stage is its date for that stage.",
  last: "The most recent time an item entered a stage is its date for that stage."
};
var BACKWARD_MOVE_MEANINGS = {
  keep: "Dates of later stages are kept; the item is measured from its earliest progress.",
  reset: "Moving back wipes the dates of every later stage, as if the item had never reached them. An item moved back before the start stage is no longer started."
};
var SKIPPED_START_MEANINGS = {
  "first-later-stage": "An item that never entered the start stage is started when it first entered any later stage (an item moved straight to done starts and finishes at that moment)."
};
var REOPENED_MEANINGS = {
  "final-entry": "An item that leaves the done stage is no longer done; when it is done again, its final entry into done is its done date."
};
var DURATION_UNIT_MEANINGS = {
  "days-inclusive": "Done date \u2212 start date + 1, in days: an item started and finished on the same day took 1 day.",
  "days-exclusive": "Done date \u2212 start date, in days: an item started and finished on the same day took 0 days.",
  hours: "Exact elapsed time in hours."
};
var PERCENTILE_METHOD_MEANINGS = {
  "nearest-rank": "The smallest observed value with at least p% of items at or below it.",
  linear: "Linear interpolation between closest ranks (as spreadsheet PERCENTILE.INC)."
};
var choicesOf = (values, meanings) => values.map((value) => ({ value, meaning: meanings[value] }));
var CONVENTION_CATALOG = Object.freeze([
  {
    name: "stageEntry",
    title: "Repeated entries into a stage",
    choices: choicesOf(STAGE_ENTRY_RULES, STAGE_ENTRY_MEANINGS),
    default: DEFAULT_CONVENTIONS.stageEntry,
    rationale: "Work started the first time someone picked the item up; counting from a later entry would hide rework from the cycle time the customer experienced."
  },
  {
    name: "backwardMoves",
    title: "Moves back to an earlier stage",
    choices: choicesOf(BACKWARD_MOVE_RULES, BACKWARD_MOVE_MEANINGS),
    default: DEFAULT_CONVENTIONS.backwardMoves,
    rationale: 'Moving a card back does not undo the time already spent on it. Choose "reset" if your team moves abandoned work back to the backlog and does not want it counted as in progress.'
  },
  {
    name: "skippedStart",
    title: "Items that skip the start stage",
    choices: choicesOf(SKIPPED_START_RULES, SKIPPED_START_MEANINGS),
    default: DEFAULT_CONVENTIONS.skippedStart,
    rationale: "Every finished item has a cycle time, so throughput and cycle time describe the same items."
  },
  {
    name: "reopened",
    title: "Reopened items",
    choices: choicesOf(REOPENED_RULES, REOPENED_MEANINGS),
    default: DEFAULT_CONVENTIONS.reopened,
    rationale: "An item is finished when it last reached done; until then it is work in progress and ages."
  },
  {
    name: "unit",
    title: "Unit of cycle time, lead time and age",
    choices: choicesOf(DURATION_UNITS, DURATION_UNIT_MEANINGS),
    default: DEFAULT_CONVENTIONS.unit,
    rationale: "Counting both the first and the last day is the usual Kanban convention and never reports a zero: an item that was worked on for part of a day took a day."
  },
  {
    name: "businessCalendar",
    title: "Working days",
    choices: [
      { value: "every day", meaning: "Every calendar day counts." },
      {
        value: "weekdays and holidays",
        meaning: "Day counts skip non-working weekdays and listed holidays (at least 1 day when inclusive)."
      }
    ],
    default: "every day",
    rationale: "Customers wait on weekends too; a business calendar is there for teams that prefer working days."
  },
  {
    name: "timeZone",
    title: "Time zone of dates",
    choices: [{ value: "Europe/Berlin", meaning: "Any IANA time zone name; dates follow its daylight-saving rules." }],
    default: "UTC",
    rationale: "The app uses the Jira site\u2019s time zone, so a day means what the team means by it."
  },
  {
    name: "percentileMethod",
    title: "Percentile method",
    choices: choicesOf(PERCENTILE_METHODS, PERCENTILE_METHOD_MEANINGS),
    default: DEFAULT_CONVENTIONS.percentileMethod,
    rationale: 'A nearest-rank percentile is always a cycle time an item really had, and reads as a promise: "85% took this long or less".'
  },
  {
    name: "percentiles",
    title: "Percentiles shown",
    choices: [{ value: "50, 70, 85, 95", meaning: "Any ascending list of percentiles between 0 and 100." }],
    default: "50, 70, 85, 95",
    rationale: "The usual lines on a cycle-time scatter plot."
  },
  {
    name: "serviceLevelPercentile",
    title: "Service-level expectation",
    choices: [{ value: "85", meaning: "The percentile of cycle time the team quotes as its service level." }],
    default: "85",
    rationale: "The common choice in Kanban practice: most items finish within it, with a margin for surprises."
  },
  {
    name: "weekEndsOn",
    title: "Last day of the week",
    choices: [{ value: "sunday", meaning: "Any weekday name; weekly throughput periods end on it." }],
    default: "sunday",
    rationale: "ISO weeks run Monday to Sunday; teams with other sprint boundaries can move it."
  }
]);

// src/domain/workflow.ts
var DEFAULT_STAGE_NAMES = Object.freeze({ new: "To Do", indeterminate: "In Progress", done: "Done" });
function defaultWorkflow(statuses) {
  const byCategory = { new: [], indeterminate: [], done: [] };
  for (const status of statuses) {
    if (status.category !== null) byCategory[status.category].push(status.id ?? status.name);
  }
  return {
    stages: [
      { name: DEFAULT_STAGE_NAMES.new, statuses: byCategory.new },
      { name: DEFAULT_STAGE_NAMES.indeterminate, statuses: byCategory.indeterminate },
      { name: DEFAULT_STAGE_NAMES.done, statuses: byCategory.done }
    ],
    startStage: DEFAULT_STAGE_NAMES.indeterminate,
    doneStage: DEFAULT_STAGE_NAMES.done
  };
}
var WorkflowError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "WorkflowError";
  }
};
function workflowProblems(workflow) {
  const problems = [];
  const names = workflow.stages.map((stage) => stage.name);
  if (names.length < 2) problems.push("a workflow needs at least two stages");
  const seen = /* @__PURE__ */ new Set();
  for (const name of names) {
    if (name.trim() === "") problems.push("a stage has an empty name");
    if (seen.has(name)) problems.push(`stage "${name}" appears twice`);
    seen.add(name);
  }
  const start = names.indexOf(workflow.startStage);
  const done = names.indexOf(workflow.doneStage);
  if (start < 0) problems.push(`the start stage "${workflow.startStage}" is not one of the stages`);
  if (done < 0) problems.push(`the done stage "${workflow.doneStage}" is not one of the stages`);
  if (start >= 0 && done >= 0 && start >= done) problems.push("the start stage must come before the done stage");
  const owner = /* @__PURE__ */ new Map();
  for (const stage of workflow.stages) {
    for (const status of stage.statuses) {
      const match = status.trim().toLowerCase();
      const other = owner.get(match);
      if (other !== void 0 && other !== stage.name) problems.push(`status "${status}" is in both "${other}" and "${stage.name}"`);
      owner.set(match, stage.name);
    }
  }
  const finishedStages = new Set(done < 0 ? [] : names.slice(done));
  for (const status of workflow.discardedStatuses ?? []) {
    const stage = owner.get(status.trim().toLowerCase());
    if (stage === void 0) problems.push(`discarded status "${status}" is not in any stage`);
    else if (!finishedStages.has(stage)) problems.push(`discarded status "${status}" is in "${stage}", before the done stage`);
  }
  const resolutions = /* @__PURE__ */ new Set();
  for (const resolution of workflow.discardedResolutions ?? []) {
    const name = resolution.trim().toLowerCase();
    if (name === "") problems.push("a discarded resolution has no name");
    else if (resolutions.has(name)) problems.push(`discarded resolution "${resolution}" is listed twice`);
    resolutions.add(name);
  }
  return problems;
}
function resolveWorkflow(workflow, statuses) {
  const problems = workflowProblems(workflow);
  if (problems.length > 0) throw new WorkflowError(problems.join("; "));
  const stageByEntry = /* @__PURE__ */ new Map();
  workflow.stages.forEach((stage, index) => {
    for (const entry of stage.statuses) stageByEntry.set(entry.trim().toLowerCase(), index);
  });
  const stageOfStatus = new Int16Array(statuses.length).fill(-1);
  statuses.forEach((status, index) => {
    const byId = status.id === null ? void 0 : stageByEntry.get(status.id.toLowerCase());
    const byName = stageByEntry.get(status.name.trim().toLowerCase());
    if (byId !== void 0 && byName !== void 0 && byId !== byName) {
      throw new WorkflowError(
        `status "${status.name}" (id ${status.id}) is mapped by id to "${workflow.stages[byId].name}" and by name to "${workflow.stages[byName].name}"`
      );
    }
    stageOfStatus[index] = byId ?? byName ?? -1;
  });
  const startStage = workflow.stages.findIndex((stage) => stage.name === workflow.startStage);
  const doneStage = workflow.stages.findIndex((stage) => stage.name === workflow.doneStage);
  const discarded = new Set((workflow.discardedStatuses ?? []).map((entry) => entry.trim().toLowerCase()));
  const discardedStatus = Uint8Array.from(
    statuses,
    (status) => discarded.has(status.name.trim().toLowerCase()) || status.id !== null && discarded.has(status.id.toLowerCase()) ? 1 : 0
  );
  return {
    stageNames: workflow.stages.map((stage) => stage.name),
    startStage,
    doneStage,
    stageOfStatus,
    activeStages: workflow.stages.map((stage, index) => index >= startStage && index < doneStage && stage.active !== false),
    discardedStatus,
    discardedResolutions: new Set((workflow.discardedResolutions ?? []).map((name) => name.trim().toLowerCase()))
  };
}

// src/domain/counted-issue-types.ts
var DEFAULT_EXCLUDED_ISSUE_TYPES = Object.freeze(["Epic", "Sub-task", "Subtask"]);

// src/domain/issue-facets.ts
var UNRESOLVED = -1;
var IssueFacetsBuilder = class {
  dictionaries = { resolutions: new Dictionary(), labels: new Dictionary(), components: new Dictionary() };
  resolution = [];
  labelOffset = [0];
  labelOf = [];
  componentOffset = [0];
  componentOf = [];
  parent = [];
  add(values) {
    const { resolutions, labels, components } = this.dictionaries;
    this.resolution.push(values.resolution === null ? UNRESOLVED : resolutions.index(values.resolution));
    for (const label of distinct(values.labels)) this.labelOf.push(labels.index(label));
    this.labelOffset.push(this.labelOf.length);
    for (const component of distinct(values.components)) this.componentOf.push(components.index(component));
    this.componentOffset.push(this.componentOf.length);
    this.parent.push(values.parent);
  }
  build() {
    return {
      resolutions: this.dictionaries.resolutions.names(),
      resolution: [...this.resolution],
      labels: this.dictionaries.labels.names(),
      labelOffset: [...this.labelOffset],
      labelOf: [...this.labelOf],
      components: this.dictionaries.components.names(),
      componentOffset: [...this.componentOffset],
      componentOf: [...this.componentOf],
      parent: [...this.parent]
    };
  }
};
function distinct(names) {
  return [...new Set(names)];
}
var Dictionary = class {
  byName = /* @__PURE__ */ new Map();
  index(name) {
    let index = this.byName.get(name);
    if (index === void 0) {
      index = this.byName.size;
      this.byName.set(name, index);
    }
    return index;
  }
  names() {
    return [...this.byName.keys()];
  }
};

// src/domain/compact-history.ts
var COMPACT_HISTORY_FORMAT = 1;
function issueCount(history) {
  return history.key.length;
}
function emptyIssueColumns() {
  return {
    issueId: [],
    key: [],
    type: [],
    created: [],
    resolved: [],
    initialStatus: [],
    transitionOffset: [0],
    transitionAt: [],
    transitionStatus: [],
    flagOffset: [0],
    flagAt: [],
    flagOn: []
  };
}
function appendIssue(columns, issue) {
  columns.issueId.push(issue.id);
  columns.key.push(issue.key);
  columns.type.push(issue.type);
  columns.created.push(issue.created);
  columns.resolved.push(issue.resolved);
  columns.initialStatus.push(issue.initialStatus);
  for (const transition of issue.transitions) {
    columns.transitionAt.push(transition.at);
    columns.transitionStatus.push(transition.status);
  }
  columns.transitionOffset.push(columns.transitionAt.length);
  for (const flag of issue.flags ?? []) {
    columns.flagAt.push(flag.at);
    columns.flagOn.push(flag.on ? 1 : 0);
  }
  columns.flagOffset.push(columns.flagAt.length);
}
function categoryKey(value) {
  return value === "new" || value === "indeterminate" || value === "done" ? value : null;
}
function nameKey(name) {
  return name.trim().toLowerCase();
}
var CompactHistoryBuilder = class {
  statuses = [];
  statusById = /* @__PURE__ */ new Map();
  statusByName = /* @__PURE__ */ new Map();
  issueTypes = [];
  typeByName = /* @__PURE__ */ new Map();
  columns = emptyIssueColumns();
  get size() {
    return this.columns.key.length;
  }
  /**
   * The dictionary index of a status, adding it if new. Statuses are matched by id first, then by name
   * (case-insensitive). An `authoritative` reference (the issue's current status, a status catalogue) also
   * updates the stored name, because history entries keep the name a status had when the change was made.
   * @throws Error when the reference has neither id nor name.
   */
  status(ref, authoritative = false) {
    const id = ref.id ? String(ref.id) : null;
    const name = ref.name ? String(ref.name) : null;
    const category = categoryKey(ref.category);
    if (id !== null && !authoritative) {
      const known = this.statusById.get(id);
      if (known !== void 0) {
        const status = this.statuses[known];
        if (category !== null && status.category === null) status.category = category;
        if (name !== null && status.name === status.id) status.name = name;
        return known;
      }
    }
    let index;
    if (id !== null) {
      index = this.statusById.get(id);
      if (index === void 0 && name !== null) {
        const byName = this.statusByName.get(nameKey(name));
        if (byName !== void 0 && this.statuses[byName].id === null) index = byName;
      }
    } else if (name !== null) {
      index = this.statusByName.get(nameKey(name));
    } else {
      throw new Error("a status needs an id or a name");
    }
    if (index === void 0) {
      index = this.statuses.length;
      this.statuses.push({ id, name: name ?? id ?? "", category });
    } else {
      const status = this.statuses[index];
      if (status.id === null && id !== null) status.id = id;
      if (name !== null && (authoritative || status.name === "" || status.name === status.id)) status.name = name;
      if (category !== null && (authoritative || status.category === null)) status.category = category;
    }
    if (id !== null) this.statusById.set(id, index);
    if (name !== null && !this.statusByName.has(nameKey(name))) this.statusByName.set(nameKey(name), index);
    return index;
  }
  /** The dictionary entry behind an index from `status`. */
  statusAt(index) {
    const status = this.statuses[index];
    if (!status) throw new RangeError(`no status at index ${index}`);
    return status;
  }
  /** @throws Error when transitions or flags are out of order or before creation. */
  addIssue(input) {
    let previous = input.created;
    for (const transition of input.transitions) {
      if (!(transition.at >= previous)) throw new Error(`${input.key}: transitions must be in time order, after creation`);
      if (!(transition.status >= 0 && transition.status < this.statuses.length)) {
        throw new Error(`${input.key}: unknown status index ${transition.status}`);
      }
      previous = transition.at;
    }
    previous = input.created;
    for (const flag of input.flags ?? []) {
      if (!(flag.at >= previous)) throw new Error(`${input.key}: flag changes must be in time order, after creation`);
      previous = flag.at;
    }
    let typeIndex = this.typeByName.get(input.type);
    if (typeIndex === void 0) {
      typeIndex = this.issueTypes.length;
      this.issueTypes.push(input.type);
      this.typeByName.set(input.type, typeIndex);
    }
    appendIssue(this.columns, { ...input, type: typeIndex });
  }
  build() {
    const c = this.columns;
    return {
      format: COMPACT_HISTORY_FORMAT,
      statuses: this.statuses.map((status) => ({ ...status })),
      issueTypes: [...this.issueTypes],
      issueId: [...c.issueId],
      key: [...c.key],
      type: [...c.type],
      created: [...c.created],
      resolved: [...c.resolved],
      initialStatus: [...c.initialStatus],
      transitionOffset: [...c.transitionOffset],
      transitionAt: [...c.transitionAt],
      transitionStatus: [...c.transitionStatus],
      flagOffset: [...c.flagOffset],
      flagAt: [...c.flagAt],
      flagOn: [...c.flagOn]
    };
  }
};

// src/domain/jira-change-list.ts
var JiraChangeList = class {
  /** Index of the change's history in the changelog, and of the item in the history's items: for messages. */
  history = [];
  item = [];
  /** The history's `created` as the source gave it (checked by the builder, which fills `at`). */
  created = [];
  /** Epoch ms of the history's `created`, once checked. */
  at = [];
  /** Tie-break for changes at the same instant: Jira's history ids grow with time (0 when there is none). */
  historyId = [];
  kind = [];
  /** The item's values as ids and as text; null when not a string. */
  from = [];
  fromName = [];
  to = [];
  toName = [];
  length = 0;
  /** The changes' indices in time order (`timeOrder`), reused from one issue to the next. */
  order = [];
  clear() {
    this.length = 0;
  }
  add(history, item, created, historyId, kind, from, fromName, to, toName) {
    const k = this.length++;
    this.history[k] = history;
    this.item[k] = item;
    this.created[k] = created;
    this.at[k] = NaN;
    this.historyId[k] = historyId;
    this.kind[k] = kind;
    this.from[k] = from;
    this.fromName[k] = fromName;
    this.to[k] = to;
    this.toName[k] = toName;
  }
  /** Gives the changes from index `first` on their history's `created` and id, read after its items. */
  setHistory(first, created, historyId) {
    for (let k = first; k < this.length; k++) {
      this.created[k] = created;
      this.historyId[k] = historyId;
    }
  }
  /**
   * The changes' indices in time order, ties broken by history id, then by their order in the list (a stable
   * sort). search/jql and the bulk changelog list histories oldest first; the issue changelog endpoints can
   * list them newest first. The array is reused by the next call.
   */
  timeOrder() {
    const { at, historyId, order } = this;
    order.length = this.length;
    let sorted = true;
    for (let k = 0; k < this.length; k++) {
      order[k] = k;
      if (k > 0 && (at[k - 1] > at[k] || at[k - 1] === at[k] && historyId[k - 1] > historyId[k])) sorted = false;
    }
    if (!sorted) order.sort((a, b) => at[a] - at[b] || historyId[a] - historyId[b] || a - b);
    return order;
  }
};
function changeKind(fieldId, field, flaggedFieldIds) {
  if (fieldId === "status" || fieldId === null && field === "status") return "status";
  if (fieldId !== null && flaggedFieldIds.has(fieldId) || field?.toLowerCase() === "flagged") return "flag";
  return null;
}
function historyOrder(rawId) {
  const id = typeof rawId === "string" || typeof rawId === "number" ? Number(rawId) : NaN;
  return Number.isNaN(id) ? 0 : id;
}
var PreReadChangelog = class {
  /** The changelog's `total` as given (a number when Jira pages the changelog). */
  total = void 0;
  /** How many histories the changelog holds. */
  histories = 0;
  changes = new JiraChangeList();
  clear() {
    this.total = void 0;
    this.histories = 0;
    this.changes.clear();
  }
};

// src/domain/jira-history.ts
var EARLIEST = Date.UTC(1970, 0, 1);
var LATEST = Date.UTC(2200, 0, 1);
function jiraInstant(value) {
  const ms = typeof value === "string" ? parseIsoTimestamp(value) : NaN;
  return ms >= EARLIEST && ms < LATEST ? ms : NaN;
}
var NOT_AN_INSTANT = "is not a date-time with a time zone offset between 1970 and 2199";
var DEFAULT_FLAGGED_FIELD_IDS = Object.freeze(["customfield_10021"]);
var JiraHistoryError = class extends Error {
  constructor(issueKey, field, problem2) {
    super(`${issueKey}: ${field}: ${problem2}`);
    this.issueKey = issueKey;
    this.field = field;
    this.problem = problem2;
    this.name = "JiraHistoryError";
  }
  issueKey;
  field;
  problem;
};
function changePath(historiesPath, changes, k, suffix) {
  return `${historiesPath}[${changes.history[k]}].items[${changes.item[k]}]${suffix}`;
}
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function ownString(object, name) {
  const value = object[name];
  return typeof value === "string" ? value : null;
}
function describe(value) {
  if (value === void 0) return "missing";
  const text2 = JSON.stringify(value);
  return text2 === void 0 ? typeof value : text2.length > 60 ? `${text2.slice(0, 57)}...` : text2;
}
var JiraHistoryBuilder = class {
  warnings = [];
  compact = new CompactHistoryBuilder();
  flaggedFieldIds;
  locations = [];
  /** The changes of the issue being added, when read from parsed histories (reused from one issue to the next). */
  changes = new JiraChangeList();
  constructor(options = {}) {
    this.flaggedFieldIds = new Set(options.flaggedFieldIds ?? DEFAULT_FLAGGED_FIELD_IDS);
    for (const status of options.statuses ?? []) {
      this.compact.status({ id: status.id ?? null, name: status.name ?? null, category: status.statusCategory?.key ?? null }, true);
    }
  }
  get size() {
    return this.compact.size;
  }
  /**
   * Adds one issue in `search/jql?expand=changelog` shape.
   * @param position the issue's index in its list, to name it if it has no usable key.
   * @throws JiraHistoryError on input that is not a well-formed Jira issue.
   */
  addSearchIssue(issue, position = this.size) {
    const label = this.labelOf(issue, position);
    if (!isObject(issue)) throw new JiraHistoryError(label, "(issue)", `expected an object, got ${describe(issue)}`);
    const changelog = issue["changelog"];
    if (changelog instanceof PreReadChangelog) {
      this.warnOfPartialChangelog(label, changelog.histories, changelog.total);
      this.addIssueWithHistories(issue, changelog.changes, "changelog.histories", position);
      return;
    }
    if (!isObject(changelog)) {
      throw new JiraHistoryError(label, "changelog", `${describe(changelog)}: fetch issues with expand=changelog`);
    }
    const histories = changelog["histories"];
    if (!Array.isArray(histories)) {
      throw new JiraHistoryError(label, "changelog.histories", `expected an array, got ${describe(histories)}`);
    }
    this.warnOfPartialChangelog(label, histories.length, changelog["total"]);
    this.addIssueWithHistories(issue, histories, "changelog.histories", position);
  }
  /** Jira pages a long changelog: an issue with only its first page may have wrong dates. */
  warnOfPartialChangelog(label, histories, total) {
    if (typeof total === "number" && total > histories) {
      this.warnings.push(
        `${label}: the changelog holds ${histories} of ${total} entries; fetch the rest (GET /rest/api/3/issue/${label}/changelog or the bulk changelog), or its dates may be wrong`
      );
    }
  }
  /**
   * Adds one issue from its fields (search shape, without changelog) and its complete `changeHistories`
   * from the bulk changelog (see `collectBulkChangelogs` for gathering them across pages).
   * @throws JiraHistoryError on input that is not well formed.
   */
  addChangelogIssue(issue, changeHistories, position = this.size) {
    const label = this.labelOf(issue, position);
    if (!isObject(issue)) throw new JiraHistoryError(label, "(issue)", `expected an object, got ${describe(issue)}`);
    if (!Array.isArray(changeHistories)) {
      throw new JiraHistoryError(label, "changeHistories", `expected an array, got ${describe(changeHistories)}`);
    }
    this.addIssueWithHistories(issue, changeHistories, "changeHistories", position);
  }
  /** Where the status with this dictionary index was first seen. */
  statusLocation(statusIndex) {
    return this.locations[statusIndex];
  }
  build() {
    return this.compact.build();
  }
  labelOf(issue, position) {
    if (isObject(issue)) {
      const key = issue["key"];
      if (typeof key === "string" && key !== "") return key;
      const id = issue["id"];
      if (typeof id === "string" || typeof id === "number") return `issue #${position} (id ${id})`;
    }
    return `issue #${position}`;
  }
  /** Registers an issue's current status, remembering where it was first seen. */
  currentStatus(ref, issueKey) {
    const index = this.compact.status(ref, true);
    if (this.locations[index] === void 0) this.locations[index] = { issueKey, field: "fields.status" };
    return index;
  }
  /** Registers a status named in a change item. The field path is only built for a status seen first. */
  changedStatus(ref, issueKey, historiesPath, changes, k, suffix) {
    const index = this.compact.status(ref);
    if (this.locations[index] === void 0) this.locations[index] = { issueKey, field: changePath(historiesPath, changes, k, suffix) };
    return index;
  }
  /** @param histories the changelog's histories as parsed, or its changes as read ahead (`PreReadChangelog`) */
  addIssueWithHistories(issue, histories, historiesPath, position) {
    const key = issue["key"];
    if (typeof key !== "string" || key === "") {
      throw new JiraHistoryError(this.labelOf(issue, position), "key", `expected a non-empty string, got ${describe(key)}`);
    }
    const rawId = issue["id"];
    if (typeof rawId !== "string" && typeof rawId !== "number") {
      throw new JiraHistoryError(key, "id", `expected a string, got ${describe(rawId)}`);
    }
    const fields = issue["fields"];
    if (!isObject(fields)) throw new JiraHistoryError(key, "fields", `expected an object, got ${describe(fields)}`);
    const createdText = fields["created"];
    const created = jiraInstant(createdText);
    if (Number.isNaN(created)) {
      throw new JiraHistoryError(key, "fields.created", `${describe(createdText)} ${NOT_AN_INSTANT}`);
    }
    const resolvedText = fields["resolutiondate"];
    let resolved = null;
    if (resolvedText !== void 0 && resolvedText !== null) {
      resolved = jiraInstant(resolvedText);
      if (Number.isNaN(resolved)) {
        throw new JiraHistoryError(key, "fields.resolutiondate", `${describe(resolvedText)} ${NOT_AN_INSTANT}`);
      }
      if (resolved < created) {
        throw new JiraHistoryError(
          key,
          "fields.resolutiondate",
          `${resolvedText} is before the issue was created (${createdText})`
        );
      }
    }
    const issueType = fields["issuetype"];
    const typeName = isObject(issueType) ? ownString(issueType, "name") : null;
    if (typeName === null) {
      throw new JiraHistoryError(
        key,
        "fields.issuetype.name",
        `expected a string, got ${describe(isObject(issueType) ? issueType["name"] : issueType)}`
      );
    }
    const status = fields["status"];
    const statusId = isObject(status) ? ownString(status, "id") ?? null : null;
    const statusName = isObject(status) ? ownString(status, "name") ?? null : null;
    if (statusId === null && statusName === null) {
      throw new JiraHistoryError(key, "fields.status", `expected an object with an id or a name, got ${describe(status)}`);
    }
    const category = isObject(status) && isObject(status["statusCategory"]) ? ownString(status["statusCategory"], "key") : null;
    const currentStatus = this.currentStatus({ id: statusId, name: statusName, category }, key);
    let changes;
    if (histories instanceof JiraChangeList) {
      changes = histories;
      this.checkChangeTimes(key, changes, 0, historiesPath, created);
    } else {
      changes = this.readChanges(key, histories, historiesPath, created);
    }
    let initialStatus = currentStatus;
    const transitions = [];
    const flags = [];
    let flagged = false;
    for (const k of changes.timeOrder()) {
      const at = changes.at[k];
      if (changes.kind[k] === "status") {
        const to = changes.to[k];
        const toName = changes.toName[k];
        if (!to && !toName)
          throw new JiraHistoryError(key, changePath(historiesPath, changes, k, ".to"), "a status change without the status entered");
        if (transitions.length === 0) {
          const from = changes.from[k];
          const fromName = changes.fromName[k];
          if (!from && !fromName) {
            throw new JiraHistoryError(
              key,
              changePath(historiesPath, changes, k, ".from"),
              "the first status change does not say which status the issue was created in"
            );
          }
          initialStatus = this.changedStatus({ id: from, name: fromName }, key, historiesPath, changes, k, ".from");
        }
        transitions.push({ at, status: this.changedStatus({ id: to, name: toName }, key, historiesPath, changes, k, ".to") });
      } else {
        const on = Boolean(changes.toName[k] || changes.to[k]);
        if (flags.length === 0 && !on && Boolean(changes.fromName[k] || changes.from[k])) {
          flags.push({ at: created, on: true });
          flagged = true;
        }
        if (on !== flagged) {
          flags.push({ at, on });
          flagged = on;
        }
      }
    }
    if (flags.length === 0 && this.isFlaggedNow(fields)) flags.push({ at: created, on: true });
    if (transitions.length > 0 && transitions[transitions.length - 1].status !== currentStatus) {
      this.warnings.push(`${key}: the last status change in the changelog does not lead to fields.status; the changelog may be incomplete`);
    }
    this.compact.addIssue({
      id: String(rawId),
      key,
      type: typeName,
      created,
      resolved,
      initialStatus,
      transitions,
      flags
    });
  }
  /**
   * The status and flag changes of parsed histories, their shapes checked. Histories without such a change
   * (comments, assignee changes...) are not read further, not even their dates.
   */
  readChanges(key, histories, historiesPath, created) {
    const changes = this.changes;
    changes.clear();
    for (let h = 0; h < histories.length; h++) {
      const history = histories[h];
      if (!isObject(history)) throw new JiraHistoryError(key, `${historiesPath}[${h}]`, `expected an object, got ${describe(history)}`);
      const items = history["items"];
      if (!Array.isArray(items))
        throw new JiraHistoryError(key, `${historiesPath}[${h}].items`, `expected an array, got ${describe(items)}`);
      const id = historyOrder(history["id"]);
      const firstOfHistory = changes.length;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (!isObject(item)) continue;
        const kind = changeKind(ownString(item, "fieldId"), ownString(item, "field"), this.flaggedFieldIds);
        if (kind === null) continue;
        const [from, fromName, to, toName] = ["from", "fromString", "to", "toString"].map((name) => ownString(item, name));
        changes.add(h, i, history["created"], id, kind, from, fromName, to, toName);
      }
      this.checkChangeTimes(key, changes, firstOfHistory, historiesPath, created);
    }
    return changes;
  }
  /** Checks the date of each history with a change from index `first` on, in the histories' order, and gives each change its instant. */
  checkChangeTimes(key, changes, first, historiesPath, created) {
    let at = NaN;
    for (let k = first; k < changes.length; k++) {
      const h = changes.history[k];
      if (k === first || h !== changes.history[k - 1]) {
        const createdText = changes.created[k];
        at = jiraInstant(createdText);
        if (Number.isNaN(at)) {
          throw new JiraHistoryError(key, `${historiesPath}[${h}].created`, `${describe(createdText)} ${NOT_AN_INSTANT}`);
        }
        if (at < created) {
          throw new JiraHistoryError(key, `${historiesPath}[${h}].created`, `${createdText} is before the issue was created`);
        }
      }
      changes.at[k] = at;
    }
  }
  isFlaggedNow(fields) {
    for (const fieldId of this.flaggedFieldIds) {
      const value = fields[fieldId];
      if (Array.isArray(value) ? value.length > 0 : value !== void 0 && value !== null) return true;
    }
    return false;
  }
};

// src/domain/seeded-random.ts
var TWO_POW_32 = 4294967296;
function splitMix32(state) {
  state.value = state.value + 2654435769 | 0;
  let z = state.value;
  z = Math.imul(z ^ z >>> 16, 569420461);
  z = Math.imul(z ^ z >>> 15, 1935289751);
  return (z ^ z >>> 15) >>> 0;
}
var SeededRandom = class {
  a;
  b;
  c;
  d;
  /** @param seed any finite number; integers up to 2^53 are distinguished. */
  constructor(seed) {
    if (!Number.isFinite(seed)) throw new RangeError("the seed must be a finite number");
    const whole = Math.trunc(seed);
    const mixer = { value: whole >>> 0 ^ Math.imul(Math.floor(whole / TWO_POW_32) | 0, 2246822507) };
    this.a = splitMix32(mixer) | 0;
    this.b = splitMix32(mixer) | 0;
    this.c = splitMix32(mixer) | 0;
    this.d = splitMix32(mixer) | 0;
    for (let k = 0; k < 12; k++) this.nextUint32();
  }
  /** Uniform 32-bit unsigned integer. */
  nextUint32() {
    const t = (this.a + this.b | 0) + this.d | 0;
    this.d = this.d + 1 | 0;
    this.a = this.b ^ this.b >>> 9;
    this.b = this.c + (this.c << 3) | 0;
    this.c = (this.c << 21 | this.c >>> 11) + t | 0;
    return t >>> 0;
  }
  /** Uniform in [0, 1). */
  next() {
    return this.nextUint32() / TWO_POW_32;
  }
  /** Uniform integer in [0, bound). */
  nextInt(bound) {
    return Math.floor(this.nextUint32() / TWO_POW_32 * bound);
  }
  /** Fills `out` with uniform integers in [0, bound): the same values as that many `nextInt` calls. */
  fillInts(out, bound, count = out.length) {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    const scale = bound / TWO_POW_32;
    for (let k = 0; k < count; k++) {
      const t = (a + b | 0) + d | 0;
      d = d + 1 | 0;
      a = b ^ b >>> 9;
      b = c + (c << 3) | 0;
      c = (c << 21 | c >>> 11) + t | 0;
      out[k] = Math.floor((t >>> 0) * scale);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }
};
function createSeededRandom(seed) {
  return new SeededRandom(seed);
}
function deriveSeed(seed, k) {
  const mixer = { value: Math.trunc(seed) ^ Math.imul(k + 1, 668265263) | 0 };
  return splitMix32(mixer);
}

// src/domain/monte-carlo.ts
var DEFAULT_TRIALS = 1e4;
var DEFAULT_CONFIDENCES = Object.freeze([50, 70, 85, 95]);
var DEFAULT_MAX_FORECAST_DAYS = 3650;
function checkSamples(samples) {
  if (samples.length === 0) throw new RangeError("a forecast needs at least one day of throughput history");
  for (let k = 0; k < samples.length; k++) {
    if (!(samples[k] >= 0)) throw new RangeError("daily throughput samples must be non-negative numbers");
  }
}
var BATCH = 4096;
function simulateHowMany(samples, days, options) {
  checkSamples(samples);
  const trials = options.trials ?? DEFAULT_TRIALS;
  const random = createSeededRandom(options.seed);
  const totals = new Int32Array(trials);
  const size = samples.length;
  const picks = new Int32Array(Math.max(1, Math.min(days, BATCH)));
  for (let t = 0; t < trials; t++) {
    let total = 0;
    for (let remaining = days; remaining > 0; remaining -= picks.length) {
      const count = Math.min(remaining, picks.length);
      random.fillInts(picks, size, count);
      for (let k = 0; k < count; k++) total += samples[picks[k]];
    }
    totals[t] = total;
  }
  return totals.sort();
}
function simulateWhen(samples, items, options) {
  checkSamples(samples);
  const trials = options.trials ?? DEFAULT_TRIALS;
  const maxDays = options.maxDays ?? DEFAULT_MAX_FORECAST_DAYS;
  const days = new Int32Array(trials);
  if (items <= 0) return days;
  let sum = 0;
  for (let k = 0; k < samples.length; k++) sum += samples[k];
  if (sum === 0) return days.fill(maxDays + 1);
  const random = createSeededRandom(options.seed);
  const size = samples.length;
  const picks = new Int32Array(BATCH);
  let next = BATCH;
  for (let t = 0; t < trials; t++) {
    let done = 0;
    let day = 0;
    while (done < items && day <= maxDays) {
      if (next === BATCH) {
        random.fillInts(picks, size);
        next = 0;
      }
      done += samples[picks[next++]];
      day++;
    }
    days[t] = done >= items ? day : maxDays + 1;
  }
  return days.sort();
}
function howManyTable(sortedTotals, confidences = DEFAULT_CONFIDENCES) {
  const trials = sortedTotals.length;
  return confidences.map((confidence) => {
    const needed = Math.max(1, Math.ceil(confidence * trials / 100 - 1e-9));
    return { confidence, items: trials === 0 ? 0 : sortedTotals[trials - needed] };
  });
}
function whenTable(sortedDays, confidences = DEFAULT_CONFIDENCES, maxDays = DEFAULT_MAX_FORECAST_DAYS) {
  const trials = sortedDays.length;
  return confidences.map((confidence) => {
    if (trials === 0) return { confidence, days: null };
    const needed = Math.max(1, Math.ceil(confidence * trials / 100 - 1e-9));
    const days = sortedDays[needed - 1];
    return { confidence, days: days > maxDays ? null : days };
  });
}
function roundBinWidth(minimum) {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const multiple of [1, 2, 5]) if (multiple * magnitude >= minimum) return multiple * magnitude;
  }
}
function outcomeDistribution(sortedOutcomes, maxBins = 40) {
  if (!(Number.isInteger(maxBins) && maxBins >= 1)) throw new RangeError("an outcome distribution needs at least one bin");
  const trials = sortedOutcomes.length;
  if (trials === 0) return [];
  const lowest = sortedOutcomes[0];
  const highest = sortedOutcomes[trials - 1];
  let width = roundBinWidth((highest - lowest + 1) / maxBins);
  while (Math.floor(highest / width) - Math.floor(lowest / width) + 1 > maxBins) width = roundBinWidth(width + 1);
  const first = Math.floor(lowest / width);
  const counts = new Int32Array(Math.floor(highest / width) - first + 1);
  for (let t = 0; t < trials; t++) counts[Math.floor(sortedOutcomes[t] / width) - first]++;
  return Array.from(counts, (count, k) => ({ from: (first + k) * width, to: (first + k + 1) * width, trials: count }));
}

// src/domain/flow-config-model.ts
var DEFAULT_FORECAST_SETTINGS = Object.freeze({
  samplingDays: 90,
  trials: DEFAULT_TRIALS,
  targetDate: null,
  horizonDays: 14,
  items: null,
  backtestWeeks: 12,
  confidences: DEFAULT_CONFIDENCES
});
var DEFAULT_FLOW_CONFIG = Object.freeze({
  workflow: null,
  statuses: [],
  conventions: DEFAULT_CONVENTIONS,
  window: { from: null, to: null, days: null },
  throughputPeriod: "week",
  histogramBinWidth: null,
  blockedCountsAsWaiting: true,
  flaggedFieldIds: DEFAULT_FLAGGED_FIELD_IDS,
  forecast: DEFAULT_FORECAST_SETTINGS,
  excludedIssueTypes: DEFAULT_EXCLUDED_ISSUE_TYPES
});

// src/domain/reporting-period.ts
function weekEndOf(day, weekEndsOn) {
  const endWeekday = WEEKDAY_NAMES.indexOf(weekEndsOn);
  return day + (endWeekday - weekdayOf(day) + 7) % 7;
}
function periodEndOf(day, kind, weekEndsOn) {
  if (kind === "day") return day;
  if (kind === "week") return weekEndOf(day, weekEndsOn);
  return nextMonthStartOf(day) - 1;
}
function reportingPeriods(window, kind, weekEndsOn = "sunday") {
  const starts = [];
  const ends = [];
  const length = Math.max(0, window.to - window.from + 1);
  const dayToPeriod = new Int32Array(length);
  for (let day = window.from; day <= window.to; ) {
    const end = Math.min(periodEndOf(day, kind, weekEndsOn), window.to);
    dayToPeriod.fill(starts.length, day - window.from, end - window.from + 1);
    starts.push(day);
    ends.push(end);
    day = end + 1;
  }
  return { kind, window, starts: Int32Array.from(starts), ends: Int32Array.from(ends), dayToPeriod };
}

// src/domain/jira-issue-facets.ts
var isObject2 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var text = (value) => typeof value === "string" && value.trim() !== "" ? value : null;
function facetsOfJiraIssue(fields) {
  if (!isObject2(fields)) return { resolution: null, labels: [], components: [], parent: null };
  const resolution = fields["resolution"];
  const labels = fields["labels"];
  const components = fields["components"];
  const parent = fields["parent"];
  return {
    resolution: isObject2(resolution) ? text(resolution["name"]) : null,
    labels: Array.isArray(labels) ? labels.flatMap((label) => text(label) ?? []) : [],
    components: Array.isArray(components) ? components.flatMap((component) => isObject2(component) ? text(component["name"]) ?? [] : []) : [],
    parent: isObject2(parent) ? text(parent["key"]) : null
  };
}

// src/domain/flow-timeline.ts
var UnmappedStatusError = class extends Error {
  constructor(issueIndex, issueKey, statusIndex, status) {
    super(
      `${issueKey}: status "${status.name}"${status.id === null ? "" : ` (id ${status.id})`} is not mapped to any stage of the workflow`
    );
    this.issueIndex = issueIndex;
    this.issueKey = issueKey;
    this.statusIndex = statusIndex;
    this.status = status;
    this.name = "UnmappedStatusError";
  }
  issueIndex;
  issueKey;
  statusIndex;
  status;
};
function buildFlowTimeline(history, workflow, conventions, now) {
  const n = issueCount(history);
  const stageCount = workflow.stageNames.length;
  const { startStage, doneStage, stageOfStatus } = workflow;
  const reset = conventions.backwardMoves === "reset";
  const last = conventions.stageEntry === "last";
  const zone = new ZonedDays(conventions.timeZone);
  const included = new Uint8Array(n);
  const transitionEnd = new Int32Array(n);
  const currentStatus = new Int32Array(n).fill(-1);
  const currentStage = new Int16Array(n).fill(-1);
  const stageEntry = new Float64Array(n * stageCount).fill(NaN);
  const reached = new Float64Array(n * stageCount).fill(NaN);
  const reachedDay = new Int32Array(n * stageCount).fill(NO_DAY);
  const start = new Float64Array(n).fill(NaN);
  const done = new Float64Array(n).fill(NaN);
  const createdDay = new Int32Array(n).fill(NO_DAY);
  const startDay = new Int32Array(n).fill(NO_DAY);
  const doneDay = new Int32Array(n).fill(NO_DAY);
  const discarded = new Uint8Array(n);
  const deliveredDay = new Int32Array(n).fill(NO_DAY);
  const { discardedStatus } = workflow;
  const facets = history.facets;
  const discardedResolution = facets ? Uint8Array.from(facets.resolutions, (name) => workflow.discardedResolutions.has(name.trim().toLowerCase()) ? 1 : 0) : null;
  const { created, initialStatus, transitionOffset, transitionAt, transitionStatus } = history;
  const noDay = NO_DAY;
  const stageOf = (issue, status) => {
    const stage = stageOfStatus[status];
    if (stage === void 0 || stage < 0) {
      throw new UnmappedStatusError(
        issue,
        history.key[issue],
        status,
        history.statuses[status] ?? { id: null, name: `#${status}`, category: null }
      );
    }
    return stage;
  };
  for (let i = 0; i < n; i++) {
    const createdAt = created[i];
    let j = transitionOffset[i];
    if (!(createdAt <= now)) {
      transitionEnd[i] = j;
      continue;
    }
    included[i] = 1;
    createdDay[i] = zone.dayOf(createdAt);
    const base = i * stageCount;
    let status = initialStatus[i];
    let cur = stageOf(i, status);
    stageEntry[base + cur] = createdAt;
    const end = transitionOffset[i + 1];
    for (; j < end; j++) {
      const at = transitionAt[j];
      if (at > now) break;
      status = transitionStatus[j];
      const next = stageOf(i, status);
      if (next === cur) continue;
      if (next < cur) {
        if (cur >= doneStage && next < doneStage) for (let k = base + doneStage; k < base + stageCount; k++) stageEntry[k] = NaN;
        if (reset) for (let k = base + next + 1; k < base + stageCount; k++) stageEntry[k] = NaN;
      }
      const previous = stageEntry[base + next];
      if (last || Number.isNaN(previous)) stageEntry[base + next] = at;
      cur = next;
    }
    transitionEnd[i] = j;
    currentStatus[i] = status;
    currentStage[i] = cur;
    let earliest = NaN;
    let earliestDay = noDay;
    for (let k = stageCount - 1; k >= 0; k--) {
      const entry = stageEntry[base + k];
      if (!Number.isNaN(entry) && !(earliest <= entry)) {
        earliest = entry;
        earliestDay = zone.dayOf(entry);
      }
      if (!Number.isNaN(earliest)) {
        reached[base + k] = earliest;
        reachedDay[base + k] = earliestDay;
      }
    }
    start[i] = reached[base + startStage];
    startDay[i] = reachedDay[base + startStage];
    if (cur >= doneStage) {
      done[i] = reached[base + doneStage];
      doneDay[i] = reachedDay[base + doneStage];
      const resolution = facets?.resolution[i] ?? -1;
      if (discardedStatus[status] === 1 || resolution >= 0 && discardedResolution[resolution] === 1) discarded[i] = 1;
      else deliveredDay[i] = doneDay[i];
    }
  }
  return {
    history,
    workflow,
    conventions,
    now,
    nowDay: zone.dayOf(now),
    zone,
    itemCount: n,
    stageCount,
    included,
    transitionEnd,
    currentStatus,
    currentStage,
    stageEntry,
    reached,
    reachedDay,
    start,
    done,
    createdDay,
    startDay,
    doneDay,
    discarded,
    deliveredDay
  };
}

// src/domain/percentiles.ts
function sortedSample(values, pick) {
  const count = pick ? pick.length : values.length;
  const sample = new Float64Array(count);
  let size = 0;
  for (let k = 0; k < count; k++) {
    const value = values[pick ? pick[k] : k];
    if (Number.isFinite(value)) sample[size++] = value;
  }
  return sample.subarray(0, size).sort();
}
function percentileOfSorted(sorted, p, method) {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0..100`);
  if (method === "nearest-rank") {
    const rank = Math.max(1, Math.ceil(p * n / 100 - 1e-9));
    return sorted[rank - 1];
  }
  const position = (n - 1) * p / 100;
  const lower = Math.floor(position);
  const upper = Math.min(n - 1, lower + 1);
  const fraction = position - lower;
  return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
}
function percentilesOfSorted(sorted, percentiles, method) {
  return percentiles.map((percentile) => ({ percentile, value: percentileOfSorted(sorted, percentile, method) }));
}

// src/domain/cycle-time.ts
function cycleTimes(timeline, measure) {
  const { start, done, startDay, doneDay, discarded } = timeline;
  const result = new Float64Array(timeline.itemCount).fill(NaN);
  for (let i = 0; i < timeline.itemCount; i++) {
    const doneAt = done[i];
    if (!Number.isNaN(doneAt) && discarded[i] === 0) result[i] = measure.between(start[i], doneAt, startDay[i], doneDay[i]);
  }
  return result;
}

// src/domain/duration-unit.ts
var HOUR_MS = MS_PER_HOUR;
var DurationMeasure = class {
  constructor(unit, workingDays = new WorkingDays()) {
    this.unit = unit;
    this.workingDays = workingDays;
  }
  unit;
  workingDays;
  /** The duration from start to end; `startMs`/`endMs` are only read for hours, the days for day units. */
  between(startMs, endMs, startDay, endDay) {
    switch (this.unit) {
      case "days-inclusive":
        return this.workingDays.everyDay ? endDay - startDay + 1 : Math.max(1, this.workingDays.count(startDay, endDay));
      case "days-exclusive":
        return this.workingDays.everyDay ? endDay - startDay : this.workingDays.count(startDay + 1, endDay);
      case "hours":
        return (endMs - startMs) / HOUR_MS;
    }
  }
  /** An elapsed time in milliseconds, in this unit's scale: hours for `hours`, fractional days otherwise. */
  elapsed(ms) {
    return this.unit === "hours" ? ms / HOUR_MS : ms / MS_PER_DAY;
  }
  /** Whether values are whole numbers (days) or continuous (hours). */
  get discrete() {
    return this.unit !== "hours";
  }
};

// src/domain/report-window.ts
function firstCreatedDay(timeline) {
  let first = timeline.nowDay;
  const { createdDay, included } = timeline;
  for (let i = 0; i < timeline.itemCount; i++) {
    if (included[i] === 1 && createdDay[i] < first) first = createdDay[i];
  }
  return first;
}
function resolveWindow(settings, timeline) {
  const to = settings.to === null ? timeline.nowDay : isoDateToDay(settings.to) ?? timeline.nowDay;
  let from;
  if (settings.from !== null) from = isoDateToDay(settings.from) ?? to;
  else if (settings.days !== null) from = to - settings.days + 1;
  else from = Math.min(firstCreatedDay(timeline), to);
  return { from, to };
}
function windowLength(window) {
  return Math.max(0, window.to - window.from + 1);
}
function itemsDoneIn(timeline, window) {
  const { deliveredDay: doneDay, done } = timeline;
  const from = window.from;
  const length = windowLength(window);
  const firstOfDay = new Int32Array(length + 1);
  for (let i = 0; i < timeline.itemCount; i++) {
    const offset = doneDay[i] - from;
    if (offset >= 0 && offset < length) firstOfDay[offset + 1]++;
  }
  for (let d = 0; d < length; d++) firstOfDay[d + 1] += firstOfDay[d];
  const items = new Int32Array(firstOfDay[length]);
  const fill = firstOfDay.slice(0, length);
  for (let i = 0; i < timeline.itemCount; i++) {
    const offset = doneDay[i] - from;
    if (offset >= 0 && offset < length) items[fill[offset]++] = i;
  }
  const byInstant = (a, b) => done[a] - done[b] || a - b;
  for (let d = 0; d < length; d++) {
    const begin = firstOfDay[d];
    const end = firstOfDay[d + 1];
    if (end - begin > 1) items.subarray(begin, end).sort(byInstant);
  }
  return items;
}

// src/domain/service-level-expectation.ts
function serviceLevelExpectation(sortedCycleTimes, percentile, method) {
  const value = percentileOfSorted(sortedCycleTimes, percentile, method);
  let itemsWithin = 0;
  while (itemsWithin < sortedCycleTimes.length && sortedCycleTimes[itemsWithin] <= value) itemsWithin++;
  return { percentile, value, itemsWithin, items: sortedCycleTimes.length };
}

// src/domain/work-item-age.ts
function workItemAges(timeline, measure) {
  const { start, startDay, doneDay, now, nowDay } = timeline;
  const selected = [];
  const ageOf = [];
  const noDay = NO_DAY;
  for (let i = 0; i < timeline.itemCount; i++) {
    if (startDay[i] === noDay || doneDay[i] !== noDay) continue;
    selected.push(i);
    ageOf.push(measure.between(start[i], now, startDay[i], nowDay));
  }
  const order = Array.from(selected.keys());
  order.sort((a, b) => ageOf[b] - ageOf[a] || start[selected[a]] - start[selected[b]] || a - b);
  return {
    items: Int32Array.from(order, (k) => selected[k]),
    ages: Float64Array.from(order, (k) => ageOf[k])
  };
}
function percentileBand(age, percentiles) {
  let band = null;
  for (const { percentile, value } of percentiles) if (age > value) band = percentile;
  return band;
}

// src/domain/blocked-time.ts
var IntervalBuffer = class {
  values = new Float64Array(16);
  count = 0;
  ensure(intervals) {
    if (this.values.length < 2 * intervals) this.values = new Float64Array(4 * intervals);
  }
};
function flaggedIntervals(history, item, clipFrom, clipTo, now, out) {
  const { flagOffset, flagAt, flagOn } = history;
  const first = flagOffset[item];
  const end = flagOffset[item + 1];
  out.count = 0;
  if (end === first) return;
  out.ensure(end - first + 1);
  const values = out.values;
  let since = NaN;
  for (let j = first; j <= end; j++) {
    const at = j < end ? flagAt[j] : now;
    if (j < end && at > now) {
      j = end - 1;
      continue;
    }
    const on = j < end && flagOn[j] === 1;
    if (on) {
      if (Number.isNaN(since)) since = at;
    } else if (!Number.isNaN(since)) {
      const from = since > clipFrom ? since : clipFrom;
      const to = at < clipTo ? at : clipTo;
      if (to > from) {
        values[2 * out.count] = from;
        values[2 * out.count + 1] = to;
        out.count++;
      }
      since = NaN;
    }
  }
}
function blockedTime(timeline) {
  const { history, start, done, now } = timeline;
  const { flagOffset } = history;
  const result = new Float64Array(timeline.itemCount).fill(NaN);
  const buffer = new IntervalBuffer();
  for (let i = 0; i < timeline.itemCount; i++) {
    const startedAt = start[i];
    if (Number.isNaN(startedAt)) continue;
    let total = 0;
    if (flagOffset[i + 1] > flagOffset[i]) {
      const doneAt = done[i];
      flaggedIntervals(history, i, startedAt, Number.isNaN(doneAt) ? now : doneAt, now, buffer);
      for (let k = 0; k < buffer.count; k++) total += buffer.values[2 * k + 1] - buffer.values[2 * k];
    }
    result[i] = total;
  }
  return result;
}

// src/domain/cumulative-flow.ts
function cumulativeFlow(timeline, window) {
  const length = windowLength(window);
  const stageCount = timeline.stageCount;
  const stride = length + 1;
  const delta = new Int32Array(stageCount * stride);
  const { reachedDay } = timeline;
  const from = window.from;
  const size = timeline.itemCount * stageCount;
  const noDay = NO_DAY;
  for (let e = 0, k = 0; e < size; e++, k = k + 1 === stageCount ? 0 : k + 1) {
    const day = reachedDay[e];
    if (day === noDay) continue;
    const offset = day - from;
    delta[k * stride + (offset < 0 ? 0 : offset > length ? length : offset)]++;
  }
  const counts = [];
  for (let k = 0; k < stageCount; k++) {
    const line = new Int32Array(length);
    let running = 0;
    for (let d = 0; d < length; d++) {
      running += delta[k * stride + d];
      line[d] = running;
    }
    counts.push(line);
  }
  return { stages: timeline.workflow.stageNames, counts };
}

// src/domain/discarded-work.ts
function discardedWork(timeline, window) {
  const { discarded, doneDay, currentStatus, history, workflow } = timeline;
  const perReason = /* @__PURE__ */ new Map();
  let items = 0;
  for (let i = 0; i < timeline.itemCount; i++) {
    if (discarded[i] !== 1 || doneDay[i] < window.from || doneDay[i] > window.to) continue;
    items++;
    const status = currentStatus[i];
    const resolution = history.facets?.resolution[i] ?? -1;
    const reason = workflow.discardedStatus[status] === 1 || resolution < 0 ? history.statuses[status].name : history.facets.resolutions[resolution];
    perReason.set(reason, (perReason.get(reason) ?? 0) + 1);
  }
  const byStatus = Array.from(perReason, ([status, count]) => ({ status, items: count }));
  byStatus.sort((a, b) => b.items - a.items || a.status.localeCompare(b.status));
  return { items, byStatus };
}

// src/domain/flow-efficiency.ts
function flowEfficiency(timeline, options = {}) {
  const blockedIsWaiting = options.blockedCountsAsWaiting ?? true;
  const { history, start, done, transitionEnd, now } = timeline;
  const { activeStages, stageOfStatus } = timeline.workflow;
  const { initialStatus, transitionOffset, transitionAt, transitionStatus, created, flagOffset } = history;
  const activeMs = new Float64Array(timeline.itemCount).fill(NaN);
  const totalMs = new Float64Array(timeline.itemCount).fill(NaN);
  const active = new IntervalBuffer();
  const flagged = new IntervalBuffer();
  for (let i = 0; i < timeline.itemCount; i++) {
    const doneAt = done[i];
    if (Number.isNaN(doneAt)) continue;
    const startedAt = start[i];
    const first = transitionOffset[i];
    const last = transitionEnd[i];
    active.ensure(last - first + 1);
    active.count = 0;
    const spans = active.values;
    let activeTotal = 0;
    let since = created[i];
    let status = initialStatus[i];
    for (let j = first; ; j++) {
      const until = j < last && transitionAt[j] < doneAt ? transitionAt[j] : doneAt;
      const from = since > startedAt ? since : startedAt;
      if (until > from && activeStages[stageOfStatus[status]]) {
        activeTotal += until - from;
        spans[2 * active.count] = from;
        spans[2 * active.count + 1] = until;
        active.count++;
      }
      if (until >= doneAt) break;
      since = until;
      status = transitionStatus[j];
    }
    if (blockedIsWaiting && active.count > 0 && flagOffset[i + 1] > flagOffset[i]) {
      flaggedIntervals(history, i, startedAt, doneAt, now, flagged);
      let a = 0;
      for (let f = 0; f < flagged.count; f++) {
        const flagFrom = flagged.values[2 * f];
        const flagTo = flagged.values[2 * f + 1];
        while (a < active.count && spans[2 * a + 1] <= flagFrom) a++;
        for (let k = a; k < active.count && spans[2 * k] < flagTo; k++) {
          const overlap = Math.min(flagTo, spans[2 * k + 1]) - Math.max(flagFrom, spans[2 * k]);
          if (overlap > 0) activeTotal -= overlap;
        }
      }
    }
    activeMs[i] = activeTotal;
    totalMs[i] = doneAt - startedAt;
  }
  return { activeMs, totalMs };
}
function aggregateFlowEfficiency(efficiency, items) {
  let active = 0;
  let total = 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    const itemTotal = efficiency.totalMs[item];
    if (!Number.isNaN(itemTotal)) {
      active += efficiency.activeMs[item];
      total += itemTotal;
    }
  }
  return total > 0 ? active / total : NaN;
}

// src/domain/forecast-backtest.ts
function backtestWeeklyForecasts(daily, firstDay, lastCompleteDay, options) {
  const confidence = options.confidence ?? 85;
  const trials = options.trials ?? DEFAULT_TRIALS;
  const endOfWeek = weekEndOf(lastCompleteDay, options.weekEndsOn);
  const lastWeekEnd = endOfWeek === lastCompleteDay ? endOfWeek : endOfWeek - 7;
  const weeks = [];
  for (let k = options.weeks - 1; k >= 0; k--) {
    const end = lastWeekEnd - 7 * k;
    const start = end - 6;
    const samplesFrom = Math.max(firstDay, start - options.samplingDays);
    if (samplesFrom >= start) continue;
    const samples = daily.subarray(samplesFrom - firstDay, start - firstDay);
    const totals = simulateHowMany(samples, 7, { trials, seed: deriveSeed(options.seed, k) });
    const forecast = howManyTable(totals, [confidence])[0].items;
    let actual = 0;
    for (let day = start; day <= end; day++) actual += daily[day - firstDay];
    weeks.push({ start, end, forecast, actual, hit: actual >= forecast });
  }
  const hits = weeks.filter((week) => week.hit).length;
  return { confidence, weeks, hits, hitRate: weeks.length > 0 ? hits / weeks.length : NaN };
}

// src/domain/forecast-sampling-window.ts
var MIN_SAMPLING_DAYS = 14;
function checkSamplingWindow(choice, { firstDay, lastCompleteDay }, describe2 = dayToIsoDate) {
  const available = lastCompleteDay - firstDay + 1;
  if (available < MIN_SAMPLING_DAYS) {
    return {
      ok: false,
      message: `The history holds ${Math.max(0, available)} complete days; a sampling window needs at least ${MIN_SAMPLING_DAYS}.`
    };
  }
  if ("lastDays" in choice) {
    const days = choice.lastDays;
    if (!Number.isInteger(days) || days < MIN_SAMPLING_DAYS || days > available) {
      return {
        ok: false,
        message: `Choose a whole number of days from ${MIN_SAMPLING_DAYS} to ${available} (the history starts on ${describe2(firstDay)}).`
      };
    }
    return { ok: true, from: lastCompleteDay - days + 1, to: lastCompleteDay };
  }
  const from = isoDateToDay(choice.from);
  const to = isoDateToDay(choice.to);
  if (from === null || to === null) return { ok: false, message: "Enter both dates of the sampling window." };
  if (from < firstDay) return { ok: false, message: `The history starts on ${describe2(firstDay)}: choose a start on or after it.` };
  if (to > lastCompleteDay) {
    return { ok: false, message: `Choose an end on or before ${describe2(lastCompleteDay)}: today is not over yet.` };
  }
  if (to < from) return { ok: false, message: "The end of the sampling window is before its start." };
  if (to - from + 1 < MIN_SAMPLING_DAYS) {
    return { ok: false, message: `The sampling window spans ${to - from + 1} days; choose at least ${MIN_SAMPLING_DAYS}.` };
  }
  return { ok: true, from, to };
}

// src/domain/histogram.ts
function histogram(values, binWidth) {
  if (!(binWidth > 0)) throw new RangeError("the bin width must be positive");
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return [];
  const first = Math.floor(min / binWidth);
  const counts = new Int32Array(Math.floor(max / binWidth) - first + 1);
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    if (Number.isFinite(value)) counts[Math.floor(value / binWidth) - first]++;
  }
  return Array.from(counts, (count, index) => ({
    from: (first + index) * binWidth,
    to: (first + index + 1) * binWidth,
    count
  }));
}

// src/domain/item-table.ts
var rounded = (value, decimals = 2) => {
  if (!Number.isFinite(value)) return NaN;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};
var dayOrNaN = (day) => day === NO_DAY ? NaN : day;
function itemTable(timeline, measures, measure) {
  const { history, stageCount, stageEntry, zone, included } = timeline;
  const { cycle, lead, age, blocked, efficiency, stageTimes } = measures;
  let n = 0;
  for (let i = 0; i < timeline.itemCount; i++) n += included[i];
  const table = {
    stages: [...timeline.workflow.stageNames],
    types: [...history.issueTypes],
    statuses: history.statuses.map((status) => status.name),
    key: new Array(n),
    type: new Uint16Array(n),
    status: new Uint16Array(n),
    start: new Float64Array(n),
    done: new Float64Array(n),
    cycleTime: new Float64Array(n),
    leadTime: new Float64Array(n),
    age: new Float64Array(n),
    discarded: new Uint8Array(n),
    blockedTime: new Float64Array(n),
    flowEfficiency: new Float64Array(n),
    stageDates: new Float64Array(n * stageCount),
    timeInStage: new Float64Array(n * stageCount)
  };
  for (let i = 0, row = 0; i < timeline.itemCount; i++) {
    if (included[i] !== 1) continue;
    for (let k = 0; k < stageCount; k++) {
      const entry = stageEntry[i * stageCount + k];
      table.stageDates[row * stageCount + k] = Number.isNaN(entry) ? NaN : zone.dayOf(entry);
      const time2 = rounded(measure.elapsed(stageTimes[i * stageCount + k]));
      table.timeInStage[row * stageCount + k] = Number.isNaN(time2) ? 0 : time2;
    }
    const totalMs = efficiency.totalMs[i];
    table.key[row] = history.key[i];
    table.type[row] = history.type[i];
    table.status[row] = timeline.currentStatus[i];
    table.start[row] = dayOrNaN(timeline.startDay[i]);
    table.done[row] = dayOrNaN(timeline.doneDay[i]);
    table.cycleTime[row] = rounded(cycle[i]);
    table.leadTime[row] = rounded(lead[i]);
    table.age[row] = rounded(age[i]);
    table.discarded[row] = timeline.discarded[i];
    table.blockedTime[row] = rounded(measure.elapsed(blocked[i]));
    table.flowEfficiency[row] = totalMs > 0 ? rounded(efficiency.activeMs[i] / totalMs, 3) : NaN;
    row++;
  }
  return table;
}
var orNull = (value) => Number.isNaN(value) ? null : value;
function itemRowsOf(table) {
  const { stages, types, statuses } = table;
  const perStage = stages.length;
  const labels = /* @__PURE__ */ new Map();
  const label = (day) => {
    if (Number.isNaN(day)) return null;
    let text2 = labels.get(day);
    if (text2 === void 0) labels.set(day, text2 = dayToIsoDate(day));
    return text2;
  };
  const emptyDates = Object.fromEntries(stages.map((stage) => [stage, null]));
  const emptyTimes = Object.fromEntries(stages.map((stage) => [stage, 0]));
  return table.key.map((key, i) => {
    const stageDates = { ...emptyDates };
    const timeInStage2 = { ...emptyTimes };
    for (let k = 0; k < perStage; k++) {
      stageDates[stages[k]] = label(table.stageDates[i * perStage + k]);
      timeInStage2[stages[k]] = table.timeInStage[i * perStage + k];
    }
    return {
      key,
      type: types[table.type[i]],
      status: statuses[table.status[i]],
      stageDates,
      start: label(table.start[i]),
      done: label(table.done[i]),
      cycleTime: orNull(table.cycleTime[i]),
      leadTime: orNull(table.leadTime[i]),
      age: orNull(table.age[i]),
      discarded: table.discarded[i] === 1,
      blockedTime: orNull(table.blockedTime[i]),
      flowEfficiency: orNull(table.flowEfficiency[i]),
      timeInStage: timeInStage2
    };
  });
}

// src/domain/lead-time.ts
function leadTimes(timeline, measure) {
  const { created } = timeline.history;
  const { done, createdDay, doneDay, discarded } = timeline;
  const result = new Float64Array(timeline.itemCount).fill(NaN);
  for (let i = 0; i < timeline.itemCount; i++) {
    const doneAt = done[i];
    if (!Number.isNaN(doneAt) && discarded[i] === 0) result[i] = measure.between(created[i], doneAt, createdDay[i], doneDay[i]);
  }
  return result;
}

// src/domain/net-flow.ts
function netFlow(timeline, periods) {
  const arrivals = new Int32Array(periods.starts.length);
  const departures = new Int32Array(periods.starts.length);
  const { startDay, doneDay } = timeline;
  const { dayToPeriod } = periods;
  const from = periods.window.from;
  const length = dayToPeriod.length;
  for (let i = 0; i < timeline.itemCount; i++) {
    const started = startDay[i] - from;
    if (started >= 0 && started < length) arrivals[dayToPeriod[started]]++;
    const finished = doneDay[i] - from;
    if (finished >= 0 && finished < length) departures[dayToPeriod[finished]]++;
  }
  return { arrivals, departures };
}

// src/domain/period-comparison.ts
var AT_RISK_PERCENTILE = 85;
var BETTER_WHEN = Object.freeze({
  throughputPerWeek: "higher",
  cycleTime50: "lower",
  cycleTime85: "lower",
  wip: null,
  atRisk: "lower"
});
var HEADLINE_NAMES = Object.freeze(Object.keys(BETTER_WHEN));
function previousWindow(window) {
  const length = windowLength(window);
  return { from: window.from - length, to: window.from - 1 };
}
function flowHeadlines(timeline, window, cycle, measure) {
  const done = itemsDoneIn(timeline, window);
  const sorted = sortedSample(cycle, done);
  const method = timeline.conventions.percentileMethod;
  const p85 = percentileOfSorted(sorted, AT_RISK_PERCENTILE, method);
  const lastDay = Math.min(window.to, timeline.nowDay);
  const lastMoment = timeline.now - (timeline.nowDay - lastDay) * MS_PER_DAY;
  const { start, startDay, done: doneAt } = timeline;
  let wip = 0;
  let atRisk = 0;
  for (let i = 0; i < timeline.itemCount; i++) {
    if (!(start[i] <= lastMoment) || doneAt[i] <= lastMoment) continue;
    wip++;
    if (measure.between(start[i], lastMoment, startDay[i], lastDay) > p85) atRisk++;
  }
  const weeks = windowLength(window) / 7;
  return {
    throughputPerWeek: weeks > 0 ? done.length / weeks : 0,
    cycleTime50: percentileOfSorted(sorted, 50, method),
    cycleTime85: p85,
    wip,
    atRisk
  };
}
function compareHeadlines(current, previous) {
  const changes = [];
  for (const name of HEADLINE_NAMES) {
    const now = current[name];
    const before = previous[name];
    if (!Number.isFinite(now) || !Number.isFinite(before)) continue;
    const difference = now - before;
    const better = BETTER_WHEN[name];
    let verdict;
    if (difference === 0) verdict = "unchanged";
    else if (better === null) verdict = "not-judged";
    else verdict = difference > 0 === (better === "higher") ? "better" : "worse";
    changes.push({ name, current: now, previous: before, difference, relative: before === 0 ? null : difference / before, verdict });
  }
  return changes;
}
function comparableWindowBefore(timeline, window) {
  const before = previousWindow(window);
  return windowLength(window) > 0 && before.from >= firstCreatedDay(timeline) ? before : null;
}
var RECENT_PERIOD_DAYS = 30;
function recentWindowToCompare(timeline, window, days = RECENT_PERIOD_DAYS) {
  if (windowLength(window) <= days) return null;
  const recent = { from: window.to - days + 1, to: window.to };
  return comparableWindowBefore(timeline, recent) === null ? null : recent;
}

// src/domain/throughput.ts
function throughputPerPeriod(timeline, periods) {
  const counts = new Int32Array(periods.starts.length);
  const { deliveredDay } = timeline;
  const { dayToPeriod } = periods;
  const from = periods.window.from;
  for (let i = 0; i < timeline.itemCount; i++) {
    const offset = deliveredDay[i] - from;
    if (offset >= 0 && offset < dayToPeriod.length) counts[dayToPeriod[offset]]++;
  }
  return counts;
}
function dailyThroughput(timeline, from, to) {
  const counts = new Int32Array(Math.max(0, to - from + 1));
  const { deliveredDay } = timeline;
  for (let i = 0; i < timeline.itemCount; i++) {
    const offset = deliveredDay[i] - from;
    if (offset >= 0 && offset < counts.length) counts[offset]++;
  }
  return counts;
}

// src/domain/time-in-status.ts
function timeInStatus(timeline) {
  const { history, included, transitionEnd, done, now } = timeline;
  const n = issueCount(history);
  const { created, initialStatus, transitionOffset, transitionAt, transitionStatus } = history;
  const capacity = transitionAt.length + n;
  const outStatus = new Int32Array(capacity);
  const outMs = new Float64Array(capacity);
  const offsets = new Int32Array(n + 1);
  const slot = new Int32Array(history.statuses.length).fill(-1);
  let size = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = size;
    if (included[i] !== 1) continue;
    const runStart = size;
    const doneAt = done[i];
    const end = Number.isNaN(doneAt) ? now : doneAt;
    let since = created[i];
    let status = initialStatus[i];
    const last = transitionEnd[i];
    for (let j = transitionOffset[i]; ; j++) {
      const nextAt = j < last ? transitionAt[j] : end;
      const until = nextAt < end ? nextAt : end;
      if (until >= since) {
        let position = slot[status];
        if (position < 0) {
          position = size++;
          slot[status] = position;
          outStatus[position] = status;
          outMs[position] = 0;
        }
        outMs[position] += until - since;
      }
      if (j >= last || nextAt >= end) break;
      since = nextAt;
      status = transitionStatus[j];
    }
    for (let k = runStart; k < size; k++) slot[outStatus[k]] = -1;
  }
  offsets[n] = size;
  return { offsets, status: outStatus.slice(0, size), ms: outMs.slice(0, size) };
}

// src/domain/time-in-stage.ts
function timeInStage(timeline, statusTimes = timeInStatus(timeline)) {
  const { stageCount, itemCount } = timeline;
  const { stageOfStatus } = timeline.workflow;
  const { offsets, status, ms } = statusTimes;
  const perStage = new Float64Array(itemCount * stageCount);
  for (let i = 0; i < itemCount; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const stage = stageOfStatus[status[e]];
      if (stage >= 0) perStage[i * stageCount + stage] += ms[e];
    }
  }
  return perStage;
}

// src/domain/work-in-progress.ts
function wipPerDay(timeline, window) {
  const length = windowLength(window);
  const delta = new Int32Array(length + 1);
  const from = window.from;
  const { startDay, doneDay } = timeline;
  const noDay = NO_DAY;
  for (let i = 0; i < timeline.itemCount; i++) {
    const started = startDay[i];
    if (started === noDay) continue;
    const startOffset = started - from;
    delta[startOffset < 0 ? 0 : startOffset > length ? length : startOffset]++;
    const finished = doneDay[i];
    if (finished === noDay) continue;
    const doneOffset = finished - from;
    delta[doneOffset < 0 ? 0 : doneOffset > length ? length : doneOffset]--;
  }
  const wip = new Int32Array(length);
  let running = 0;
  for (let d = 0; d < length; d++) {
    running += delta[d];
    wip[d] = running;
  }
  return wip;
}

// src/domain/flow-report.ts
var round = (value, decimals = 2) => {
  if (!Number.isFinite(value)) return null;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};
function percentileRecord(values) {
  const record = {};
  for (const { percentile, value } of values) record[String(percentile)] = round(value);
  return record;
}
function reportBasis(history, config, run) {
  const workflow = resolveWorkflow(config.workflow ?? defaultWorkflow(history.statuses), history.statuses);
  const conventions = config.conventions;
  return {
    timeline: buildFlowTimeline(history, workflow, conventions, run.now),
    measure: new DurationMeasure(conventions.unit, new WorkingDays(conventions.businessCalendar)),
    dates: new IsoDateLabels()
  };
}
function buildFlowReport(history, config, run) {
  const basis = reportBasis(history, config, run);
  const { warnings, ...measures } = measuresOf(basis, config, run);
  return { ...measures, forecast: forecastOf(basis, config, run)(), warnings };
}
function forecastOf({ timeline, measure, dates }, config, run) {
  return forecaster(timeline, config, run, dates, workItemAges(timeline, measure).items.length);
}
function itemFacts({ timeline, measure }, config) {
  const perItem = {
    cycle: cycleTimes(timeline, measure),
    lead: leadTimes(timeline, measure),
    blocked: blockedTime(timeline),
    efficiency: flowEfficiency(timeline, { blockedCountsAsWaiting: config.blockedCountsAsWaiting }),
    statusTimes: timeInStatus(timeline)
  };
  return factsOf(timeline, measure, perItem);
}
function factsOf(timeline, measure, perItem) {
  const n = timeline.itemCount;
  const { cycle, lead, blocked, efficiency, statusTimes } = perItem;
  const ages = workItemAges(timeline, measure);
  const age = new Float64Array(n).fill(NaN);
  ages.items.forEach((item, k) => age[item] = ages.ages[k]);
  let itemCount = 0;
  for (let i = 0; i < n; i++) itemCount += timeline.included[i];
  let table = null;
  const tableOf = () => table ??= itemTable(timeline, { cycle, lead, age, blocked, efficiency, stageTimes: timeInStage(timeline, statusTimes) }, measure);
  let items = null;
  let statusRows = null;
  return {
    itemCount,
    cycle,
    lead,
    ages,
    blocked,
    efficiency,
    perItem,
    table: tableOf,
    items: () => items ??= itemRowsOf(tableOf()),
    timeInStatus: () => statusRows ??= timeInStatusRows(timeline, statusTimes, measure)
  };
}
function measuresOf(basis, config, run) {
  const facts = itemFacts(basis, config);
  return withItemRows(windowMeasures(basis, facts, config, run), facts);
}
function withItemRows({ generated, discarded, ...rest }, facts) {
  return { generated, discarded, items: facts.items(), ...rest, timeInStatus: facts.timeInStatus() };
}
function windowMeasures({ timeline, measure, dates }, facts, config, run) {
  const { history, workflow } = timeline;
  const conventions = config.conventions;
  const window = resolveWindow(config.window, timeline);
  const stageNames = workflow.stageNames;
  const { cycle, lead, ages, blocked, efficiency } = facts;
  const doneItems = itemsDoneIn(timeline, window);
  const sortedCycle = sortedSample(cycle, doneItems);
  const cyclePercentiles = percentilesOfSorted(sortedCycle, conventions.percentiles, conventions.percentileMethod);
  const sle = serviceLevelExpectation(sortedCycle, conventions.serviceLevelPercentile, conventions.percentileMethod);
  const leadPercentiles = percentilesOfSorted(sortedSample(lead, doneItems), conventions.percentiles, conventions.percentileMethod);
  const binWidth = config.histogramBinWidth ?? (measure.discrete ? 1 : 24);
  const periods = reportingPeriods(window, config.throughputPeriod, conventions.weekEndsOn);
  const throughput = throughputPerPeriod(timeline, periods);
  const flow = netFlow(timeline, periods);
  const wip = wipPerDay(timeline, window);
  const cfd = cumulativeFlow(timeline, window);
  const { key } = history;
  const statusNames = history.statuses.map((status) => status.name);
  const daily = dailyRows(window, wip, cfd, dates);
  return {
    generated: {
      now: formatIsoTimestamp(run.now),
      timeZone: conventions.timeZone,
      window: { from: dayToIsoDate(window.from), to: dayToIsoDate(window.to) },
      unit: conventions.unit,
      workflow: {
        stages: [...stageNames],
        startStage: stageNames[workflow.startStage],
        doneStage: stageNames[workflow.doneStage]
      },
      conventions: { ...conventions },
      items: facts.itemCount,
      doneInWindow: doneItems.length,
      inProgress: ages.items.length
    },
    discarded: discardedWork(timeline, window),
    percentiles: percentileRecord(cyclePercentiles),
    serviceLevelExpectation: { ...sle, value: round(sle.value) },
    leadTimePercentiles: percentileRecord(leadPercentiles),
    histogram: histogram(sortedCycle, binWidth),
    scatter: Array.from(doneItems, (item) => ({
      key: key[item],
      date: dates.label(timeline.doneDay[item]),
      cycleTime: round(cycle[item])
    })),
    throughput: Array.from(throughput, (count, p) => ({
      start: dates.label(periods.starts[p]),
      end: dates.label(periods.ends[p]),
      count
    })),
    netFlow: Array.from(flow.arrivals, (arrivals, p) => ({
      start: dates.label(periods.starts[p]),
      end: dates.label(periods.ends[p]),
      arrivals,
      departures: flow.departures[p],
      net: arrivals - flow.departures[p]
    })),
    wip: daily.wip,
    cfd: daily.cfd,
    aging: Array.from(ages.items, (item, k) => ({
      key: key[item],
      stage: stageNames[timeline.currentStage[item]],
      status: statusNames[timeline.currentStatus[item]],
      age: round(ages.ages[k]),
      percentileBand: percentileBand(ages.ages[k], cyclePercentiles)
    })),
    periodComparison: periodComparison(timeline, window, cycle, measure, dates),
    recentComparison: recentComparison(timeline, window, cycle, measure, dates),
    flowEfficiency: {
      overall: round(aggregateFlowEfficiency(efficiency, doneItems), 3),
      items: doneItems.length,
      blockedCountsAsWaiting: config.blockedCountsAsWaiting
    },
    blockedTime: blockedSummary(timeline, blocked, doneItems, measure),
    warnings: [...run.warnings ?? []]
  };
}
function timeInStatusRows(timeline, statusTimes, measure) {
  const { history } = timeline;
  const statusNames = history.statuses.map((status) => status.name);
  const msByStatus = new Float64Array(statusNames.length).fill(NaN);
  const rows = [];
  for (let i = 0; i < timeline.itemCount; i++) {
    if (timeline.included[i] !== 1) continue;
    for (let e = statusTimes.offsets[i]; e < statusTimes.offsets[i + 1]; e++) msByStatus[statusTimes.status[e]] = statusTimes.ms[e];
    const statuses = {};
    for (let s = 0; s < statusNames.length; s++) {
      const ms = msByStatus[s];
      if (Number.isNaN(ms)) continue;
      statuses[statusNames[s]] = round(measure.elapsed(ms)) ?? 0;
      msByStatus[s] = NaN;
    }
    rows.push({ key: history.key[i], statuses });
  }
  return rows;
}
function roundedHeadlines(headlines) {
  const rounded2 = { ...headlines };
  for (const name of Object.keys(rounded2)) rounded2[name] = round(rounded2[name]) ?? NaN;
  return rounded2;
}
function orNull2(headlines) {
  const record = {};
  for (const name of Object.keys(headlines)) record[name] = Number.isFinite(headlines[name]) ? headlines[name] : null;
  return record;
}
function periodComparison(timeline, window, cycle, measure, dates) {
  const current = roundedHeadlines(flowHeadlines(timeline, window, cycle, measure));
  const before = comparableWindowBefore(timeline, window);
  const previous = before === null ? null : roundedHeadlines(flowHeadlines(timeline, before, cycle, measure));
  return {
    window: { from: dates.label(window.from), to: dates.label(window.to) },
    days: windowLength(window),
    previousWindow: before === null ? null : { from: dates.label(before.from), to: dates.label(before.to) },
    current: orNull2(current),
    previous: previous === null ? null : orNull2(previous),
    changes: previous === null ? [] : compareHeadlines(current, previous).map((change) => ({
      ...change,
      relative: change.relative === null ? null : round(change.relative, 3)
    }))
  };
}
function recentComparison(timeline, window, cycle, measure, dates) {
  if (comparableWindowBefore(timeline, window) !== null) return null;
  const recent = recentWindowToCompare(timeline, window);
  return recent === null ? null : periodComparison(timeline, recent, cycle, measure, dates);
}
function dailyRows(window, wip, cfd, dates) {
  const rows = { wip: [], cfd: [] };
  for (let d = 0; d < wip.length; d++) {
    const date = dates.label(window.from + d);
    rows.wip.push({ date, count: wip[d] });
    const row = { date };
    cfd.stages.forEach((stage, k) => row[stage] = cfd.counts[k][d]);
    rows.cfd.push(row);
  }
  return rows;
}
function blockedSummary(timeline, blocked, doneItems, measure) {
  let blockedMs = 0;
  let itemsBlocked = 0;
  let cycleMs = 0;
  for (const item of doneItems) {
    const ms = blocked[item];
    if (ms > 0) {
      blockedMs += ms;
      itemsBlocked++;
    }
    cycleMs += timeline.done[item] - timeline.start[item];
  }
  return {
    total: round(measure.elapsed(blockedMs)) ?? 0,
    itemsBlocked,
    shareOfCycleTime: cycleMs > 0 ? round(blockedMs / cycleMs, 3) : null
  };
}
function checkQuestions(questions) {
  if (questions.targetDate !== void 0 && isoDateToDay(questions.targetDate) === null) {
    throw new RangeError(`the forecast's target date ${JSON.stringify(questions.targetDate)} is not a YYYY-MM-DD date`);
  }
  if (questions.items !== void 0 && !(Number.isInteger(questions.items) && questions.items >= 1)) {
    throw new RangeError(`the number of items to forecast must be a whole number of at least 1, not ${questions.items}`);
  }
  if (questions.startDate !== void 0 && isoDateToDay(questions.startDate) === null) {
    throw new RangeError(`the forecast's start date ${JSON.stringify(questions.startDate)} is not a YYYY-MM-DD date`);
  }
}
function lastDayBefore(startDate, nowDay, dates) {
  if (startDate === void 0) return nowDay;
  const start = isoDateToDay(startDate);
  if (start < nowDay) throw new RangeError(`the forecast's start date ${startDate} is before today (${dates.label(nowDay)})`);
  if (start - nowDay > DEFAULT_MAX_FORECAST_DAYS) {
    throw new RangeError(`the forecast's start date ${startDate} is more than ${DEFAULT_MAX_FORECAST_DAYS} days after now`);
  }
  return Math.max(nowDay, start - 1);
}
function forecaster(timeline, config, run, dates, inProgress) {
  const settings = config.forecast;
  const nowDay = timeline.nowDay;
  const firstDay = firstCreatedDay(timeline);
  const lastCompleteDay = nowDay - 1;
  const daily = dailyThroughput(timeline, firstDay, nowDay);
  const samplesFrom = Math.max(firstDay, nowDay - settings.samplingDays);
  const hasSamples = samplesFrom <= lastCompleteDay;
  const sampleable = hasSamples ? { from: dates.label(firstDay), to: dates.label(lastCompleteDay) } : null;
  const samplesOf = (from, to) => daily.subarray(from - firstDay, to - firstDay + 1);
  const windowOf = (from, to) => ({ from: dates.label(from), to: dates.label(to), days: to - from + 1 });
  const simulation = { trials: settings.trials, seed: run.seed };
  const past = backtestWeeklyForecasts(daily, firstDay, lastCompleteDay, {
    weeks: settings.backtestWeeks,
    samplingDays: settings.samplingDays,
    trials: settings.trials,
    seed: run.seed,
    weekEndsOn: config.conventions.weekEndsOn,
    confidence: 85
  });
  const common = { sampleable, trials: settings.trials, seed: run.seed };
  const backtest = {
    confidence: past.confidence,
    weeks: past.weeks.map((week) => ({ ...week, start: dates.label(week.start), end: dates.label(week.end) })),
    hits: past.hits,
    hitRate: round(past.hitRate, 3)
  };
  return (questions = {}) => {
    checkQuestions(questions);
    const before = lastDayBefore(questions.startDate, nowDay, dates);
    const startDate = questions.startDate ?? dates.label(nowDay);
    const firstSimulatedDay = dates.label(before + 1);
    const notes = [];
    let howMany = null;
    let when = null;
    if (!hasSamples) {
      notes.push("No complete day of history before now: nothing to sample throughput from.");
      return { ...common, samplingWindow: null, startDate, firstSimulatedDay, howMany, when, backtest, notes };
    }
    let samples = samplesOf(samplesFrom, lastCompleteDay);
    let samplingWindow = windowOf(samplesFrom, lastCompleteDay);
    if (questions.samplingWindow !== void 0) {
      const chosen = checkSamplingWindow(questions.samplingWindow, { firstDay, lastCompleteDay }, (day) => dates.label(day));
      if (!chosen.ok) throw new RangeError(chosen.message);
      samples = samplesOf(chosen.from, chosen.to);
      samplingWindow = windowOf(chosen.from, chosen.to);
    }
    const targetDate = questions.targetDate ?? settings.targetDate;
    const target = targetDate !== null ? isoDateToDay(targetDate) ?? nowDay : before + settings.horizonDays;
    if (target - nowDay > DEFAULT_MAX_FORECAST_DAYS) {
      throw new RangeError(`the forecast's target date ${dates.label(target)} is more than ${DEFAULT_MAX_FORECAST_DAYS} days after now`);
    }
    const days = Math.max(0, target - before);
    if (days === 0) {
      notes.push(
        before === nowDay ? `The target date ${dates.label(target)} is not after now: nothing more can be done by then.` : `The target date ${dates.label(target)} is before the start date ${startDate}: nothing can be done by then.`
      );
    }
    const totals = simulateHowMany(samples, days, simulation);
    howMany = {
      targetDate: dates.label(target),
      days,
      table: howManyTable(totals, settings.confidences),
      outcomes: outcomeDistribution(totals)
    };
    const items = questions.items ?? settings.items ?? inProgress;
    if (items <= 0) {
      notes.push('"When" forecast skipped: no items in progress and no forecast.items configured.');
    } else {
      const finishDays = simulateWhen(samples, items, { ...simulation, maxDays: DEFAULT_MAX_FORECAST_DAYS });
      when = {
        items,
        table: whenTable(finishDays, settings.confidences, DEFAULT_MAX_FORECAST_DAYS).map(({ confidence, days: d }) => ({
          confidence,
          days: d,
          date: d === null ? null : dates.label(before + d)
        })),
        outcomes: outcomeDistribution(finishDays)
      };
      if (when.table.some((row) => row.days === null)) {
        notes.push(`Some confidence levels are not reached within ${DEFAULT_MAX_FORECAST_DAYS} days (date null).`);
      }
    }
    return { ...common, samplingWindow, startDate, firstSimulatedDay, howMany, when, backtest, notes };
  };
}

// src/domain/jira-key-extraction.ts
var CANDIDATE = /(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_]{1,254})-([1-9][0-9]{0,11})(?![A-Za-z0-9])/g;
var KEY_LOOKALIKES = /* @__PURE__ */ new Set([
  "UTF",
  "UTF8",
  "UCS",
  "ISO",
  "IEC",
  "IEEE",
  "RFC",
  "SHA",
  "MD",
  "AES",
  "RSA",
  "ECDSA",
  "HMAC",
  "CVE",
  "CWE",
  "GHSA",
  "TLS",
  "SSL",
  "HTTP",
  "X",
  "EN",
  "DIN",
  "ECMA",
  "ES",
  "PEP",
  "JSR",
  "WCAG",
  "BASE",
  "LATIN",
  "WINDOWS",
  "CP",
  "IPV",
  "COVID",
  "SARS",
  "TOP",
  "PAGE",
  "STEP",
  "PART",
  "V",
  "VERSION",
  "NODE",
  "PYTHON",
  "JAVA",
  "UBUNTU",
  "DEBIAN",
  "ARM",
  "AMD",
  "WIN",
  "X86",
  "I18N",
  "L10N",
  "A11Y",
  "K8S",
  "H",
  "MP",
  "MPEG",
  "P",
  "PT",
  "RGB",
  "ES6"
]);
function extractJiraKeys(texts, options) {
  const found = /* @__PURE__ */ new Set();
  for (const text2 of texts) {
    if (!text2) continue;
    for (const match of text2.matchAll(CANDIDATE)) {
      const project = match[1].toUpperCase();
      const key = `${project}-${match[2]}`;
      if (found.has(key)) continue;
      if (options.knownProjects) {
        if (options.knownProjects.has(project)) found.add(key);
      } else if (!KEY_LOOKALIKES.has(project)) {
        found.add(key);
      }
    }
  }
  return [...found];
}
function projectOfKey(issueKey) {
  return issueKey.slice(0, issueKey.lastIndexOf("-"));
}

// src/domain/generated-files.ts
var LOCKFILE_NAMES = Object.freeze([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "Cargo.lock",
  "poetry.lock",
  "Pipfile.lock",
  "uv.lock",
  "go.sum",
  "composer.lock",
  "Gemfile.lock",
  "Podfile.lock",
  "packages.lock.json",
  "gradle.lockfile",
  "mix.lock",
  "pubspec.lock",
  "flake.lock"
]);
var LOCKFILES = new Set(LOCKFILE_NAMES);
function pathPattern(pattern) {
  let text2 = pattern.trim();
  if (text2 === "" || text2.startsWith("#") || text2.startsWith("!")) return null;
  const folder = text2.endsWith("/");
  if (folder) text2 = text2.replace(/\/+$/, "");
  const anchored = text2.includes("/");
  text2 = text2.replace(/^\//, "");
  let source = "";
  for (let i = 0; i < text2.length; i++) {
    const char = text2[i];
    if (char === "*" && text2[i + 1] === "*") {
      const slashAfter = text2[i + 2] === "/";
      source += slashAfter ? "(?:.*/)?" : ".*";
      i += slashAfter ? 2 : 1;
    } else if (char === "*") {
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "[" && characterClassEnd(text2, i) !== -1) {
      const end = characterClassEnd(text2, i);
      source += characterClass(text2.slice(i + 1, end));
      i = end;
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
  }
  const prefix = anchored ? "^" : "^(?:.*/)?";
  return new RegExp(`${prefix}${source}${folder ? "/.*" : "(?:/.*)?"}$`);
}
function characterClassEnd(text2, start) {
  let i = start + 1;
  if (text2[i] === "!" || text2[i] === "^") i += 1;
  if (text2[i] === "]") i += 1;
  const end = text2.indexOf("]", i);
  return end;
}
function characterClass(body) {
  const negated = body.startsWith("!") || body.startsWith("^");
  const members2 = (negated ? body.slice(1) : body).replace(/[\\\]^[]/g, "\\$&");
  return negated ? `[^/${members2}]` : `(?!/)[${members2}]`;
}
function linguistGeneratedRules(gitattributes) {
  const rules = [];
  for (const raw of gitattributes.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [pattern, ...attributes] = line.split(/\s+/);
    let generated = null;
    for (const attribute of attributes) {
      if (attribute === "linguist-generated" || attribute === "linguist-generated=true" || attribute === "linguist-generated=1") {
        generated = true;
      } else if (attribute === "-linguist-generated" || attribute === "linguist-generated=false" || attribute === "!linguist-generated") {
        generated = false;
      }
    }
    if (generated !== null) rules.push({ pattern, generated });
  }
  return rules;
}
var GENERATED_PATH_LIMITS = Object.freeze({ maxPatterns: 50, maxLength: 200 });
var GeneratedFiles = class {
  patterns;
  /** The repository's rules, last first: the first that matches a path is the one git applies. */
  repositoryRules;
  /**
   * `patterns`: the admin's own list (always generated); `repositoryRules`: the repository's `.gitattributes`
   * lines about `linguist-generated`, in file order. Both gitattributes syntax.
   */
  constructor(patterns = [], repositoryRules = []) {
    this.patterns = patterns.map(pathPattern).filter((pattern) => pattern !== null);
    this.repositoryRules = repositoryRules.map((rule) => ({ pattern: pathPattern(rule.pattern), generated: rule.generated })).filter((rule) => rule.pattern !== null).reverse();
  }
  isGenerated(path) {
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (LOCKFILES.has(name)) return true;
    if (this.patterns.some((pattern) => pattern.test(path))) return true;
    return this.repositoryRules.find((rule) => rule.pattern.test(path))?.generated ?? false;
  }
};
function handWrittenSize(files, generated) {
  const size = { additions: 0, deletions: 0, files: 0 };
  for (const file of files) {
    if (generated.isGenerated(file.path)) continue;
    size.additions += file.additions;
    size.deletions += file.deletions;
    size.files += 1;
  }
  return size;
}

// src/domain/pull-request.ts
function readyForReviewAt(pull) {
  const first = pull.draftPeriods[0];
  if (!first || first[0] > pull.createdAt) return pull.createdAt;
  return first[1];
}
function isOpen(pull) {
  return pull.closedAt === null;
}
function isAwaitingFirstReview(pull) {
  const last = pull.draftPeriods[pull.draftPeriods.length - 1];
  const inDraft = last !== void 0 && last[1] === null;
  return isOpen(pull) && !inDraft && pull.firstReviewAt === null;
}

// src/domain/pull-request-phases.ts
var PULL_REQUEST_PHASES = ["coding", "pickup", "review", "merge"];
var span = (from, to) => from === null || to === null ? NaN : Math.max(0, to - from);
function phaseDurations(pull) {
  const ready = readyForReviewAt(pull);
  const mergeFrom = pull.approvedAt ?? pull.firstReviewAt ?? ready;
  return {
    coding: span(pull.firstCommitAt, pull.createdAt),
    pickup: span(ready, pull.firstReviewAt),
    review: span(pull.firstReviewAt, pull.approvedAt),
    merge: span(mergeFrom, pull.mergedAt)
  };
}
function phaseIntervals(pull, openUntil) {
  const end = pull.mergedAt ?? pull.closedAt ?? openUntil;
  const start = Math.min(pull.firstCommitAt ?? pull.createdAt, pull.createdAt);
  const ready = Math.min(readyForReviewAt(pull) ?? end, end);
  const steps = [["coding", start]];
  const review = pull.firstReviewAt === null ? null : Math.min(pull.firstReviewAt, end);
  if (review === null) {
    steps.push([pull.mergedAt === null ? "pickup" : "merge", ready]);
  } else {
    steps.push(["pickup", ready]);
    if (pull.approvedAt !== null) {
      steps.push(["review", review], ["merge", Math.min(Math.max(pull.approvedAt, review), end)]);
    } else {
      steps.push([pull.mergedAt === null ? "review" : "merge", review]);
    }
  }
  const intervals = [];
  steps.forEach(([phase, from], index) => {
    const to = index + 1 < steps.length ? steps[index + 1][1] : end;
    if (to > from) intervals.push({ phase, from, to });
  });
  return intervals;
}
function phasePercentiles(pulls, percentiles, method) {
  const durations = pulls.map(phaseDurations);
  return PULL_REQUEST_PHASES.map((phase) => {
    const sample = sortedSample(durations.map((d) => d[phase]));
    return { phase, count: sample.length, values: percentiles.map((p) => percentileOfSorted(sample, p, method)) };
  });
}

// src/domain/item-time-split.ts
var TIME_SPLIT_PARTS = ["before", ...PULL_REQUEST_PHASES, "between", "after"];
var PHASE_RANK = new Map(PULL_REQUEST_PHASES.map((phase, rank) => [phase, rank]));
function itemTimeSplit(start, done, pulls) {
  if (!(done > start)) return null;
  const intervals = pulls.flatMap((pull) => phaseIntervals(pull, done)).map((interval) => ({ ...interval, from: Math.max(interval.from, start), to: Math.min(interval.to, done) })).filter((interval) => interval.to > interval.from);
  if (intervals.length === 0) return null;
  const split = { before: 0, coding: 0, pickup: 0, review: 0, merge: 0, between: 0, after: 0 };
  const first = Math.min(...intervals.map((interval) => interval.from));
  const last = Math.max(...intervals.map((interval) => interval.to));
  split.before = first - start;
  split.after = done - last;
  const cuts = [...new Set(intervals.flatMap((interval) => [interval.from, interval.to]))].sort((a, b) => a - b);
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k];
    const to = cuts[k + 1];
    let phase = null;
    for (const interval of intervals) {
      if (interval.from <= from && interval.to >= to && (phase === null || PHASE_RANK.get(interval.phase) < PHASE_RANK.get(phase))) {
        phase = interval.phase;
      }
    }
    split[phase ?? "between"] += to - from;
  }
  return split;
}

// src/domain/pull-request-size.ts
var SIZE_CLASSES = Object.freeze([
  { label: "XS", upTo: 10 },
  { label: "S", upTo: 50 },
  { label: "M", upTo: 250 },
  { label: "L", upTo: 1e3 },
  { label: "XL", upTo: Infinity }
]);
var changedLines = (pull) => pull.additions + pull.deletions;
function sizeClassOf(lines) {
  return SIZE_CLASSES.find((size) => lines <= size.upTo);
}
function sizeDistribution(pulls) {
  const counts = SIZE_CLASSES.map((size) => ({ size, count: 0 }));
  for (const pull of pulls) counts[SIZE_CLASSES.indexOf(sizeClassOf(changedLines(pull)))].count += 1;
  return counts;
}

// src/domain/pull-request-figures.ts
var PHASE_PERCENTILES = [50, 85, 95];
function pullRequestFigures(pulls, finishedItems2, window, now) {
  const mergedInWindow = pulls.filter((pull) => pull.mergedAt !== null && pull.mergedAt >= window.from && pull.mergedAt < window.to);
  const waiting = pulls.filter(isAwaitingFirstReview).map((pull) => ({
    repository: pull.repository,
    number: pull.number,
    jiraKeys: pull.jiraKeys,
    waitingMs: now - (readyForReviewAt(pull) ?? pull.createdAt)
  })).sort((a, b) => b.waitingMs - a.waitingMs);
  const byKey = /* @__PURE__ */ new Map();
  for (const pull of pulls) for (const key of pull.jiraKeys) byKey.set(key, [...byKey.get(key) ?? [], pull]);
  const finished = finishedItems2.filter((item) => item.done >= window.from && item.done < window.to).sort((a, b) => a.done - b.done);
  const splits = [];
  const splitTotals = Object.fromEntries(TIME_SPLIT_PARTS.map((part) => [part, 0]));
  let finishedWithPullRequest = 0;
  for (const item of finished) {
    const linked = byKey.get(item.key) ?? [];
    if (linked.length > 0) finishedWithPullRequest += 1;
    const split = itemTimeSplit(item.start, item.done, linked);
    if (!split) continue;
    splits.push({ key: item.key, split });
    for (const part of TIME_SPLIT_PARTS) splitTotals[part] += split[part];
  }
  return {
    merged: mergedInWindow.length,
    phases: phasePercentiles(mergedInWindow, PHASE_PERCENTILES, "nearest-rank"),
    sizes: sizeDistribution(mergedInWindow),
    waiting,
    finished: finished.length,
    finishedWithPullRequest,
    splits,
    splitTotals
  };
}
function finishedItems(history, config, now) {
  const workflow = resolveWorkflow(config.workflow ?? defaultWorkflow(history.statuses), history.statuses);
  const timeline = buildFlowTimeline(history, workflow, config.conventions, now);
  const items = [];
  for (let i = 0; i < timeline.itemCount; i++) {
    const start = timeline.start[i];
    const done = timeline.done[i];
    if (timeline.included[i] && Number.isFinite(start) && Number.isFinite(done)) items.push({ key: history.key[i], start, done });
  }
  return items;
}
function reportPeriod(report2) {
  const from = (isoDateToDay(report2.generated.window.from) ?? 0) * MS_PER_DAY;
  const to = ((isoDateToDay(report2.generated.window.to) ?? 0) + 1) * MS_PER_DAY;
  return { from, to };
}

// src/adapters/github/pull-request-facts.ts
var time = (iso) => iso ? Date.parse(iso) : null;
function draftPeriods(pull) {
  const events = pull.timelineItems.nodes.filter((event) => event.createdAt && (event.__typename === "ReadyForReviewEvent" || event.__typename === "ConvertToDraftEvent")).map((event) => ({ ready: event.__typename === "ReadyForReviewEvent", at: Date.parse(event.createdAt) })).sort((a, b) => a.at - b.at);
  const created = Date.parse(pull.createdAt);
  const openedAsDraft = events.length > 0 ? events[0].ready : pull.isDraft;
  const periods = [];
  let since = openedAsDraft ? created : null;
  for (const event of events) {
    if (event.ready && since !== null) {
      periods.push([since, event.at]);
      since = null;
    } else if (!event.ready && since === null) {
      since = event.at;
    }
  }
  if (since !== null) periods.push([since, time(pull.closedAt)]);
  return periods;
}
var isBot = (actor) => actor.__typename === "Bot" || actor.login.endsWith("[bot]");
function isSomeoneElsesReview(pull, review) {
  const reviewer = review.author;
  if (!reviewer) return true;
  if (isBot(reviewer)) return false;
  return !pull.author || pull.author.login.toLowerCase() !== reviewer.login.toLowerCase();
}
function pullRequestFacts(repository, pull, files, reading) {
  const commits = pull.commits.nodes.map((node) => node.commit);
  const authored = commits.map((commit) => Date.parse(commit.authoredDate)).filter(Number.isFinite);
  const reviews = (pull.reviews?.nodes ?? []).filter((review) => review.submittedAt && isSomeoneElsesReview(pull, review)).map((review) => ({ state: review.state, at: Date.parse(review.submittedAt) })).sort((a, b) => a.at - b.at);
  const size = handWrittenSize(files, reading.generated);
  return {
    repository,
    number: pull.number,
    jiraKeys: extractJiraKeys([pull.headRefName, pull.title, ...commits.map((commit) => commit.messageHeadline)], {
      knownProjects: reading.knownProjects
    }),
    createdAt: Date.parse(pull.createdAt),
    firstCommitAt: authored.length > 0 ? Math.min(...authored) : null,
    firstReviewAt: reviews[0]?.at ?? null,
    approvedAt: reviews.find((review) => review.state === "APPROVED")?.at ?? null,
    mergedAt: time(pull.mergedAt),
    closedAt: time(pull.closedAt),
    draftPeriods: draftPeriods(pull),
    additions: size.additions,
    deletions: size.deletions,
    changedFiles: size.files,
    updatedAt: Date.parse(pull.updatedAt)
  };
}

// src/cli/cli-error.ts
var CliInputError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "CliInputError";
  }
};
var EXIT_OK = 0;
var EXIT_FAILURE = 1;
var EXIT_BAD_INPUT = 2;

// src/cli/pull-request-input.ts
var REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;
function parsePullRequestSource(text2) {
  const at = text2.indexOf("=");
  const repository = at > 0 ? text2.slice(0, at) : "";
  const path = at > 0 ? text2.slice(at + 1) : "";
  if (!REPOSITORY.test(repository) || path === "") {
    throw new CliInputError(
      `--pull-requests: "${text2}" is not owner/name=FILE (the repository the exported pull requests are of, then the file)`
    );
  }
  return { repository, path };
}
var isObject3 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function problem(source, where, what) {
  return new CliInputError(`${source}: ${where}: ${what}`);
}
var isTime = (value) => typeof value === "string" && Number.isFinite(Date.parse(value));
function checkedPull(node, source, where) {
  if (!isObject3(node)) throw problem(source, where, "is not a pull request object");
  if (!Number.isInteger(node["number"])) throw problem(source, `${where}.number`, "is not a whole number");
  const at = `${where} (#${String(node["number"])})`;
  for (const field of ["createdAt", "updatedAt"]) if (!isTime(node[field])) throw problem(source, `${at}.${field}`, "is not a date-time");
  for (const field of ["mergedAt", "closedAt"])
    if (node[field] != null && !isTime(node[field])) throw problem(source, `${at}.${field}`, "is not a date-time or null");
  const list = (field, optional) => {
    const value = node[field];
    if (value == null && optional) return;
    if (!isObject3(value) || !Array.isArray(value["nodes"])) throw problem(source, `${at}.${field}.nodes`, "is not a list");
  };
  list("commits", false);
  list("reviews", true);
  list("timelineItems", false);
  list("files", true);
  for (const [k, commit] of node["commits"]["nodes"].entries()) {
    if (!isObject3(commit) || !isObject3(commit["commit"]) || !isTime(commit["commit"]["authoredDate"])) {
      throw problem(source, `${at}.commits.nodes[${k}].commit.authoredDate`, "is not a date-time");
    }
  }
  return node;
}
function readPullRequests(text2, source, knownProjects) {
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch (error) {
    throw new CliInputError(`${source.path} is not valid JSON: ${error.message}`);
  }
  const answers = Array.isArray(parsed) ? parsed : [parsed];
  const byNumber = /* @__PURE__ */ new Map();
  answers.forEach((answer, page) => {
    const where = Array.isArray(parsed) ? `[${page}]` : "(answer)";
    const data = isObject3(answer) && isObject3(answer["data"]) ? answer["data"] : answer;
    const repository = isObject3(data) ? data["repository"] : void 0;
    const pulls = isObject3(repository) && isObject3(repository["pullRequests"]) ? repository["pullRequests"]["nodes"] : void 0;
    if (!isObject3(repository) || !Array.isArray(pulls)) {
      throw problem(
        source.path,
        where,
        "is not an answer of the pull-request query: expected data.repository.pullRequests.nodes (see docs/flow-metrics-cli.md)"
      );
    }
    const gitattributes = isObject3(repository["gitattributes"]) && typeof repository["gitattributes"]["text"] === "string" ? repository["gitattributes"]["text"] : "";
    const generated = new GeneratedFiles([], linguistGeneratedRules(gitattributes));
    pulls.forEach((node, k) => {
      const pull = checkedPull(node, source.path, `${where}.data.repository.pullRequests.nodes[${k}]`);
      const facts = pullRequestFacts(source.repository, pull, pull.files?.nodes ?? [], { knownProjects, generated });
      const earlier = byNumber.get(facts.number);
      if (!earlier || earlier.updatedAt <= facts.updatedAt) byNumber.set(facts.number, facts);
    });
  });
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

// src/cli/pull-request-report.ts
var HOUR = 36e5;
var hours = (ms) => Number.isFinite(ms) ? Math.round(ms / HOUR * 100) / 100 : null;
function splitHours(split) {
  return Object.fromEntries(TIME_SPLIT_PARTS.map((part) => [part, hours(split[part]) ?? 0]));
}
function pullRequestSection(figures, repositories, read) {
  return {
    repositories: [...repositories],
    read,
    merged: figures.merged,
    phases: figures.phases.map(({ phase, count, values }) => ({
      phase,
      count,
      hours: Object.fromEntries(PHASE_PERCENTILES.map((percentile, k) => [String(percentile), hours(values[k])]))
    })),
    sizes: figures.sizes.map(({ size, count }) => ({ size: size.label, upToLines: Number.isFinite(size.upTo) ? size.upTo : null, count })),
    waitingForFirstReview: figures.waiting.map((pull) => ({
      repository: pull.repository,
      number: pull.number,
      jiraKeys: pull.jiraKeys,
      hours: hours(pull.waitingMs)
    })),
    finishedItems: figures.finished,
    finishedWithPullRequest: figures.finishedWithPullRequest,
    shareWithPullRequest: figures.finished === 0 ? null : Math.round(figures.finishedWithPullRequest / figures.finished * 1e3) / 1e3,
    timeSplit: {
      totals: splitHours(figures.splitTotals),
      items: figures.splits.map(({ key, split }) => ({ key, hours: splitHours(split) }))
    }
  };
}

// src/cli/csv-table-names.ts
var REPORT_TABLE_NAMES = [
  "summary",
  "items",
  "percentiles",
  "histogram",
  "scatter",
  "throughput",
  "net-flow",
  "wip",
  "cfd",
  "aging",
  "time-in-status",
  "forecast-how-many",
  "forecast-when",
  "forecast-backtest"
];
var PULL_REQUEST_TABLE_NAMES = [
  "pull-request-summary",
  "pull-request-phases",
  "pull-request-sizes",
  "pull-request-waiting",
  "pull-request-time-split"
];
function isReportTableName(name) {
  return REPORT_TABLE_NAMES.includes(name);
}
function isPullRequestTableName(name) {
  return PULL_REQUEST_TABLE_NAMES.includes(name);
}

// src/cli/cli-help.ts
function isHelpRequest(argv) {
  return argv.includes("--help") || argv.includes("-h") || argv[0] === "help";
}
function wrapList(words, indent, width) {
  const lines = [];
  let line = "";
  for (const [k, word] of words.entries()) {
    const piece = k < words.length - 1 ? `${word},` : word;
    if (line !== "" && indent.length + line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else {
      line = line === "" ? piece : `${line} ${piece}`;
    }
  }
  lines.push(line);
  return lines.join(`
${indent}`);
}
var TABLE_INDENT = " ".repeat(19);
var HELP_TEXT = `flow-metrics: flow metrics and forecasts from Jira issue history

Usage:
  flow-metrics report --input FILE [--config FILE] [--now DATE|ISO] [--seed N]
                      [--format json|csv] [--table NAME] [--out DIR]
                      [--pull-requests owner/name=FILE ...]
  flow-metrics --help

Options:
  --input FILE     Issues as Jira's search API returns them with expand=changelog
                   (GET/POST /rest/api/3/search/jql): a JSON array of issues, or a page
                   object with an "issues" array. Each issue needs id, key,
                   fields.{issuetype, status, created, resolutiondate} and
                   changelog.histories. Read as a stream: any size fits in memory.
                   Use - to read standard input.
  --config FILE    Workflow and conventions as JSON: stages (statuses by name or id),
                   startStage, doneStage, conventions, window, forecast settings.
                   Without it, stages come from Jira's status categories
                   (To Do, In Progress, Done) and every convention has its default.
  --now DATE|ISO   The instant the report is "as of": a date such as 2026-01-31 (the
                   start of that day in the configured time zone) or a date-time
                   with a time zone, such as 2026-01-31T09:00:00Z. Later changes are
                   ignored. Default: now.
  --seed N         Seed of the Monte Carlo forecasts (whole number). Same input and
                   seed, same forecast. Default: 1.
  --format FORMAT  json (default): the whole report as one JSON document.
                   csv: one table per metric.
  --table NAME     With csv, the one table to write; required without --out:
                   ${wrapList(REPORT_TABLE_NAMES, TABLE_INDENT, 86)};
                   with --pull-requests also
                   ${wrapList(PULL_REQUEST_TABLE_NAMES, TABLE_INDENT, 86)}.
  --out DIR        Write report.json, or one NAME.csv per table, into DIR (created if
                   needed) instead of printing to standard output.
  --pull-requests owner/name=FILE
                   Pull requests of one GitHub repository, as answers of the GraphQL
                   query the app's sync sends (one answer, or an array of pages as
                   \`gh api graphql --paginate --slurp\` writes). Repeat for more
                   repositories. Adds a "pullRequests" section to the JSON report, and
                   the pull-request-* tables to the CSV ones: the Pull requests tab's
                   phases, sizes, waiting pull requests, share of items with a pull
                   request and where their cycle time went (hours).
  -h, --help       Show this help.

Exit codes: 0 report written; 2 bad arguments or bad input (the message names the
file, the issue key and the field); 1 unexpected failure.

The formats and every convention are described in docs/flow-metrics-cli.md.
`;

// src/cli/cli-arguments.ts
var VALUE_OPTIONS = ["--input", "--config", "--now", "--seed", "--format", "--table", "--out", "--pull-requests"];
function parseCliArguments(argv) {
  if (isHelpRequest(argv)) return { command: "help" };
  const [command, ...rest] = argv;
  if (command === void 0) throw new CliInputError("no command given; try: flow-metrics report --input issues.json (or --help)");
  if (command !== "report") throw new CliInputError(`unknown command "${command}"; the command is "report" (see --help)`);
  const values = /* @__PURE__ */ new Map();
  const pullRequests = [];
  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k];
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, void 0];
    if (!VALUE_OPTIONS.includes(name)) {
      throw new CliInputError(arg.startsWith("-") ? `unknown option ${name} (see --help)` : `unexpected argument "${arg}" (see --help)`);
    }
    const value = inline ?? rest[++k];
    if (value === void 0 || inline === void 0 && value.startsWith("--"))
      throw new CliInputError(`${name} needs a value (see --help)`);
    if (name === "--pull-requests") {
      pullRequests.push(parsePullRequestSource(value));
      continue;
    }
    if (values.has(name)) throw new CliInputError(`${name} is given twice`);
    values.set(name, value);
  }
  const input = values.get("--input");
  if (input === void 0)
    throw new CliInputError("--input is required: a JSON file of issues in search/jql shape with changelog (see --help)");
  let now = null;
  const nowText = values.get("--now");
  if (nowText !== void 0) {
    const day = isoDateToDay(nowText);
    const instant = parseIsoTimestamp(nowText);
    if (day !== null) now = { day };
    else if (!Number.isNaN(instant)) now = { instant };
    else
      throw new CliInputError(`--now: "${nowText}" is neither a date (2026-01-31) nor a date-time with a time zone (2026-01-31T09:00:00Z)`);
  }
  let seed = 1;
  const seedText = values.get("--seed");
  if (seedText !== void 0) {
    seed = Number(seedText);
    if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(seed)) throw new CliInputError(`--seed: "${seedText}" is not a whole number`);
  }
  const format = values.get("--format") ?? "json";
  if (format !== "json" && format !== "csv") throw new CliInputError(`--format: "${format}" is not one of json, csv`);
  const out = values.get("--out") ?? null;
  const tableText = values.get("--table");
  const tableNames = [...REPORT_TABLE_NAMES, ...PULL_REQUEST_TABLE_NAMES].join(", ");
  if (tableText !== void 0 && format !== "csv") throw new CliInputError("--table picks one CSV table: use it with --format csv");
  if (tableText !== void 0 && !isReportTableName(tableText) && !isPullRequestTableName(tableText))
    throw new CliInputError(`--table: "${tableText}" is not one of ${tableNames}`);
  if (tableText !== void 0 && isPullRequestTableName(tableText) && pullRequests.length === 0)
    throw new CliInputError(`--table ${tableText} is a table of pull requests: give them with --pull-requests owner/name=FILE`);
  if (format === "csv" && tableText === void 0 && out === null) {
    throw new CliInputError(
      `--format csv writes one table to standard output: name it with --table (one of ${tableNames}), or give --out DIR for every table`
    );
  }
  const table = tableText ?? null;
  return { command: "report", input, config: values.get("--config") ?? null, now, seed, format, table, out, pullRequests };
}

// src/shared/csv.ts
function cell(value) {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
function csvText(header, rows, lineEnd = "\r\n") {
  return [header, ...rows].map((row) => row.map(cell).join(",")).join(lineEnd) + lineEnd;
}

// src/cli/pull-request-csv.ts
var csv = (header, rows) => csvText(header, rows, "\n");
var PULL_REQUEST_TABLE_WRITERS = {
  "pull-request-summary": (section) => csv(
    ["name", "value"],
    [
      ...section.repositories.map((repository) => ["repository", repository]),
      ["read", section.read],
      ["merged", section.merged],
      ["finishedItems", section.finishedItems],
      ["finishedWithPullRequest", section.finishedWithPullRequest],
      ["shareWithPullRequest", section.shareWithPullRequest]
    ]
  ),
  "pull-request-phases": (section) => csv(
    ["phase", "count", ...PHASE_PERCENTILES.map((percentile) => `p${percentile}Hours`)],
    section.phases.map((phase) => [
      phase.phase,
      phase.count,
      ...PHASE_PERCENTILES.map((percentile) => phase.hours[String(percentile)] ?? null)
    ])
  ),
  "pull-request-sizes": (section) => csv(
    ["size", "upToLines", "count"],
    section.sizes.map((size) => [size.size, size.upToLines, size.count])
  ),
  "pull-request-waiting": (section) => csv(
    ["repository", "number", "jiraKeys", "hoursWaiting"],
    section.waitingForFirstReview.map((pull) => [pull.repository, pull.number, pull.jiraKeys.join(" "), pull.hours])
  ),
  /** Per finished item with a pull request, then the sum over them as the row `total`. */
  "pull-request-time-split": (section) => csv(
    ["key", ...TIME_SPLIT_PARTS.map((part) => `${part}Hours`)],
    [
      ...section.timeSplit.items.map((item) => [item.key, ...TIME_SPLIT_PARTS.map((part) => item.hours[part])]),
      ["total", ...TIME_SPLIT_PARTS.map((part) => section.timeSplit.totals[part])]
    ]
  )
};
function pullRequestTable(section, name) {
  return PULL_REQUEST_TABLE_WRITERS[name](section);
}
function pullRequestTables(section) {
  return PULL_REQUEST_TABLE_NAMES.map((name) => ({ name, csv: pullRequestTable(section, name) }));
}

// src/cli/report-csv.ts
function csv2(header, rows) {
  return csvText(header, rows, "\n");
}
var stagesOf = (report2) => report2.generated.workflow.stages;
var TABLE_WRITERS = {
  summary: (report2) => csv2(
    ["name", "value"],
    [
      ["now", report2.generated.now],
      ["timeZone", report2.generated.timeZone],
      ["windowFrom", report2.generated.window.from],
      ["windowTo", report2.generated.window.to],
      ["unit", report2.generated.unit],
      ["items", report2.generated.items],
      ["doneInWindow", report2.generated.doneInWindow],
      ["inProgress", report2.generated.inProgress],
      ["serviceLevelExpectation", report2.serviceLevelExpectation.value],
      ["flowEfficiency", report2.flowEfficiency.overall],
      ["blockedTime", report2.blockedTime.total],
      ["blockedShareOfCycleTime", report2.blockedTime.shareOfCycleTime],
      ["backtestHitRate", report2.forecast.backtest.hitRate],
      ...report2.warnings.map((warning) => ["warning", warning])
    ]
  ),
  items: (report2) => {
    const stages = stagesOf(report2);
    return csv2(
      [
        "key",
        "type",
        "status",
        "start",
        "done",
        "cycleTime",
        "leadTime",
        "age",
        "blockedTime",
        "flowEfficiency",
        ...stages.map((stage) => `${stage} date`)
      ],
      report2.items.map((item) => [
        item.key,
        item.type,
        item.status,
        item.start,
        item.done,
        item.cycleTime,
        item.leadTime,
        item.age,
        item.blockedTime,
        item.flowEfficiency,
        ...stages.map((stage) => item.stageDates[stage] ?? null)
      ])
    );
  },
  percentiles: (report2) => csv2(
    ["metric", "percentile", "value"],
    [
      ...Object.entries(report2.percentiles).map(([p, value]) => ["cycleTime", Number(p), value]),
      ...Object.entries(report2.leadTimePercentiles).map(([p, value]) => ["leadTime", Number(p), value]),
      ["serviceLevelExpectation", report2.serviceLevelExpectation.percentile, report2.serviceLevelExpectation.value]
    ]
  ),
  histogram: (report2) => csv2(
    ["from", "to", "count"],
    report2.histogram.map((bin) => [bin.from, bin.to, bin.count])
  ),
  scatter: (report2) => csv2(
    ["key", "date", "cycleTime"],
    report2.scatter.map((point) => [point.key, point.date, point.cycleTime])
  ),
  throughput: (report2) => csv2(
    ["start", "end", "count"],
    report2.throughput.map((period) => [period.start, period.end, period.count])
  ),
  "net-flow": (report2) => csv2(
    ["start", "end", "arrivals", "departures", "net"],
    report2.netFlow.map((p) => [p.start, p.end, p.arrivals, p.departures, p.net])
  ),
  wip: (report2) => csv2(
    ["date", "count"],
    report2.wip.map((day) => [day.date, day.count])
  ),
  cfd: (report2) => {
    const stages = stagesOf(report2);
    return csv2(
      ["date", ...stages],
      report2.cfd.map((row) => [row["date"], ...stages.map((stage) => row[stage])])
    );
  },
  aging: (report2) => csv2(
    ["key", "stage", "status", "age", "percentileBand"],
    report2.aging.map((a) => [a.key, a.stage, a.status, a.age, a.percentileBand])
  ),
  "time-in-status": (report2) => csv2(
    ["key", "status", "time"],
    report2.timeInStatus.flatMap((row) => Object.entries(row.statuses).map(([status, time2]) => [row.key, status, time2]))
  ),
  "forecast-how-many": ({ forecast }) => csv2(
    ["targetDate", "confidence", "items"],
    (forecast.howMany?.table ?? []).map((row) => [forecast.howMany.targetDate, row.confidence, row.items])
  ),
  "forecast-when": ({ forecast }) => csv2(
    ["items", "confidence", "days", "date"],
    (forecast.when?.table ?? []).map((row) => [forecast.when.items, row.confidence, row.days, row.date])
  ),
  "forecast-backtest": ({ forecast }) => csv2(
    ["start", "end", "forecast85", "actual", "hit"],
    forecast.backtest.weeks.map((w) => [w.start, w.end, w.forecast, w.actual, w.hit])
  )
};
function reportTable(report2, name) {
  return TABLE_WRITERS[name](report2);
}
function reportTables(report2) {
  return REPORT_TABLE_NAMES.map((name) => ({ name, csv: reportTable(report2, name) }));
}

// src/cli/selective-json.ts
var JsonStreamError = class extends Error {
  constructor(problem2, offset) {
    super(`${problem2} at byte ${offset}`);
    this.problem = problem2;
    this.offset = offset;
    this.name = "JsonStreamError";
  }
  problem;
  offset;
};
var ABSENT = /* @__PURE__ */ Symbol("absent");
var FNV_OFFSET = 2166136261;
var FNV_PRIME = 16777619;
var Selection = class _Selection {
  constructor(take, members2, elements, reader = null) {
    this.take = take;
    this.elements = elements;
    this.reader = reader;
    this.names = members2.map(([name]) => name);
    this.values = this.names.map(() => ABSENT);
    this.selections = members2.map(([, selection]) => selection);
    this.nameBytes = this.names.map((name) => Buffer.from(name));
    this.slots = new Int32Array(Math.max(8, 2 ** Math.ceil(Math.log2(members2.length * 4))));
    this.nameBytes.forEach((bytes, index) => {
      let slot = hashBytes(bytes, 0, bytes.length) & this.slots.length - 1;
      while (this.slots[slot] !== 0) slot = slot + 1 & this.slots.length - 1;
      this.slots[slot] = index + 1;
    });
  }
  take;
  elements;
  reader;
  /** For members: the names, their selections, and an open-addressing table from a name's hash to its index + 1. */
  names;
  selections;
  nameBytes;
  slots;
  static whole = new _Selection(0 /* Whole */, [], null);
  static members(members2) {
    return new _Selection(1 /* Members */, [...new Map(members2)], null);
  }
  static elements(elements) {
    return new _Selection(2 /* Elements */, [], elements);
  }
  /** A value read by a reader of its own, for a part of the input too large to build as objects. */
  static readBy(reader) {
    return new _Selection(3 /* Reader */, [], null, reader);
  }
  /**
   * The members' values while an object is parsed, `ABSENT` for a member not (yet) seen. Each selection has
   * its own: a selection is never nested inside itself, so one object at a time uses it.
   */
  values;
  /**
   * The object of the members seen, in the selection's order rather than the input's: objects read at the
   * same place then share one shape, which keeps the reads of the code they are handed to fast.
   */
  build() {
    const result = {};
    for (let k = 0; k < this.names.length; k++) {
      if (this.values[k] === ABSENT) continue;
      if (this.names[k] === "__proto__")
        Object.defineProperty(result, "__proto__", { value: this.values[k], enumerable: true, writable: true, configurable: true });
      else result[this.names[k]] = this.values[k];
    }
    return result;
  }
  /** The index of the member whose name is the bytes `start` to `end` (hashing to `hash`), or -1. */
  memberIndex(bytes, start, end, hash) {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = slot + 1 & mask) {
      const entry = this.slots[slot];
      if (entry === 0) return -1;
      const name = this.nameBytes[entry - 1];
      if (name.length !== end - start) continue;
      let k = 0;
      while (k < name.length && name[k] === bytes[start + k]) k++;
      if (k === name.length) return entry - 1;
    }
  }
};
function hashBytes(bytes, start, end) {
  let hash = FNV_OFFSET;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ bytes[k], FNV_PRIME);
  return hash >>> 0;
}
var ALL = Selection.whole;
var selectMembers = (members2) => Selection.members(Object.entries(members2));
var selectElements = (elements) => Selection.elements(elements);
var TruncatedJson = class extends Error {
  constructor() {
    super("the bytes end inside a JSON value");
    this.name = "TruncatedJson";
  }
};
var TRUNCATED = new TruncatedJson();
var isWhitespace = (c) => c === 32 /* Space */ || c === 10 /* LineFeed */ || c === 13 /* CarriageReturn */ || c === 9 /* Tab */;
function kindInString(byte) {
  if (byte < 32) return 3 /* Control */;
  if (byte >= 128) return 4 /* NonAscii */;
  const c = byte;
  return c === 34 /* Quote */ ? 1 /* Quote */ : c === 92 /* Backslash */ ? 2 /* Backslash */ : 0 /* Plain */;
}
var IN_STRING_TABLE = Uint8Array.from({ length: 256 }, (_, c) => kindInString(c));
var inString = (c) => IN_STRING_TABLE[c];
var SIMPLE_ESCAPES = new Set([...'"\\/bfnrt'].map((c) => c.charCodeAt(0)));
var isHexDigit = (c) => c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
var isDigit = (c) => c >= 48 /* Zero */ && c <= 57 /* Nine */;
var CACHE_SLOTS = 4096;
var CACHEABLE_LENGTH = 24;
function quoteByte(bytes, i) {
  const c = bytes[i];
  return c < 128 ? JSON.stringify(String.fromCharCode(c)) : `byte 0x${c.toString(16)}`;
}
var SelectiveJsonParser = class {
  bytes = Buffer.alloc(0);
  base = 0;
  cacheStrings = new Array(CACHE_SLOTS);
  cacheBytes = new Uint8Array(CACHE_SLOTS * CACHEABLE_LENGTH);
  fail(problem2, i) {
    throw new JsonStreamError(problem2, this.base + i);
  }
  /** Index of the first byte at or after `i` that is not whitespace. */
  skipWhitespace(i) {
    const b = this.bytes;
    while (i < b.length && isWhitespace(b[i])) i++;
    return i;
  }
  /** The byte at `i`, which must exist. */
  byteAt(i) {
    if (i >= this.bytes.length) throw TRUNCATED;
    return this.bytes[i];
  }
  /**
   * Parses the value starting at `i` (no whitespace before it). `out[0]` receives the value built by the
   * selection, or undefined for `selection === null`, which only checks it. Returns the index after it.
   */
  value(i, selection, out) {
    if (selection !== null && selection.take === 3 /* Reader */) return selection.reader(this, i, out);
    const c = this.byteAt(i);
    if (c === 34 /* Quote */) {
      if (selection === null) return this.skipString(i);
      return this.string(i, out);
    }
    if (c === 123 /* OpenBrace */) {
      if (selection !== null && selection.take === 1 /* Members */) return this.object(i, selection, out);
      return this.whole(i, this.skipContainer(i, 125 /* CloseBrace */), selection, out);
    }
    if (c === 91 /* OpenBracket */) {
      if (selection !== null && selection.take === 2 /* Elements */) return this.array(i, selection.elements, out);
      return this.whole(i, this.skipContainer(i, 93 /* CloseBracket */), selection, out);
    }
    const end = c === 45 /* Minus */ || isDigit(c) ? this.skipNumber(i) : this.skipLiteral(i, c);
    if (selection !== null) out[0] = c === 45 /* Minus */ || isDigit(c) ? Number(this.bytes.toString("latin1", i, end)) : LITERALS.get(c);
    return end;
  }
  /** A container not selected member by member: checked, then built by `JSON.parse` when selected at all. */
  whole(start, end, selection, out) {
    if (selection !== null) out[0] = JSON.parse(this.bytes.toString("utf8", start, end));
    return end;
  }
  /** The index in a selection's members of the name `memberName` read last, or -1 for a name not in it. */
  member = -1;
  /**
   * Reads the member name starting at `i` (its opening quote) and the colon after it, and looks the name up
   * among the selection's members (see `member`); returns the index of the member's value.
   */
  memberName(i, selection, out) {
    const b = this.bytes;
    if (this.byteAt(i) !== 34 /* Quote */) this.fail(`expected a member name in quotes, found ${quoteByte(b, i)}`, i);
    let k = i + 1;
    let hash = FNV_OFFSET;
    let c = b[k];
    while (c !== void 0 && inString(c) === 0 /* Plain */) {
      hash = Math.imul(hash ^ c, FNV_PRIME);
      c = b[++k];
    }
    if (c === 34 /* Quote */) {
      this.member = selection.memberIndex(b, i + 1, k, hash >>> 0);
      i = k + 1;
    } else {
      i = this.string(i, out);
      this.member = selection.names.indexOf(out[0]);
    }
    i = this.skipWhitespace(i);
    if (this.byteAt(i) !== 58 /* Colon */) this.fail(`expected ":" after a member name, found ${quoteByte(b, i)}`, i);
    return this.skipWhitespace(i + 1);
  }
  object(i, selection, out) {
    const b = this.bytes;
    const values = selection.values;
    values.fill(ABSENT);
    i = this.skipWhitespace(i + 1);
    if (this.byteAt(i) === 125 /* CloseBrace */) {
      out[0] = selection.build();
      return i + 1;
    }
    for (; ; ) {
      i = this.memberName(i, selection, out);
      const index = this.member;
      if (index < 0) {
        i = this.value(i, null, out);
      } else {
        i = this.value(i, selection.selections[index], out);
        values[index] = out[0];
      }
      i = this.skipWhitespace(i);
      const next = this.byteAt(i);
      if (next === 125 /* CloseBrace */) break;
      if (next !== 44 /* Comma */) this.fail(`expected "," or "}" after a member, found ${quoteByte(b, i)}`, i);
      i = this.skipWhitespace(i + 1);
    }
    out[0] = selection.build();
    return i + 1;
  }
  array(i, elements, out) {
    const result = [];
    i = this.skipWhitespace(i + 1);
    if (this.byteAt(i) === 93 /* CloseBracket */) {
      out[0] = result;
      return i + 1;
    }
    for (; ; ) {
      i = this.value(i, elements, out);
      result.push(out[0]);
      i = this.skipWhitespace(i);
      const c = this.byteAt(i);
      if (c === 93 /* CloseBracket */) break;
      if (c !== 44 /* Comma */) this.fail(`expected "," or "]" after an element, found ${quoteByte(this.bytes, i)}`, i);
      i = this.skipWhitespace(i + 1);
    }
    out[0] = result;
    return i + 1;
  }
  /** Checks an object or array without building it; returns the index after its closing bracket. */
  skipContainer(i, close) {
    i = this.skipWhitespace(i + 1);
    if (this.byteAt(i) === close) return i + 1;
    for (; ; ) {
      if (close === 125 /* CloseBrace */) {
        if (this.byteAt(i) !== 34 /* Quote */) this.fail(`expected a member name in quotes, found ${quoteByte(this.bytes, i)}`, i);
        i = this.skipWhitespace(this.skipString(i));
        if (this.byteAt(i) !== 58 /* Colon */) this.fail(`expected ":" after a member name, found ${quoteByte(this.bytes, i)}`, i);
        i = this.skipWhitespace(i + 1);
      }
      i = this.skipWhitespace(this.skipValue(i));
      const c = this.byteAt(i);
      if (c === close) return i + 1;
      if (c !== 44 /* Comma */) {
        const expected = close === 125 /* CloseBrace */ ? '"," or "}" after a member' : '"," or "]" after an element';
        this.fail(`expected ${expected}, found ${quoteByte(this.bytes, i)}`, i);
      }
      i = this.skipWhitespace(i + 1);
    }
  }
  /** Checks the value at `i` without building it; returns the index after it. */
  skipValue(i) {
    const c = this.byteAt(i);
    if (c === 34 /* Quote */) return this.skipString(i);
    if (c === 123 /* OpenBrace */) return this.skipContainer(i, 125 /* CloseBrace */);
    if (c === 91 /* OpenBracket */) return this.skipContainer(i, 93 /* CloseBracket */);
    if (c === 45 /* Minus */ || isDigit(c)) return this.skipNumber(i);
    return this.skipLiteral(i, c);
  }
  /** Checks a string starting at its opening quote; returns the index after its closing quote. */
  skipString(i) {
    const b = this.bytes;
    const length = b.length;
    i++;
    for (; ; ) {
      let kind;
      while (i < length && ((kind = inString(b[i])) === 0 /* Plain */ || kind === 4 /* NonAscii */)) i++;
      if (i >= length) throw TRUNCATED;
      kind = inString(b[i]);
      if (kind === 1 /* Quote */) return i + 1;
      if (kind === 3 /* Control */)
        this.fail(`a control character (0x${b[i].toString(16).padStart(2, "0")}) in a string; write it escaped`, i);
      i = this.skipEscape(i);
    }
  }
  /** Checks the escape at `i` (a backslash); returns the index after it. */
  skipEscape(i) {
    const c = this.byteAt(i + 1);
    if (SIMPLE_ESCAPES.has(c)) return i + 2;
    if (c !== 117 /* LowerU */) this.fail(`"\\${String.fromCharCode(c)}" is not an escape JSON allows`, i);
    for (let k = i + 2; k < i + 6; k++) {
      if (!isHexDigit(this.byteAt(k))) this.fail('"\\u" is not followed by four hexadecimal digits', i);
    }
    return i + 6;
  }
  /** A string starting at its opening quote, decoded into `out[0]`; returns the index after its closing quote. */
  string(i, out) {
    const b = this.bytes;
    const start = i + 1;
    const limit = Math.min(b.length, start + CACHEABLE_LENGTH + 1);
    let hash = FNV_OFFSET;
    let k = start;
    for (; k < limit; k++) {
      const c = b[k];
      if (inString(c) !== 0 /* Plain */) break;
      hash = Math.imul(hash ^ c, FNV_PRIME);
    }
    if (k < limit && b[k] === 34 /* Quote */) {
      out[0] = this.cached(b, start, k, (hash ^ hash >>> 15) & CACHE_SLOTS - 1);
      return k + 1;
    }
    let ascii = true;
    let escaped = false;
    for (; ; ) {
      const c = b[k];
      if (c === void 0) throw TRUNCATED;
      const kind = inString(c);
      if (kind === 0 /* Plain */) k++;
      else if (kind === 1 /* Quote */) break;
      else if (kind === 4 /* NonAscii */) {
        ascii = false;
        k++;
      } else if (kind === 2 /* Backslash */) {
        escaped = true;
        k = this.skipEscape(k);
      } else this.fail(`a control character (0x${c.toString(16).padStart(2, "0")}) in a string; write it escaped`, k);
    }
    if (escaped) out[0] = JSON.parse(b.toString("utf8", i, k + 1));
    else out[0] = b.toString(ascii ? "latin1" : "utf8", start, k);
    return k + 1;
  }
  cached(b, start, end, slot) {
    const length = end - start;
    const at = slot * CACHEABLE_LENGTH;
    const known = this.cacheStrings[slot];
    if (known !== void 0 && known.length === length) {
      let k = 0;
      while (k < length && this.cacheBytes[at + k] === b[start + k]) k++;
      if (k === length) return known;
    }
    const text2 = b.toString("latin1", start, end);
    this.cacheStrings[slot] = text2;
    for (let k = 0; k < length; k++) this.cacheBytes[at + k] = b[start + k];
    return text2;
  }
  /** Checks a number (RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?); returns the index after it. */
  skipNumber(i) {
    let c = this.byteAt(i);
    if (c === 45 /* Minus */) c = this.byteAt(++i);
    if (c === 48 /* Zero */) {
      c = this.byteAt(++i);
      if (isDigit(c)) this.fail("a number cannot start with 0 followed by more digits", i);
    } else if (isDigit(c)) {
      while (isDigit(c = this.byteAt(++i))) ;
    } else {
      this.fail('a number needs a digit after "-"', i);
    }
    if (c === 46 /* Dot */) {
      if (!isDigit(this.byteAt(++i))) this.fail('a number needs a digit after "."', i);
      while (isDigit(c = this.byteAt(++i))) ;
    }
    if (c === 101 /* LowerE */ || c === 69 /* UpperE */) {
      c = this.byteAt(++i);
      if (c === 43 /* Plus */ || c === 45 /* Minus */) c = this.byteAt(++i);
      if (!isDigit(c)) this.fail("a number needs a digit in its exponent", i);
      while (isDigit(this.byteAt(++i))) ;
    }
    return i;
  }
  skipLiteral(i, c) {
    const word = LITERAL_WORDS.get(c);
    if (word === void 0) this.fail(`unexpected ${quoteByte(this.bytes, i)}; expected a JSON value`, i);
    for (let k = 1; k < word.length; k++) {
      if (this.byteAt(i + k) !== word.charCodeAt(k))
        this.fail(`unexpected ${quoteByte(this.bytes, i + k)} in "${word}"`, i + k);
    }
    return i + word.length;
  }
};
var LITERAL_WORDS = /* @__PURE__ */ new Map([
  [116, "true"],
  [102, "false"],
  [110, "null"]
]);
var LITERALS = /* @__PURE__ */ new Map([
  [116, true],
  [102, false],
  [110, null]
]);

// src/cli/changelog-reader.ts
var members = (names) => Selection.members(names.map((name) => [name, ALL]));
var CHANGE_ITEM = members(["field", "fieldId", "from", "fromString", "to", "toString"]);
var HISTORY = members(["items", "created", "id"]);
var CHANGELOG = members(["histories", "total"]);
var PLAIN_CHANGELOG = selectMembers({
  total: ALL,
  histories: selectElements(selectMembers({ id: ALL, created: ALL, items: selectElements(CHANGE_ITEM) }))
});
var UnusualChangelog = class extends Error {
};
var UNUSUAL = new UnusualChangelog("not the usual shape of a changelog");
var ChangelogReader = class {
  /** @param flaggedFieldIds the Flagged field's ids in this configuration, whose changes are kept besides the status's */
  constructor(flaggedFieldIds) {
    this.flaggedFieldIds = flaggedFieldIds;
  }
  flaggedFieldIds;
  /** The selection that reads a changelog with this reader. */
  selection = Selection.readBy((parser, i, out) => this.read(parser, i, out));
  /** Filled by each changelog read, and handed on until the next one: the builder is done with it by then. */
  changelog = new PreReadChangelog();
  out = [void 0];
  /** A change item's members, by `ItemMember`: null until read, or when not a string. */
  item = CHANGE_ITEM.names.map(() => null);
  /** The index after the container that `first` or `next` found closed. */
  closedAt = 0;
  read(parser, start, out) {
    this.changelog.clear();
    try {
      const end = this.readChangelog(parser, start);
      out[0] = this.changelog;
      return end;
    } catch (error) {
      if (error instanceof TruncatedJson) throw error;
      return parser.value(start, PLAIN_CHANGELOG, out);
    }
  }
  readChangelog(p, i) {
    if (p.byteAt(i) !== 123 /* OpenBrace */) throw UNUSUAL;
    let sawHistories = false;
    for (let at = this.first(p, i, 125 /* CloseBrace */); at >= 0; at = this.next(p, at, 125 /* CloseBrace */)) {
      at = p.memberName(at, CHANGELOG, this.out);
      const member = p.member;
      if (member === 0 /* Histories */) {
        if (sawHistories) throw UNUSUAL;
        sawHistories = true;
        at = this.readHistories(p, at);
      } else if (member === 1 /* Total */) {
        at = p.value(at, ALL, this.out);
        this.changelog.total = this.out[0];
      } else {
        at = p.skipValue(at);
      }
    }
    if (!sawHistories) throw UNUSUAL;
    return this.closedAt;
  }
  readHistories(p, i) {
    if (p.byteAt(i) !== 91 /* OpenBracket */) throw UNUSUAL;
    let h = 0;
    for (let at = this.first(p, i, 93 /* CloseBracket */); at >= 0; at = this.next(p, at, 93 /* CloseBracket */)) at = this.readHistory(p, at, h++);
    this.changelog.histories = h;
    return this.closedAt;
  }
  /** Reads history `h`: the kept changes of its items, then its date and id, which may come after them. */
  readHistory(p, i, h) {
    if (p.byteAt(i) !== 123 /* OpenBrace */) throw UNUSUAL;
    const changes = this.changelog.changes;
    const first = changes.length;
    let created = void 0;
    let id = void 0;
    let sawItems = false;
    for (let at = this.first(p, i, 125 /* CloseBrace */); at >= 0; at = this.next(p, at, 125 /* CloseBrace */)) {
      at = p.memberName(at, HISTORY, this.out);
      const member = p.member;
      if (member === 0 /* Items */) {
        if (sawItems) throw UNUSUAL;
        sawItems = true;
        at = this.readItems(p, at, h);
      } else if (member === 1 /* Created */) {
        at = p.value(at, ALL, this.out);
        created = this.out[0];
      } else if (member === 2 /* Id */) {
        at = p.value(at, ALL, this.out);
        id = this.out[0];
      } else {
        at = p.skipValue(at);
      }
    }
    if (!sawItems) throw UNUSUAL;
    const end = this.closedAt;
    changes.setHistory(first, created, historyOrder(id));
    return end;
  }
  readItems(p, i, h) {
    if (p.byteAt(i) !== 91 /* OpenBracket */) throw UNUSUAL;
    let n = 0;
    for (let at = this.first(p, i, 93 /* CloseBracket */); at >= 0; at = this.next(p, at, 93 /* CloseBracket */)) at = this.readItem(p, at, h, n++);
    return this.closedAt;
  }
  /** Reads item `n` of history `h`, and keeps it when it changed the status or the Flagged field. */
  readItem(p, i, h, n) {
    if (p.byteAt(i) !== 123 /* OpenBrace */) return p.skipValue(i);
    const item = this.item.fill(null);
    const out = this.out;
    for (let at = this.first(p, i, 125 /* CloseBrace */); at >= 0; at = this.next(p, at, 125 /* CloseBrace */)) {
      at = p.memberName(at, CHANGE_ITEM, out);
      const member = p.member;
      if (member < 0) {
        at = p.skipValue(at);
      } else {
        at = p.value(at, ALL, out);
        item[member] = typeof out[0] === "string" ? out[0] : null;
      }
    }
    const end = this.closedAt;
    const kind = changeKind(item[1 /* FieldId */] ?? null, item[0 /* Field */] ?? null, this.flaggedFieldIds);
    if (kind === null) return end;
    const [from, fromName, to, toName] = [
      item[2 /* From */],
      item[3 /* FromString */],
      item[4 /* To */],
      item[5 /* ToString */]
    ];
    this.changelog.changes.add(h, n, void 0, 0, kind, from ?? null, fromName ?? null, to ?? null, toName ?? null);
    return end;
  }
  /** The index of the first member or element of the container opening at `i`, or -1 when it is empty (see `closedAt`). */
  first(p, i, close) {
    i = p.skipWhitespace(i + 1);
    if (p.byteAt(i) !== close) return i;
    this.closedAt = i + 1;
    return -1;
  }
  /** After a member or element ending at `i`: the index of the next one, or -1 when the container closes (see `closedAt`). */
  next(p, i, close) {
    i = p.skipWhitespace(i);
    const c = p.byteAt(i);
    if (c === 44 /* Comma */) return p.skipWhitespace(i + 1);
    if (c !== close) throw UNUSUAL;
    this.closedAt = i + 1;
    return -1;
  }
};

// src/cli/issue-selection.ts
var FACETS = {
  resolution: selectMembers({ name: ALL }),
  labels: selectElements(ALL),
  components: selectElements(selectMembers({ name: ALL })),
  parent: selectMembers({ key: ALL })
};
function issueSelection(flaggedFieldIds) {
  return selectMembers({
    key: ALL,
    id: ALL,
    fields: selectMembers({
      created: ALL,
      resolutiondate: ALL,
      issuetype: selectMembers({ name: ALL }),
      status: selectMembers({ id: ALL, name: ALL, statusCategory: selectMembers({ key: ALL }) }),
      ...FACETS,
      ...Object.fromEntries(flaggedFieldIds.map((id) => [id, ALL]))
    }),
    changelog: new ChangelogReader(new Set(flaggedFieldIds)).selection
  });
}

// src/cli/issue-list-stream.ts
var NOT_AN_ISSUE_LIST = 'expected a JSON array of issues (search/jql shape), or an object with an "issues" array';
var BYTE_ORDER_MARK = [239, 187, 191];
var IssueListStream = class {
  constructor(selection, onIssue) {
    this.selection = selection;
    this.onIssue = onIssue;
  }
  selection;
  onIssue;
  parser = new SelectiveJsonParser();
  /** Bytes received and not yet parsed, from `at` to `length`; `parser.base` is the input offset of byte 0. */
  window = Buffer.allocUnsafe(1 << 16);
  length = 0;
  at = 0;
  /** After a cut token, how many unparsed bytes to gather before trying again (so a huge value is not re-read per chunk). */
  waitFor = 0;
  out = [void 0];
  state = 0 /* Start */;
  key = null;
  sawIssues = false;
  /** True when the list is the "issues" member of a page object rather than the whole input. */
  listInObject = false;
  position = 0;
  /** The number of issues handed on so far. */
  get issues() {
    return this.position;
  }
  /** Reads the next chunk of bytes; the caller may reuse the chunk once this returns. @throws JsonStreamError */
  push(chunk) {
    if (this.at > 0) {
      this.window.copyWithin(0, this.at, this.length);
      this.parser.base += this.at;
      this.length -= this.at;
      this.at = 0;
    }
    if (this.length + chunk.length > this.window.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.length + chunk.length, this.window.length * 2));
      this.window.copy(larger, 0, 0, this.length);
      this.window = larger;
    }
    this.window.set(chunk, this.length);
    this.length += chunk.length;
    if (this.length >= this.waitFor) this.parse(false);
  }
  /** Marks the end of the input. @throws JsonStreamError when the input stopped early. */
  end() {
    this.parse(true);
    if (this.state !== 9 /* Done */) {
      const offset = this.parser.base + this.length;
      throw new JsonStreamError(this.state === 0 /* Start */ ? "no JSON value: the input is empty" : "unexpected end of the input", offset);
    }
  }
  parse(final) {
    this.parser.bytes = this.window.subarray(0, this.length);
    try {
      while (this.at < this.length) this.at = this.step(this.at);
      this.waitFor = 0;
    } catch (error) {
      if (!(error instanceof TruncatedJson)) throw error;
      if (final) throw new JsonStreamError("unexpected end of the input", this.parser.base + this.length);
      this.waitFor = 2 * (this.length - this.at);
    }
  }
  fail(problem2, i) {
    return this.parser.fail(problem2, i);
  }
  /** Reads one token (whitespace, a bracket, a member, an issue) at `i`; returns the index after it. */
  step(i) {
    const c = this.window[i];
    if (isWhitespace(c) || this.state === 0 /* Start */ && c === BYTE_ORDER_MARK[this.parser.base + i]) return i + 1;
    switch (this.state) {
      case 0 /* Start */:
        if (c === 91 /* OpenBracket */) return this.enter(6 /* ElementOrEnd */, i);
        if (c === 123 /* OpenBrace */) return this.enter(1 /* KeyOrEnd */, i);
        return this.notAnIssueList(i);
      case 1 /* KeyOrEnd */:
      case 2 /* Key */: {
        if (c === 125 /* CloseBrace */ && this.state === 1 /* KeyOrEnd */) return this.closeObject(i);
        if (c !== 34 /* Quote */) this.fail(`expected a member name in quotes, found ${quoteByte(this.window, i)}`, i);
        const end = this.parser.string(i, this.out);
        this.key = this.out[0];
        this.state = 3 /* Colon */;
        return end;
      }
      case 3 /* Colon */:
        if (c !== 58 /* Colon */) this.fail(`expected ":" after a member name, found ${quoteByte(this.window, i)}`, i);
        return this.enter(4 /* MemberValue */, i);
      case 4 /* MemberValue */:
        if (this.key === "issues") {
          if (this.sawIssues) this.fail('the "issues" member appears twice', i);
          this.sawIssues = true;
          if (c !== 91 /* OpenBracket */) return this.notAnIssueList(i);
          this.listInObject = true;
          return this.enter(6 /* ElementOrEnd */, i);
        }
        i = this.parser.value(i, null, this.out);
        this.state = 5 /* MemberCommaOrEnd */;
        return i;
      case 5 /* MemberCommaOrEnd */:
        if (c === 44 /* Comma */) return this.enter(2 /* Key */, i);
        if (c === 125 /* CloseBrace */) return this.closeObject(i);
        return this.fail(`expected "," or "}" after a member, found ${quoteByte(this.window, i)}`, i);
      case 6 /* ElementOrEnd */:
      case 7 /* Element */: {
        if (c === 93 /* CloseBracket */ && this.state === 6 /* ElementOrEnd */) return this.closeList(i);
        if (c === 93 /* CloseBracket */ || c === 44 /* Comma */ || c === 125 /* CloseBrace */ || c === 58 /* Colon */) {
          this.fail(`expected an issue, found ${quoteByte(this.window, i)}`, i);
        }
        const end = this.parser.value(i, this.selection, this.out);
        this.state = 8 /* ElementCommaOrEnd */;
        this.onIssue(this.out[0], this.position++, () => this.window.toString("utf8", i, end));
        return end;
      }
      case 8 /* ElementCommaOrEnd */:
        if (c === 44 /* Comma */) return this.enter(7 /* Element */, i);
        if (c === 93 /* CloseBracket */) return this.closeList(i);
        return this.fail(`expected "," or "]" after an issue, found ${quoteByte(this.window, i)}`, i);
      case 9 /* Done */:
        return this.fail(`unexpected ${quoteByte(this.window, i)} after the end of the JSON value`, i);
    }
  }
  enter(state, i) {
    this.state = state;
    return i + 1;
  }
  notAnIssueList(i) {
    return this.fail(NOT_AN_ISSUE_LIST, i);
  }
  closeObject(i) {
    if (!this.sawIssues) this.notAnIssueList(i);
    return this.enter(9 /* Done */, i);
  }
  closeList(i) {
    const next = this.listInObject ? 5 /* MemberCommaOrEnd */ : 9 /* Done */;
    this.listInObject = false;
    return this.enter(next, i);
  }
};

// src/cli/report-input.ts
function readIssues(chunks, source, config, readFailed) {
  const options = { statuses: config.statuses, flaggedFieldIds: config.flaggedFieldIds };
  const builder = new JiraHistoryBuilder(options);
  const facets = new IssueFacetsBuilder();
  let resolutionsGiven = false;
  const keys = /* @__PURE__ */ new Map();
  const stream = new IssueListStream(issueSelection(config.flaggedFieldIds), (issue, position, text2) => {
    try {
      builder.addSearchIssue(issue, position);
    } catch (error) {
      if (error instanceof JiraHistoryError) new JiraHistoryBuilder(options).addSearchIssue(JSON.parse(text2()), position);
      throw error;
    }
    const fields = issue.fields;
    if (fields && "resolution" in fields) resolutionsGiven = true;
    facets.add(facetsOfJiraIssue(fields));
    const key = issue.key;
    const previous = keys.get(key);
    if (previous !== void 0)
      throw new CliInputError(`${source}: ${key}: key: the issue appears twice (positions ${previous} and ${position})`);
    keys.set(key, position);
  });
  try {
    const pieces = chunks[Symbol.iterator]();
    for (; ; ) {
      let piece;
      try {
        piece = pieces.next();
      } catch (error) {
        throw readFailed(error);
      }
      if (piece.done) break;
      stream.push(piece.value);
    }
    stream.end();
  } catch (error) {
    if (error instanceof JiraHistoryError) throw new CliInputError(`${source}: ${error.message}`);
    if (error instanceof JsonStreamError) {
      if (error.problem === NOT_AN_ISSUE_LIST) throw new CliInputError(`${source}: ${NOT_AN_ISSUE_LIST}`);
      throw new CliInputError(`${source} is not valid JSON: ${error.message}`);
    }
    throw error;
  }
  const warnings = [...builder.warnings];
  if (config.workflow?.discardedResolutions?.length && !resolutionsGiven) {
    warnings.push(
      `${source}: no issue has a "resolution" field, so no item is discarded by its resolution; export the issues with fields=resolution`
    );
  }
  return { history: { ...builder.build(), facets: facets.build() }, warnings, locateStatus: (index) => builder.statusLocation(index) };
}

// src/cli/flow-metrics-command.ts
function readError(error, path, option) {
  const code = error.code;
  const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : error.message ?? String(error);
  return new CliInputError(`cannot read ${option} file "${path}": ${reason}`);
}
function readFile(io, path, option) {
  try {
    return io.readText(path);
  } catch (error) {
    throw readError(error, path, option);
  }
}
function readConfig(io, path) {
  const reading = io.readConfig(readFile(io, path, "--config"), path);
  if ("problem" in reading) throw new CliInputError(reading.problem);
  return reading.config;
}
function asOfInstant(asOf, config, io) {
  if (asOf === null) return io.now();
  if ("instant" in asOf) return asOf.instant;
  return new ZonedDays(config.conventions.timeZone).startOfDay(asOf.day);
}
function report(args, io) {
  const config = args.config === null ? DEFAULT_FLOW_CONFIG : readConfig(io, args.config);
  const inputName = args.input === "-" ? "standard input" : args.input;
  const input = readIssues(io.readChunks(args.input), inputName, config, (error) => readError(error, args.input, "--input"));
  for (const warning of input.warnings) io.stderr(`flow-metrics: warning: ${warning}
`);
  const now = asOfInstant(args.now, config, io);
  let flowReport;
  try {
    flowReport = buildFlowReport(input.history, config, { now, seed: args.seed, warnings: input.warnings });
  } catch (error) {
    if (error instanceof UnmappedStatusError) {
      const where = input.locateStatus(error.statusIndex);
      const status = `status "${error.status.name}"${error.status.id === null ? "" : ` (id ${error.status.id})`}`;
      const fix = args.config === null ? 'its status category is unknown: add a config with this status in a stage, or list it under "statuses" with its statusCategory' : "add it (by name or id) to a stage in the config";
      throw new CliInputError(
        `${inputName}: ${where ? `${where.issueKey}: ${where.field}` : error.issueKey}: ${status} is not mapped to any stage of the workflow; ${fix}`
      );
    }
    if (error instanceof WorkflowError) throw new CliInputError(`${args.config ?? "workflow"}: ${error.message}`);
    throw error;
  }
  if (args.format === "json") {
    const pullRequests = args.pullRequests.length === 0 ? {} : { pullRequests: pullRequestsOf(args, io, input.history, config, flowReport, now) };
    const json = `${JSON.stringify({ ...flowReport, ...pullRequests }, null, 2)}
`;
    if (args.out === null) {
      io.stdout(json);
    } else {
      io.makeDirectory(args.out);
      io.writeText((0, import_node_path.join)(args.out, "report.json"), json);
      io.stderr(`flow-metrics: wrote ${(0, import_node_path.join)(args.out, "report.json")} (as of ${formatIsoTimestamp(now)})
`);
    }
    return;
  }
  const section = args.pullRequests.length === 0 ? null : pullRequestsOf(args, io, input.history, config, flowReport, now);
  const table = (name) => (
    // The arguments refuse a pull-request table without --pull-requests.
    isPullRequestTableName(name) ? pullRequestTable(section, name) : reportTable(flowReport, name)
  );
  if (args.out === null) {
    io.stdout(table(args.table));
    return;
  }
  const tables = args.table === null ? [...reportTables(flowReport), ...section === null ? [] : pullRequestTables(section)] : [{ name: args.table, csv: table(args.table) }];
  io.makeDirectory(args.out);
  for (const table2 of tables) io.writeText((0, import_node_path.join)(args.out, `${table2.name}.csv`), table2.csv);
  const what = tables.length === 1 ? `${(0, import_node_path.join)(args.out, `${tables[0].name}.csv`)}` : `${tables.length} CSV files to ${args.out}`;
  io.stderr(`flow-metrics: wrote ${what} (as of ${formatIsoTimestamp(now)})
`);
}
function pullRequestsOf(args, io, history, config, flowReport, now) {
  const knownProjects = new Set(history.key.map(projectOfKey));
  const pulls = args.pullRequests.flatMap(
    (source) => readPullRequests(readFile(io, source.path, "--pull-requests"), source, knownProjects)
  );
  const figures = pullRequestFigures(pulls, finishedItems(history, config, now), reportPeriod(flowReport), now);
  return pullRequestSection(figures, [...new Set(args.pullRequests.map((source) => source.repository))], pulls.length);
}
function runFlowMetrics(argv, io) {
  try {
    const args = parseCliArguments(argv);
    if (args.command === "help") {
      io.stdout(HELP_TEXT);
      return EXIT_OK;
    }
    report(args, io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliInputError) {
      io.stderr(`flow-metrics: ${error.message}
`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`flow-metrics: unexpected error: ${error?.stack ?? String(error)}
`);
    return EXIT_FAILURE;
  }
}

// src/cli/file-chunks.ts
var import_node_fs = require("node:fs");
var CHUNK_BYTES = 1 << 20;
var pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
function* readFileChunks(path, chunkBytes = CHUNK_BYTES) {
  const fd = path === "-" ? 0 : (0, import_node_fs.openSync)(path, "r");
  const buffer = Buffer.allocUnsafe(chunkBytes);
  try {
    for (; ; ) {
      let bytes;
      try {
        bytes = (0, import_node_fs.readSync)(fd, buffer, 0, chunkBytes, null);
      } catch (error) {
        if (error.code === "EAGAIN") {
          pause(5);
          continue;
        }
        if (error.code === "EOF") break;
        throw error;
      }
      if (bytes === 0) break;
      yield buffer.subarray(0, bytes);
    }
  } finally {
    if (fd !== 0) (0, import_node_fs.closeSync)(fd);
  }
}

// src/cli/main.ts
var nodeIo = (loadConfigReader) => ({
  readText: (path) => (0, import_node_fs2.readFileSync)(path === "-" ? 0 : path, "utf8"),
  readChunks: (path) => readFileChunks(path),
  writeText: (path, text2) => (0, import_node_fs2.writeFileSync)(path, text2, "utf8"),
  makeDirectory: (path) => (0, import_node_fs2.mkdirSync)(path, { recursive: true }),
  stdout: (text2) => void process.stdout.write(text2),
  stderr: (text2) => void process.stderr.write(text2),
  now: () => Date.now(),
  readConfig: (text2, source) => loadConfigReader().readFlowConfig(text2, source)
});
function main(argv, loadConfigReader) {
  process.exitCode = runFlowMetrics(argv, nodeIo(loadConfigReader));
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main
});
