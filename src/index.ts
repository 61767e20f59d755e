/**
 * The app's entry points, exactly the handlers manifest.yml names. Each lives in src/handlers and stays thin:
 * validate, check permission, call one use-case, answer.
 */
export { projectPageResolver } from './handlers/project-page-resolver';
export { settingsPageResolver } from './handlers/settings-page-resolver';
export { scheduledSync } from './handlers/scheduled-sync';
export { syncJobWorker } from './handlers/sync-job-worker';
export { issueEvent } from './handlers/issue-event';
export { personalDataReport } from './handlers/personal-data-report';
export { retentionPurge } from './handlers/retention-purge';
export { slackDigest } from './handlers/slack-digest';
export { githubSync, githubSyncWorker } from './handlers/github-sync';
export { githubWebhook } from './handlers/github-webhook';
export { slackAlertsWorker } from './handlers/slack-alerts';
