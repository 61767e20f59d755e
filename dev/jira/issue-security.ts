import type { DemoRole } from './demo-data/demo-users';
import type { Principal } from './principal';

/**
 * Issue security on the demo site: one issue security scheme, used by the projects marked
 * `issueSecurity: true` (BUG), with two levels. An issue with a level is seen only by the people the level
 * admits, by everyone's role here (in Jira: users, groups, project roles, the reporter…); the app, like an
 * installed Forge app, sees every level. Jira hides such an issue from everyone else everywhere: search, JQL key
 * lookups, expressions, changelogs, and the issue itself.
 */
export interface SecurityLevelDefinition {
  id: string;
  name: string;
  description: string;
  /** Who the level admits. */
  roles: readonly DemoRole[];
}

export const ISSUE_SECURITY_SCHEME = {
  id: 10000,
  name: 'Vulnerability handling',
  description: 'Security bugs are seen only by the people who handle them.',
} as const;

export const SECURITY_LEVELS: readonly SecurityLevelDefinition[] = [
  { id: '10100', name: 'Security team', description: 'Only the security team can see this issue.', roles: ['admin'] },
  { id: '10101', name: 'Staff only', description: 'Only staff can see this issue.', roles: ['admin', 'member'] },
];

export function securityLevel(id: number | string): SecurityLevelDefinition | undefined {
  return SECURITY_LEVELS.find((level) => level.id === String(id));
}

/** Whether the principal may see issues of this level (a level id). */
export function admits(principal: Principal, levelId: number): boolean {
  if (principal.kind === 'app') return true;
  return securityLevel(levelId)?.roles.includes(principal.user.role) ?? false;
}

/** A level as the REST API shows it (`fields.security`, the project's levels): never its members. */
export function securityLevelJson(siteUrl: string, level: SecurityLevelDefinition): Record<string, unknown> {
  return { self: `${siteUrl}/rest/api/3/securitylevel/${level.id}`, id: level.id, description: level.description, name: level.name };
}
