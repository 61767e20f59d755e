import { LICENCE_INACTIVE_MESSAGE, LICENCE_INACTIVE_TITLE } from '../../shared/installation-licence';
import { AppError } from '../app-error';

/**
 * Whether this installation's licence is active. The app is sold on the Marketplace with Forge licensing
 * (`app.licensing.enabled` in manifest.yml): while a site's subscription or trial has lapsed, the app shows
 * what it has already collected but does no work that costs the site (syncs, digests, queue jobs, issue
 * events), and deletes nothing. Two duties continue whatever the licence says: the personal-data cycle
 * (reporting stored accountIds to Atlassian and erasing closed accounts is a legal obligation, not a
 * feature), and the retention purge (keeping data no longer than the admin chose is a promise to the site).
 */
export interface InstallationLicence {
  readonly active: boolean;
}

/** Refuses work that costs the site (a sync, a digest) while the licence is inactive. */
export function requireActiveLicence(licence: InstallationLicence): void {
  if (!licence.active) throw new AppError('NOT_CONFIGURED', `${LICENCE_INACTIVE_TITLE}. ${LICENCE_INACTIVE_MESSAGE}`);
}
