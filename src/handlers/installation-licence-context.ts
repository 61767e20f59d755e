import type { InstallationLicence } from '../app/access/installation-licence';

/**
 * The installation's licence from the context Forge hands every function: the second argument of a trigger,
 * consumer or event handler, and a resolver's `req.context` (where @forge/resolver copies it). Forge's
 * documented shape is `license?: { isActive: boolean; … }`, present only for paid apps in production;
 * it is absent for free apps and in development and staging environments, where the app runs in full.
 *
 * Only an explicit `isActive: false` stops the app: a licence object Forge sent in some other shape is taken
 * as active, so a change on Forge's side can never switch a paying site's app off.
 */
export function licenceFromContext(context: unknown): InstallationLicence {
  const license = typeof context === 'object' && context !== null ? (context as { license?: unknown }).license : undefined;
  const inactive = typeof license === 'object' && license !== null && (license as { isActive?: unknown }).isActive === false;
  return { active: !inactive };
}
