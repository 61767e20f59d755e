/**
 * An issue's date-time (`fields.created`, `fields.resolutiondate`) whose instant a reader of the file's bytes
 * parsed already, without making a string of it: `JiraHistoryBuilder` takes it as it takes the string it stands
 * for. A message about such a date cannot quote the file: the `flow-metrics` command words it again from the
 * issue parsed whole (report-input.ts).
 */
export class InstantReadAhead {
  /** @param instant what `parseIsoTimestamp` gives of the date-time's text (never NaN: a text it refuses is given as it is) */
  constructor(readonly instant: number) {}
}
