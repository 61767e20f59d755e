/**
 * Every KVS key the app writes is built here, so the layout of an installation's storage can be read in one
 * place (and the personal-data, retention and erase jobs can find everything).
 * Keys must match Forge's rule `^(?!\s+$)[a-zA-Z0-9:._\s-#]+$`; project keys are validated before they get here.
 */
export const storageKeys = {
  measuredProjects: 'settings:measured-projects',
  syncState: (projectKey: string) => `project:${projectKey}:sync-state`,
  lastPersonalDataReport: 'privacy:last-report',
  lastRetentionPurge: 'retention:last-purge',
  retentionSettings: 'settings:retention',
} as const;
