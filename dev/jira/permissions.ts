import type { IssueStore } from './issue-store';
import { admits } from './issue-security';
import type { Principal } from './principal';

/**
 * Who may do what on the demo site. The admin holds the global ADMINISTER permission and everything on every
 * project; members work on every project but do not administer or delete; the outsider has no access to a
 * project marked `outsidersMayBrowse: false` (BUG). The app, like an installed Forge app, browses and
 * edits everywhere but is not a Jira administrator.
 */
export interface PermissionInfo {
  id: string;
  key: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

const project = (id: string, key: string, name: string, description: string): PermissionInfo => ({
  id,
  key,
  name,
  type: 'PROJECT',
  description,
});
const global = (id: string, key: string, name: string, description: string): PermissionInfo => ({
  id,
  key,
  name,
  type: 'GLOBAL',
  description,
});

const PERMISSIONS: readonly PermissionInfo[] = [
  global(
    '0',
    'ADMINISTER',
    'Administer Jira',
    'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
  ),
  global(
    '44',
    'SYSTEM_ADMIN',
    'Administer Jira',
    'Ability to perform most administration functions (excluding Import & Export, SMTP Configuration, etc.).',
  ),
  global('27', 'USER_PICKER', 'Browse users and groups', 'View and select users or groups from the user picker, and share issues.'),
  global('22', 'CREATE_SHARED_OBJECTS', 'Share dashboards and filters', 'Share dashboards and filters with other users.'),
  global('33', 'BULK_CHANGE', 'Make bulk changes', 'Modify collections of issues at once.'),
  project('10', 'BROWSE_PROJECTS', 'Browse Projects', 'Ability to browse projects and the issues within them.'),
  project('11', 'CREATE_ISSUES', 'Create Issues', 'Ability to create issues.'),
  project('12', 'EDIT_ISSUES', 'Edit Issues', 'Ability to edit issues.'),
  project('13', 'ASSIGN_ISSUES', 'Assign Issues', 'Ability to assign issues to other people.'),
  project('14', 'RESOLVE_ISSUES', 'Resolve Issues', 'Ability to resolve and reopen issues.'),
  project('15', 'ADD_COMMENTS', 'Add Comments', 'Ability to comment on issues.'),
  project('16', 'DELETE_ISSUES', 'Delete Issues', 'Ability to delete issues.'),
  project('17', 'ASSIGNABLE_USER', 'Assignable User', 'Users with this permission may be assigned to issues.'),
  project('18', 'CLOSE_ISSUES', 'Close Issues', 'Ability to close issues.'),
  project('23', 'ADMINISTER_PROJECTS', 'Administer Projects', 'Ability to administer a project in Jira.'),
  project('25', 'MOVE_ISSUES', 'Move Issues', 'Ability to move issues between projects or between workflows of the same project.'),
  project('28', 'SCHEDULE_ISSUES', 'Schedule Issues', "Ability to view or edit an issue's due date."),
  project('29', 'VIEW_DEV_TOOLS', 'View Development Tools', 'Allows users to view development-related information on the issue.'),
  project(
    '45',
    'VIEW_READONLY_WORKFLOW',
    'View Read-Only Workflow',
    'Users with this permission may view a read-only version of a workflow.',
  ),
  project('46', 'TRANSITION_ISSUES', 'Transition Issues', 'Ability to transition issues.'),
];

export function permissionInfo(key: string): PermissionInfo | undefined {
  return PERMISSIONS.find((p) => p.key === key);
}

const ADMIN_ONLY_PROJECT = new Set(['ADMINISTER_PROJECTS', 'DELETE_ISSUES']);
const MEMBER_GLOBAL = new Set(['USER_PICKER', 'CREATE_SHARED_OBJECTS', 'BULK_CHANGE']);

export class PermissionModel {
  constructor(private readonly store: IssueStore) {}

  canBrowse(principal: Principal, projectIndex: number): boolean {
    return this.hasProjectPermission(principal, projectIndex, 'BROWSE_PROJECTS');
  }

  /**
   * Whether the principal may see this issue: browse its project, and be admitted by its security level if it
   * has one. Jira answers every request about an issue the principal may not see as if it did not exist.
   */
  canSeeIssue(principal: Principal, row: number, browsable?: readonly boolean[]): boolean {
    const projectIndex = this.store.project.get(row);
    if (!(browsable ? browsable[projectIndex] === true : this.canBrowse(principal, projectIndex))) return false;
    const level = this.store.securityLevelOf(row);
    return level === undefined || admits(principal, level);
  }

  /** The projects this principal may browse, as a lookup by project index. */
  browsable(principal: Principal): boolean[] {
    return this.store.projects.map((_, index) => this.canBrowse(principal, index));
  }

  hasProjectPermission(principal: Principal, projectIndex: number, key: string): boolean {
    const site = this.store.projects[projectIndex];
    if (!site || permissionInfo(key)?.type !== 'PROJECT') return false;
    if (principal.kind === 'app') return key !== 'ADMINISTER_PROJECTS';
    const role = principal.user.role;
    if (role === 'outsider' && !site.outsidersMayBrowse) return false;
    if (role === 'admin') return true;
    return !ADMIN_ONLY_PROJECT.has(key);
  }

  hasGlobalPermission(principal: Principal, key: string): boolean {
    if (permissionInfo(key)?.type !== 'GLOBAL') return false;
    if (principal.kind === 'app') return key === 'USER_PICKER';
    if (principal.user.role === 'admin') return true;
    return MEMBER_GLOBAL.has(key);
  }

  /** Without a project, Jira answers a project permission as "held in at least one project". */
  hasAnywhere(principal: Principal, key: string): boolean {
    const info = permissionInfo(key);
    if (!info) return false;
    if (info.type === 'GLOBAL') return this.hasGlobalPermission(principal, key);
    return this.store.projects.some((_, index) => this.hasProjectPermission(principal, index, key));
  }
}
