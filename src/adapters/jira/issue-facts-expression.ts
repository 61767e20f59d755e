import { AppError } from '../../app/app-error';
import { type JiraIssue } from '../../domain';

/**
 * The facts the compact history needs about each issue, read by a Jira expression over a page of a JQL
 * query (`POST /rest/api/3/expression/evaluate`): one evaluation answers up to 1000 issues, where a field
 * search answers 100. Each issue comes back as a short list of primitives, in this order:
 *
 *   id, key, created (epoch ms), updated (epoch ms), resolved (epoch ms or null), issue type name,
 *   status id, resolution name (or null), labels (a list), component names (a list),
 *   and the rare facts (a list): the security level id (a number) and the parent key (a string), each only
 *   where the issue has one
 *
 * Sizes are what this is about: Jira answers at most 10,000 primitive values an evaluation, so every value
 * an issue sends costs a hundredth of an issue a page. The status is asked for its id only: its name and
 * category come from the site's status catalogue, which every backfill reads anyway. Security levels and
 * parents, which most issues lack, are sent only where set (a null is a value too); their types tell them
 * apart. That leaves eight values an issue plus its labels and components, so most projects' pages hold the
 * 1000 issues Jira loads at most. The security level is asked for its id only: the history keeps which
 * level hides an issue, never the level's name.
 *
 * The Flagged field is not among them: custom fields are "expensive operations" in Jira expressions (at most
 * 10 an evaluation), so whether an issue is flagged now is asked with an ids-only search instead.
 */
export const ISSUE_FACTS_EXPRESSION =
  'issues.map(i => [i.id, i.key, i.created.getTime(), i.updated.getTime(), i.resolutionDate?.getTime(), ' +
  'i.issueType.name, i.status.id, i.resolution?.name, i.labels, i.components.map(c => c.name), ' +
  '[i.securityLevel?.id, i.parent?.key].filter(v => v != null)])';

const FACTS_PER_ISSUE = 11;

/**
 * Jira loads at most 1000 issues an evaluation. A page whose labels and components take it over 10,000
 * values is refused: the source then asks again for half as many (`smallerPage`), down to
 * `FEWEST_ISSUES_PER_EVALUATION`.
 */
export const ISSUES_PER_EVALUATION = 1000;
const FEWEST_ISSUES_PER_EVALUATION = 125;

/**
 * The page size to ask for after Jira refused an evaluation of `size` issues as over its result limits, or
 * null when the refusal is of another kind or the page is already as small as it gets (the caller then
 * treats it as any other refusal). Jira says "Evaluation failed" and names the limit: the number of
 * primitive values, of beans or of steps.
 */
export function smallerPage(size: number, refusal: { status: number; errorMessages: readonly string[] }): number | null {
  const overLimit = refusal.status === 400 && refusal.errorMessages.some((message) => /limit/i.test(message));
  return overLimit && size > FEWEST_ISSUES_PER_EVALUATION ? Math.max(FEWEST_ISSUES_PER_EVALUATION, Math.floor(size / 2)) : null;
}

/** One evaluation's answer: `value` is what the expression returned; `meta.issues.jql` says where paging stands. */
export interface ExpressionPage {
  value?: unknown;
  meta?: { issues?: { jql?: { nextPageToken?: string | null; isLast?: boolean } } };
}

const unexpected = () => new AppError('UNAVAILABLE', 'Jira sent an unexpected answer to the issue facts expression.');

/** Epoch ms a Date can hold (JavaScript's range), so no answer can make the conversion throw. */
const isInstant = (value: unknown): value is number => typeof value === 'number' && Math.abs(value) <= 8.64e15;
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
/** Jira's security level ids are positive numbers (expressions give them as numbers). */
const isLevelId = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);

/** The page's issues, in the shape a field search gives them (without the Flagged field). */
export function issuesFromFacts(page: ExpressionPage): JiraIssue[] {
  if (!Array.isArray(page.value)) throw unexpected();
  return page.value.map((facts: unknown) => {
    if (!Array.isArray(facts) || facts.length !== FACTS_PER_ISSUE) throw unexpected();
    const [id, key, created, updated, resolved, typeName, statusId, resolution, labels, components, rare] = facts as unknown[];
    const validId = (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) || (typeof id === 'string' && /^[0-9]{1,15}$/.test(id));
    const validStatus = typeof statusId === 'number' || isText(statusId);
    if (!validId || !isText(key) || !isInstant(created) || !isInstant(updated) || !(resolved === null || isInstant(resolved)))
      throw unexpected();
    if (!isText(typeName) || !validStatus || !(resolution === null || isText(resolution))) throw unexpected();
    if (!isTextList(labels) || !isTextList(components) || !Array.isArray(rare)) throw unexpected();
    const levels = rare.filter((value) => typeof value === 'number');
    const parents = rare.filter((value) => typeof value === 'string');
    if (levels.length > 1 || parents.length > 1 || levels.length + parents.length !== rare.length) throw unexpected();
    const [level] = levels;
    const [parent] = parents;
    if (!(level === undefined || isLevelId(level)) || !(parent === undefined || isText(parent))) throw unexpected();
    return {
      id: String(id),
      key,
      fields: {
        created: new Date(created).toISOString(),
        updated: new Date(updated).toISOString(),
        resolutiondate: resolved === null ? null : new Date(resolved).toISOString(),
        issuetype: { name: typeName },
        // Named by id only: the name and category are the status catalogue's.
        status: { id: String(statusId) },
        security: level === undefined ? null : { id: String(level) },
        // The facets in the shapes the field search answers them (`jira-issue-facets.ts` reads both alike).
        resolution: resolution === null ? null : { name: resolution },
        labels,
        components: components.map((name) => ({ name })),
        parent: parent === undefined ? null : { key: parent },
      },
    };
  });
}

/** The token of the next page, or null after the last one. */
export function nextPageOf(page: ExpressionPage): string | null {
  const paging = page.meta?.issues?.jql;
  if (!paging || paging.isLast === true) return null;
  return typeof paging.nextPageToken === 'string' && paging.nextPageToken !== '' ? paging.nextPageToken : null;
}
