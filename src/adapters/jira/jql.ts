import { AppError } from '../../app/app-error';
import { isProjectKey } from '../../app/project-key';

/**
 * The only place JQL is written. Every value is checked against a strict pattern, or computed here from
 * numbers, before it goes into a query: a project key that is not a project key, or an id that is not a
 * number, is refused before any request is made, so no input can change what a query means.
 */

const ISSUE_ID = /^[1-9][0-9]{0,17}$/;

/** `project = "KEY"`; quoted so that keys that are JQL words (a project called AND) stay values. */
export function projectIs(projectKey: string): string {
  if (!isProjectKey(projectKey)) throw new AppError('INVALID_INPUT', 'That is not a valid Jira project key.');
  return `project = "${projectKey}"`;
}

/** `id in (…)` for numeric issue ids. */
export function idIn(ids: readonly string[]): string {
  if (ids.length === 0) throw new AppError('INVALID_INPUT', 'An issue id list must not be empty.');
  for (const id of ids) {
    if (typeof id !== 'string' || !ISSUE_ID.test(id)) throw new AppError('INVALID_INPUT', 'That is not a Jira issue id.');
  }
  return `id in (${ids.join(',')})`;
}

const CUSTOM_FIELD_ID = /^customfield_([1-9][0-9]{0,17})$/;

/** `(cf[10021] is not EMPTY OR …)`: issues where any of these custom fields (the Flagged fields) holds a value. */
export function anyFieldSet(customFieldIds: readonly string[]): string {
  if (customFieldIds.length === 0) throw new AppError('INVALID_INPUT', 'A field list must not be empty.');
  const clauses = customFieldIds.map((fieldId) => {
    const number = typeof fieldId === 'string' ? CUSTOM_FIELD_ID.exec(fieldId)?.[1] : undefined;
    if (number === undefined) throw new AppError('INVALID_INPUT', 'That is not a Jira custom field id.');
    return `cf[${number}] is not EMPTY`;
  });
  return `(${clauses.join(' OR ')})`;
}

/**
 * `updated >= -Nm`: issues updated at or after `since`. A relative period, in whole minutes rounded so the
 * period reaches back at least to `since`, because absolute JQL dates are read in the searching user's time
 * zone, which the app cannot know.
 */
export function updatedSince(since: number, now: number): string {
  if (!Number.isFinite(since) || !Number.isFinite(now)) throw new AppError('INVALID_INPUT', 'That is not a valid date.');
  const minutes = Math.max(1, Math.ceil((now - since) / 60_000));
  if (!Number.isSafeInteger(minutes)) throw new AppError('INVALID_INPUT', 'That date is too far in the past.');
  return `updated >= -${minutes}m`;
}

/** Clauses joined with AND, then a fixed ordering. */
export function jql(clauses: readonly string[], orderBy: 'key ASC' | 'id ASC' | 'updated ASC' | 'updated DESC'): string {
  return `${clauses.join(' AND ')} ORDER BY ${orderBy}`;
}

/** An issue key: a project key, a dash, an issue number. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/;

/** `parent = "KEY-12"`: the children of an issue (an epic's stories, a story's sub-tasks). */
export function parentIs(issueKey: string): string {
  if (typeof issueKey !== 'string' || !ISSUE_KEY.test(issueKey)) throw new AppError('INVALID_INPUT', 'That is not a Jira issue key.');
  return `parent = "${issueKey}"`;
}

/** Items not finished: their status is not in Jira's Done category, whatever the workflow calls it. */
export const notDone = 'statusCategory != Done';

/** The part of a query outside its quoted values ("…" or '…', with backslash escapes), where its structure is. */
function structureOf(query: string): string | null {
  let outside = '';
  let quote: string | null = null;
  for (let k = 0; k < query.length; k++) {
    const character = query[k]!;
    if (quote !== null) {
      if (character === '\\') k++;
      else if (character === quote) quote = null;
    } else if (character === '"' || character === "'") quote = character;
    else outside += character;
  }
  return quote === null ? outside : null;
}

/**
 * `(query)`: a reader's own JQL, as one clause to be ANDed with the app's. The reader may write any query Jira
 * runs for them (it is sent as them, so it reaches only what they may see), but it cannot step out of its
 * parentheses: a `)` closing them early, an unclosed quote or an ORDER BY is refused here, so
 * `project = "KEY" AND (query)` always keeps to the project.
 */
export function readersQuery(query: string, maxLength: number): string {
  const trimmed = typeof query === 'string' ? query.trim() : '';
  if (trimmed === '') throw new AppError('INVALID_INPUT', 'Enter a JQL query.');
  if (trimmed.length > maxLength) throw new AppError('INVALID_INPUT', `The query is too long: at most ${maxLength} characters.`);
  const structure = structureOf(trimmed);
  if (structure === null) throw new AppError('INVALID_INPUT', 'The query has a quote that is never closed.');
  let depth = 0;
  for (const character of structure) {
    if (character === '(') depth++;
    else if (character === ')' && --depth < 0) break;
  }
  if (depth !== 0) throw new AppError('INVALID_INPUT', 'The query has a parenthesis that is never opened or never closed.');
  if (/\border\s+by\b/i.test(structure)) throw new AppError('INVALID_INPUT', 'Leave out ORDER BY: a count has no order.');
  return `(${trimmed})`;
}

/** Clauses joined with AND, for a query that needs no order (a count). */
export function allOf(clauses: readonly string[]): string {
  return clauses.join(' AND ');
}
