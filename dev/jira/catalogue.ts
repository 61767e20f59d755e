/**
 * The fixed vocabularies of the demo site: status categories, statuses, issue types, resolutions and
 * priorities, with the ids a company-managed Jira site would give them. Statuses are shared between
 * projects (as on a real site), which is why a flow-metrics app must map statuses per project.
 */

export type StatusCategoryKey = 'undefined' | 'new' | 'indeterminate' | 'done';

export interface StatusCategoryDef {
  id: number;
  key: StatusCategoryKey;
  name: string;
  colorName: string;
}

/** Jira's four categories, with the ids and colours Jira Cloud answers. */
export const STATUS_CATEGORIES: readonly StatusCategoryDef[] = [
  { id: 1, key: 'undefined', name: 'No Category', colorName: 'medium-gray' },
  { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  { id: 3, key: 'done', name: 'Done', colorName: 'green' },
];

export function statusCategoryByKey(key: StatusCategoryKey): StatusCategoryDef {
  const found = STATUS_CATEGORIES.find((c) => c.key === key);
  if (!found) throw new Error(`unknown status category ${key}`);
  return found;
}

export interface StatusDef {
  id: string;
  name: string;
  category: StatusCategoryKey;
  description: string;
  icon: string;
}

export const STATUSES: readonly StatusDef[] = [
  {
    id: '1',
    name: 'Open',
    category: 'new',
    description: 'The issue is open and ready for the assignee to start work on it.',
    icon: 'open.png',
  },
  {
    id: '3',
    name: 'In Progress',
    category: 'indeterminate',
    description: 'This issue is being actively worked on at the moment by the assignee.',
    icon: 'inprogress.png',
  },
  {
    id: '6',
    name: 'Closed',
    category: 'done',
    description: 'The issue is considered finished, the resolution is correct.',
    icon: 'closed.png',
  },
  { id: '10000', name: 'To Do', category: 'new', description: '', icon: 'generic.png' },
  { id: '10001', name: 'Done', category: 'done', description: '', icon: 'generic.png' },
  { id: '10002', name: 'Backlog', category: 'new', description: '', icon: 'generic.png' },
  { id: '10003', name: 'Ready', category: 'new', description: 'Refined and ready to be pulled.', icon: 'generic.png' },
  { id: '10004', name: 'In Review', category: 'indeterminate', description: 'Waiting for, or in, code review.', icon: 'generic.png' },
  { id: '10005', name: 'QA', category: 'indeterminate', description: 'Being tested before release.', icon: 'generic.png' },
  { id: '10006', name: 'Triaged', category: 'new', description: 'Reproduced and prioritised.', icon: 'generic.png' },
  { id: '10007', name: 'Fixing', category: 'indeterminate', description: 'A fix is being developed.', icon: 'generic.png' },
  { id: '10008', name: 'Verifying', category: 'indeterminate', description: 'The fix is being verified.', icon: 'generic.png' },
  { id: '10009', name: "Won't Fix", category: 'done', description: 'Closed without a fix.', icon: 'generic.png' },
];

/** Index into `STATUSES` by name; throws for a typo in a blueprint. */
export function statusIndex(name: string): number {
  const index = STATUSES.findIndex((s) => s.name === name);
  if (index < 0) throw new Error(`unknown status ${name}`);
  return index;
}

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  avatarId: number;
  hierarchyLevel: number;
  subtask: boolean;
}

export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  {
    id: '10000',
    name: 'Epic',
    description: 'A big user story that needs to be broken down.',
    avatarId: 10307,
    hierarchyLevel: 1,
    subtask: false,
  },
  {
    id: '10001',
    name: 'Story',
    description: 'Functionality or a feature expressed as a user goal.',
    avatarId: 10315,
    hierarchyLevel: 0,
    subtask: false,
  },
  { id: '10002', name: 'Task', description: 'A small, distinct piece of work.', avatarId: 10318, hierarchyLevel: 0, subtask: false },
  { id: '10003', name: 'Bug', description: 'A problem or error.', avatarId: 10303, hierarchyLevel: 0, subtask: false },
];

export function issueTypeIndex(name: string): number {
  const index = ISSUE_TYPES.findIndex((t) => t.name === name);
  if (index < 0) throw new Error(`unknown issue type ${name}`);
  return index;
}

export interface ResolutionDef {
  id: string;
  name: string;
  description: string;
}

export const RESOLUTIONS: readonly ResolutionDef[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: "This issue won't be actioned." },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed.' },
  { id: '10004', name: "Won't Fix", description: 'The problem described is an issue which will never be fixed.' },
];

export function resolutionIndex(name: string): number {
  const index = RESOLUTIONS.findIndex((r) => r.name === name);
  if (index < 0) throw new Error(`unknown resolution ${name}`);
  return index;
}

export interface PriorityDef {
  id: string;
  name: string;
  icon: string;
}

export const PRIORITIES: readonly PriorityDef[] = [
  { id: '1', name: 'Highest', icon: 'highest.svg' },
  { id: '2', name: 'High', icon: 'high.svg' },
  { id: '3', name: 'Medium', icon: 'medium.svg' },
  { id: '4', name: 'Low', icon: 'low.svg' },
  { id: '5', name: 'Lowest', icon: 'lowest.svg' },
];

/** Jira Software's "Flagged" field: a checkbox whose only option is "Impediment". */
export const FLAGGED_FIELD = {
  id: 'customfield_10021',
  name: 'Flagged',
  optionId: '10019',
  optionValue: 'Impediment',
} as const;

/** Story points and sprints, as Jira Software names them on a company-managed site. */
export const STORY_POINTS_FIELD = { id: 'customfield_10016', name: 'Story point estimate' } as const;
export const SPRINT_FIELD = { id: 'customfield_10020', name: 'Sprint' } as const;
