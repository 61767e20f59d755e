/** A timestamp as the reader's locale writes it, e.g. "12 Mar 2026, 14:05"; unparsable input is shown as given. */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/**
 * A calendar date (`YYYY-MM-DD`) as the reader's locale writes it, e.g. "13 Dec 2026". The date is already the
 * day in the site's time zone, so it is written as it is, never shifted into the browser's; anything else is
 * shown as given.
 */
export function formatDate(isoDate: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return isoDate;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over into March: such a date is not one.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return isoDate;
  return dateFormatter(locale).format(date);
}

/**
 * One formatter per locale, made on first use: building an `Intl.DateTimeFormat` costs far more than using
 * one, and a chart's tooltips and announcements write a date for each of thousands of items.
 */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string | undefined): Intl.DateTimeFormat {
  const key = locale ?? '';
  let formatter = dateFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormatters.set(key, formatter);
  }
  return formatter;
}
