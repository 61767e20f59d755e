import { ISSUE_TYPES, RESOLUTIONS, STATUSES, STATUS_CATEGORIES } from '../catalogue';
import { labelsOf } from '../issue-json';
import { securityLevel, securityLevelJson } from '../issue-security';
import { componentJson, componentsOf, type ProjectComponent } from '../project-components';
import type { DemoUser } from '../demo-data/demo-users';
import { jiraTime } from '../jira-time';
import type { SiteContext } from '../site-context';

/**
 * The values a Jira expression works with on the simulated site: JSON-like values, lists, objects built by
 * the expression, dates, and Jira entities (Issue, IssueType, IssueStatus, StatusCategory, Project, Component, User)
 * with the properties Jira's type reference gives them. Entities read the issue store lazily, property by
 * property, so mapping a thousand issues to a few facts touches only those facts.
 */
export type ExpressionValue = null | string | number | boolean | ExpressionValue[] | ExpressionRecord | JiraEntity | JiraDate | Lambda;

/** An object literal's value. A Map, so property names such as `constructor` are only ever data. */
export class ExpressionRecord {
  constructor(readonly entries: ReadonlyMap<string, ExpressionValue>) {}
}

/** Jira's Date: an instant in whole milliseconds (as Jira keeps it), with `getTime()`; returned as Jira's timestamp text. */
export class JiraDate {
  readonly ms: number;

  constructor(ms: number) {
    this.ms = Math.floor(ms);
  }
}

/** An arrow function, with the variables it closes over. */
export class Lambda {
  constructor(
    readonly parameter: string,
    readonly body: unknown,
    readonly scope: ReadonlyMap<string, ExpressionValue>,
  ) {}
}

/** A Jira entity: its type's name, its properties (computed when read), and its REST shape when returned. */
export class JiraEntity {
  constructor(
    readonly typeName: string,
    private readonly properties: Readonly<Record<string, () => ExpressionValue>>,
    readonly bean: () => Record<string, unknown>,
  ) {}

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.properties, name);
  }

  read(name: string): ExpressionValue {
    return this.properties[name]!();
  }

  propertyNames(): string[] {
    return Object.keys(this.properties).sort();
  }
}

function statusCategory(site: SiteContext, key: string): JiraEntity | null {
  const category = STATUS_CATEGORIES.find((c) => c.key === key);
  if (!category) return null;
  return new JiraEntity(
    'StatusCategory',
    { id: () => category.id, key: () => category.key, name: () => category.name, colorName: () => category.colorName },
    () => ({ self: `${site.siteUrl}/rest/api/3/statuscategory/${category.id}`, id: category.id, key: category.key, name: category.name }),
  );
}

function issueStatus(site: SiteContext, index: number): JiraEntity | null {
  const status = STATUSES[index];
  if (!status) return null;
  return new JiraEntity(
    'IssueStatus',
    {
      id: () => Number(status.id),
      name: () => status.name,
      description: () => status.description,
      category: () => statusCategory(site, status.category),
    },
    () => ({ self: `${site.siteUrl}/rest/api/3/status/${status.id}`, id: status.id, name: status.name }),
  );
}

function issueType(site: SiteContext, index: number): JiraEntity | null {
  const type = ISSUE_TYPES[index];
  if (!type) return null;
  return new JiraEntity(
    'IssueType',
    {
      id: () => Number(type.id),
      name: () => type.name,
      description: () => type.description,
      subtask: () => type.subtask,
      hierarchyLevel: () => type.hierarchyLevel,
    },
    () => ({ self: `${site.siteUrl}/rest/api/3/issuetype/${type.id}`, id: type.id, name: type.name }),
  );
}

function resolution(site: SiteContext, index: number): JiraEntity | null {
  const found = RESOLUTIONS[index];
  if (!found) return null;
  return new JiraEntity('Resolution', { id: () => Number(found.id), name: () => found.name, description: () => found.description }, () => ({
    self: `${site.siteUrl}/rest/api/3/resolution/${found.id}`,
    id: found.id,
    name: found.name,
    description: found.description,
  }));
}

function project(site: SiteContext, index: number): JiraEntity | null {
  const found = site.store.projects[index];
  if (!found) return null;
  return new JiraEntity('Project', { id: () => Number(found.id), key: () => found.key, name: () => found.name }, () => ({
    self: `${site.siteUrl}/rest/api/3/project/${found.id}`,
    id: found.id,
    key: found.key,
    name: found.name,
  }));
}

/** A component of the issue's project as the `Component` type: id (a number), name and description. */
function component(site: SiteContext, found: ProjectComponent): JiraEntity {
  return new JiraEntity('Component', { id: () => Number(found.id), name: () => found.name, description: () => found.description }, () =>
    componentJson(site.siteUrl, found),
  );
}

/** An issue's security level as the `SecurityLevel` type: id (a number), name and description. */
function securityLevelEntity(site: SiteContext, levelId: number | undefined): JiraEntity | null {
  const level = levelId === undefined ? undefined : securityLevel(levelId);
  if (!level) return null;
  return new JiraEntity('SecurityLevel', { id: () => Number(level.id), name: () => level.name, description: () => level.description }, () =>
    securityLevelJson(site.siteUrl, level),
  );
}

const dateOrNull = (ms: number): JiraDate | null => (Number.isNaN(ms) ? null : new JiraDate(ms));

/** One issue of the store, as the `Issue` type of Jira expressions. */
export function issueEntity(site: SiteContext, row: number): JiraEntity {
  const { store } = site;
  return new JiraEntity(
    'Issue',
    {
      id: () => Number(store.idOf(row)),
      key: () => store.keyOf(row),
      created: () => new JiraDate(store.created.get(row)),
      updated: () => new JiraDate(store.updated.get(row)),
      resolutionDate: () => dateOrNull(store.resolutionDate.get(row)),
      resolution: () => resolution(site, store.resolution.get(row)),
      labels: () => labelsOf(store.summarySeed.get(row)),
      components: () =>
        componentsOf(store.projects[store.project.get(row)]?.components, store.summarySeed.get(row)).map((found) => component(site, found)),
      parent: () => {
        const parent = store.parentOf(row);
        return parent === undefined || !store.isLive(parent) ? null : issueEntity(site, parent);
      },
      issueType: () => issueType(site, store.type.get(row)),
      status: () => issueStatus(site, store.status.get(row)),
      project: () => project(site, store.project.get(row)),
      securityLevel: () => securityLevelEntity(site, store.securityLevelOf(row)),
    },
    () => ({ id: store.idOf(row), key: store.keyOf(row), self: `${site.siteUrl}/rest/api/3/issue/${store.idOf(row)}` }),
  );
}

/** The calling user, as the `User` type. */
export function userEntity(site: SiteContext, user: DemoUser): JiraEntity {
  return new JiraEntity('User', { accountId: () => user.accountId, displayName: () => user.displayName }, () => ({
    self: `${site.siteUrl}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    displayName: user.displayName,
  }));
}

export function dateText(date: JiraDate): string {
  return jiraTime(date.ms);
}
