import type { IssueFacetValues } from './issue-facets';

/**
 * The Jira fields an issue's facets are read from (see `issue-facets.ts`). `parent` answers the parent's
 * summary as well; only its key is kept.
 */
export const FACET_FIELDS = ['resolution', 'labels', 'components', 'parent'] as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * An issue's facets from its fields as search or an expression answered them. A field Jira left out or
 * answered in an unexpected shape counts as empty: a facet is a filter, never a reason to drop an issue.
 */
export function facetsOfJiraIssue(fields: Readonly<Record<string, unknown>> | null | undefined): IssueFacetValues {
  if (!isObject(fields)) return { resolution: null, labels: [], components: [], parent: null };
  const resolution = fields['resolution'];
  const labels = fields['labels'];
  const components = fields['components'];
  const parent = fields['parent'];
  return {
    resolution: isObject(resolution) ? text(resolution['name']) : null,
    labels: Array.isArray(labels) ? labels.flatMap((label) => text(label) ?? []) : [],
    components: Array.isArray(components)
      ? components.flatMap((component) => (isObject(component) ? (text(component['name']) ?? []) : []))
      : [],
    parent: isObject(parent) ? text(parent['key']) : null,
  };
}
