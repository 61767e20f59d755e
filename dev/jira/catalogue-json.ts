import { ISSUE_TYPES, PRIORITIES, RESOLUTIONS, STATUSES, statusCategoryByKey, type StatusCategoryDef } from './catalogue';

/** The catalogue's entries as Jira's REST API renders them, `self` links included. */

export function statusCategoryJson(siteUrl: string, category: StatusCategoryDef) {
  return {
    self: `${siteUrl}/rest/api/3/statuscategory/${category.id}`,
    id: category.id,
    key: category.key,
    colorName: category.colorName,
    name: category.name,
  };
}

export function statusJson(siteUrl: string, statusIndex: number) {
  const status = STATUSES[statusIndex];
  if (!status) throw new Error(`unknown status index ${statusIndex}`);
  return {
    self: `${siteUrl}/rest/api/3/status/${status.id}`,
    description: status.description,
    iconUrl: `${siteUrl}/images/icons/statuses/${status.icon}`,
    name: status.name,
    id: status.id,
    statusCategory: statusCategoryJson(siteUrl, statusCategoryByKey(status.category)),
  };
}

export function issueTypeJson(siteUrl: string, typeIndex: number) {
  const type = ISSUE_TYPES[typeIndex];
  if (!type) throw new Error(`unknown issue type index ${typeIndex}`);
  return {
    self: `${siteUrl}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${siteUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    avatarId: type.avatarId,
    hierarchyLevel: type.hierarchyLevel,
  };
}

export function resolutionJson(siteUrl: string, resolutionIndex: number) {
  const resolution = RESOLUTIONS[resolutionIndex];
  if (!resolution) return null;
  return {
    self: `${siteUrl}/rest/api/3/resolution/${resolution.id}`,
    id: resolution.id,
    description: resolution.description,
    name: resolution.name,
  };
}

export function priorityJson(siteUrl: string, priorityIndex: number) {
  const priority = PRIORITIES[priorityIndex];
  if (!priority) throw new Error(`unknown priority index ${priorityIndex}`);
  return {
    self: `${siteUrl}/rest/api/3/priority/${priority.id}`,
    iconUrl: `${siteUrl}/images/icons/priorities/${priority.icon}`,
    name: priority.name,
    id: priority.id,
  };
}
