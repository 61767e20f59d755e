/**
 * What the app says while the site's licence is inactive (see src/app/access/installation-licence.ts): the pages'
 * notice and the refusal of a sync or digest use the same words.
 */
export const LICENCE_INACTIVE_TITLE = "This site's licence for Flow Metrics for Jira is not active";

export const LICENCE_INACTIVE_MESSAGE =
  'The app keeps the data it has collected and shows it, but syncs no project and posts no Slack digest until ' +
  'a site admin renews the licence in Jira settings → Apps → Manage apps.';

/** For admins, on the settings page: what still runs, and why. */
export const LICENCE_INACTIVE_DUTIES =
  'Reporting and erasing personal data continues, because the law requires it, and so does the retention purge, ' +
  'which keeps stored data no longer than you chose. Nothing is deleted because the licence lapsed.';
