import { AppError } from '../../app/app-error';
import { type JiraIssue } from '../../domain';

/**
 * The facts the compact history needs about each issue, read by a Jira expression over a page of a JQL
 * query (`POST /rest/api/3/expression/evaluate`): one evaluation answers up to 1000 issues, where a field
 * search answers 100. Each issue comes back as a short list of primitives, in this order:
 *
 *   id, key, created (epoch ms), updated (epoch ms), resolved (epoch ms or null),
 *   issue type name, status id, status name, status category key, security level id (or null)
 *
 * The security level is asked for its id only (`securityLevel?.id`): the history keeps which level hides an
 * issue, never the level's name.
 *
 * The Flagged field is not among them: custom fields are "expensive operations" in Jira expressions (at most
 * 10 an evaluation), so whether an issue is flagged now is asked with an ids-only search instead.
 */
export const ISSUE_FACTS_EXPRESSION =
  'issues.map(i => [i.id, i.key, i.created.getTime(), i.updated.getTime(), i.resolutionDate?.getTime(), ' +
  'i.issueType.name, i.status.id, i.status.name, i.status.category.key, i.securityLevel?.id])';

const FACTS_PER_ISSUE = 10;

/** Jira loads at most 1000 issues an evaluation and returns at most 10,000 primitive values. */
export const ISSUES_PER_EVALUATION = Math.min(1000, Math.floor(10_000 / FACTS_PER_ISSUE));

/** One evaluation's answer: `value` is what the expression returned; `meta.issues.jql` says where paging stands. */
export interface ExpressionPage {
  value?: unknown;
  meta?: { issues?: { jql?: { nextPageToken?: string | null; isLast?: boolean } } };
}

const unexpected = () => new AppError('UNAVAILABLE', 'Jira sent an unexpected answer to the issue facts expression.');

/** Epoch ms a Date can hold (JavaScript's range), so no answer can make the conversion throw. */
const isInstant = (value: unknown): value is number => typeof value === 'number' && Math.abs(value) <= 8.64e15;
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
/** Jira's security level ids are positive numbers; expressions give them as numbers, REST as decimal text. */
const isLevelId = (value: unknown): boolean =>
  (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
  (typeof value === 'string' && /^[1-9][0-9]{0,14}$/.test(value));

/** The page's issues, in the shape a field search gives them (without the Flagged field). */
export function issuesFromFacts(page: ExpressionPage): JiraIssue[] {
  if (!Array.isArray(page.value)) throw unexpected();
  return page.value.map((facts: unknown) => {
    if (!Array.isArray(facts) || facts.length !== FACTS_PER_ISSUE) throw unexpected();
    const [id, key, created, updated, resolved, typeName, statusId, statusName, category, level] = facts as unknown[];
    const validId = (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) || (typeof id === 'string' && /^[0-9]{1,15}$/.test(id));
    const validStatus = typeof statusId === 'number' || isText(statusId);
    if (!validId || !isText(key) || !isInstant(created) || !isInstant(updated) || !(resolved === null || isInstant(resolved)))
      throw unexpected();
    if (!isText(typeName) || !validStatus || !isText(statusName) || !(category === null || typeof category === 'string'))
      throw unexpected();
    if (!(level === null || level === undefined || isLevelId(level))) throw unexpected();
    return {
      id: String(id),
      key,
      fields: {
        created: new Date(created).toISOString(),
        updated: new Date(updated).toISOString(),
        resolutiondate: resolved === null ? null : new Date(resolved).toISOString(),
        issuetype: { name: typeName },
        status: { id: String(statusId), name: statusName, ...(category ? { statusCategory: { key: category } } : {}) },
        security: typeof level === 'number' || typeof level === 'string' ? { id: String(level) } : null,
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
