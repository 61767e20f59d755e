import { FLAGGED_FIELD, SPRINT_FIELD, STORY_POINTS_FIELD } from './catalogue';

/**
 * The issue fields of the demo site, as `GET /rest/api/3/field` lists them, and how a `fields` request
 * parameter selects among them. `*navigable` is what Jira shows in issue lists; `*all` adds the heavy,
 * non-navigable ones (comments, worklogs).
 */
export interface FieldDefinition {
  id: string;
  name: string;
  custom: boolean;
  navigable: boolean;
  orderable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema: { type: string; system?: string; items?: string; custom?: string; customId?: number };
}

const system = (id: string, name: string, type: string, extra: Partial<FieldDefinition> = {}, items?: string): FieldDefinition => ({
  id,
  name,
  custom: false,
  navigable: true,
  orderable: true,
  searchable: true,
  clauseNames: [id],
  schema: { type, system: id, ...(items ? { items } : {}) },
  ...extra,
});

const custom = (id: string, name: string, type: string, plugin: string, items?: string): FieldDefinition => {
  const customId = Number(id.replace('customfield_', ''));
  return {
    id,
    name,
    custom: true,
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name],
    schema: { type, custom: plugin, customId, ...(items ? { items } : {}) },
  };
};

export const FIELDS: readonly FieldDefinition[] = [
  system('summary', 'Summary', 'string'),
  system('issuetype', 'Issue Type', 'issuetype', { clauseNames: ['issuetype', 'type'] }),
  system('project', 'Project', 'project', { orderable: false }),
  system('status', 'Status', 'status', { orderable: false }),
  system('statuscategorychangedate', 'Status Category Changed', 'datetime', { orderable: false }),
  system('priority', 'Priority', 'priority'),
  system('assignee', 'Assignee', 'user'),
  system('reporter', 'Reporter', 'user'),
  system('creator', 'Creator', 'user', { orderable: false }),
  system('created', 'Created', 'datetime', { orderable: false, clauseNames: ['created', 'createdDate'] }),
  system('updated', 'Updated', 'datetime', { orderable: false, clauseNames: ['updated', 'updatedDate'] }),
  system('resolution', 'Resolution', 'resolution'),
  system('resolutiondate', 'Resolved', 'datetime', { orderable: false, clauseNames: ['resolutiondate', 'resolved'] }),
  system('labels', 'Labels', 'array', {}, 'string'),
  system('security', 'Security Level', 'securitylevel', { clauseNames: ['level'] }),
  system('description', 'Description', 'string'),
  system('duedate', 'Due date', 'date', { clauseNames: ['due', 'duedate'] }),
  system('fixVersions', 'Fix versions', 'array', { clauseNames: ['fixVersion'] }, 'version'),
  system('components', 'Components', 'array', { clauseNames: ['component'] }, 'component'),
  system('issuelinks', 'Linked Issues', 'array', { clauseNames: ['issueLink'] }, 'issuelinks'),
  system('subtasks', 'Sub-tasks', 'array', { orderable: false, clauseNames: ['subtasks'] }, 'issuelinks'),
  system('parent', 'Parent', 'issuelink', { orderable: false }),
  system('watches', 'Watchers', 'watches', { orderable: false, clauseNames: ['watchers'] }),
  custom(FLAGGED_FIELD.id, FLAGGED_FIELD.name, 'array', 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes', 'option'),
  custom(STORY_POINTS_FIELD.id, STORY_POINTS_FIELD.name, 'number', 'com.pyxis.greenhopper.jira:jsw-story-points'),
  custom(SPRINT_FIELD.id, SPRINT_FIELD.name, 'array', 'com.pyxis.greenhopper.jira:gh-sprint', 'json'),
  system('comment', 'Comment', 'comments-page', { navigable: false }),
  system('worklog', 'Log Work', 'array', { navigable: false, clauseNames: [] }, 'worklog'),
  system('timetracking', 'Time tracking', 'timetracking', { navigable: false, clauseNames: [] }),
];

const FIELD_BY_ID = new Map(FIELDS.map((f) => [f.id, f]));

export function fieldDefinition(id: string): FieldDefinition | undefined {
  return FIELD_BY_ID.get(id);
}

/** What a `fields` parameter asked for. */
export interface FieldSelection {
  /** Field ids to render under `fields`, in catalogue order. */
  fields: readonly string[];
  /** Only `id` was asked for: issues are rendered as `{id}` alone. */
  idsOnly: boolean;
  /** `*all` or `*navigable` was asked for. */
  wildcard: '*all' | '*navigable' | null;
}

/**
 * Reads `fields` the way Jira does: comma-separated and repeatable, `*all`, `*navigable`, `-name` to drop
 * one; unknown names are ignored. With nothing asked for, the default is `id` (only ids), which is where
 * the enhanced search differs from the old one.
 */
export function selectFields(requested: readonly string[], defaultFields: readonly string[] = ['id']): FieldSelection {
  const tokens = requested
    .flatMap((r) => r.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const effective = tokens.length > 0 ? tokens : defaultFields;
  const included = new Set<string>();
  const excluded = new Set<string>();
  let wildcard: FieldSelection['wildcard'] = null;
  let askedOnlyForIds = true;
  for (const token of effective) {
    if (token === '*all') {
      wildcard = '*all';
      askedOnlyForIds = false;
    } else if (token === '*navigable') {
      wildcard = wildcard ?? '*navigable';
      askedOnlyForIds = false;
    } else if (token.startsWith('-')) {
      excluded.add(token.slice(1));
    } else {
      if (token !== 'id') askedOnlyForIds = false;
      included.add(token);
    }
  }
  // An exclusion on its own means "everything navigable except this".
  if (excluded.size > 0 && included.size === 0 && wildcard === null) {
    wildcard = '*navigable';
    askedOnlyForIds = false;
  }
  const fields = FIELDS.filter((f) => {
    if (excluded.has(f.id)) return false;
    if (included.has(f.id)) return true;
    if (wildcard === '*all') return true;
    return wildcard === '*navigable' && f.navigable;
  }).map((f) => f.id);
  return { fields, idsOnly: askedOnlyForIds, wildcard };
}
