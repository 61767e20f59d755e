import type { InstallationLicence } from '../app/access/installation-licence';

/**
 * The installation's licence from the context Forge hands every function: the second argument of a trigger,
 * consumer or event handler, and a resolver's `req.context` (where @forge/resolver copies it). Forge's
 * documented shape is `license?: { active: boolean; isActive: boolean (deprecated); … }`, present only for paid
 * apps in production; it is absent for free apps and in development and staging environments, where the app
 * runs in full (https://developer.atlassian.com/platform/forge/function-reference/arguments/).
 *
 * `active` is read first, the deprecated `isActive` only when `active` is not there. Only an explicit `false`
 * stops the app: a licence object Forge sent in some other shape is taken as active, so a change on Forge's
 * side can never switch a paying site's app off.
 */
export function licenceFromContext(context: unknown): InstallationLicence {
  const license = typeof context === 'object' && context !== null ? (context as { license?: unknown }).license : undefined;
  if (typeof license !== 'object' || license === null) return { active: true };
  const { active, isActive } = license as { active?: unknown; isActive?: unknown };
  const inactive = typeof active === 'boolean' ? active === false : isActive === false;
  return { active: !inactive };
}
