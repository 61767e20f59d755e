/**
 * Issue summaries, made up on demand from a per-issue seed instead of stored: 200,000 strings would cost
 * more memory than all of the issue's other fields together.
 */
const STORY_VERBS = ['Add', 'Support', 'Allow users to', 'Show', 'Let admins', 'Improve', 'Redesign', 'Enable'];
const STORY_OBJECTS = [
  'export to CSV',
  'bulk edit of labels',
  'dark mode',
  'saved filters',
  'two-factor sign-in',
  'team dashboards',
  'search by assignee',
  'invoice PDFs',
  'webhook retries',
  'inline comments',
  'onboarding checklist',
  'notification settings',
  'audit trail',
  'keyboard shortcuts',
  'project templates',
  'usage reports',
];
const STORY_CONTEXTS = ['', ' on mobile', ' for workspace admins', ' in the settings page', ' via the API', ' for guests'];
const TASK_VERBS = ['Upgrade', 'Migrate', 'Clean up', 'Document', 'Refactor', 'Automate', 'Remove', 'Monitor'];
const TASK_OBJECTS = [
  'Node runtime',
  'feature flags',
  'build pipeline',
  'database indexes',
  'logging format',
  'staging data',
  'dependency versions',
  'alert thresholds',
  'release checklist',
  'API rate limiter',
  'cache keys',
];
const BUG_SYMPTOMS = [
  'Crash when',
  'Error 500 when',
  'Wrong total when',
  'Spinner never stops when',
  'Layout breaks when',
  'Duplicate email sent when',
  'Timeout when',
  'Data lost when',
];
const BUG_TRIGGERS = [
  'saving a draft',
  'uploading a large file',
  'switching workspaces',
  'sorting by date',
  'signing in with SSO',
  'exporting a report',
  'pasting from Excel',
  'opening a shared link',
  'changing the time zone',
];
const BUG_PLACES = ['', ' on Safari', ' on Android', ' in the admin console', ' after the last release', ' offline'];
const EPIC_THEMES = [
  'Self-serve onboarding',
  'Billing v2',
  'Accessibility audit',
  'Performance budget',
  'Public API',
  'Data residency',
  'Mobile offline mode',
  'Reporting overhaul',
];

function part(words: readonly string[], seed: number, shift: number): string {
  return words[(seed >>> shift) % words.length] ?? '';
}

export function summaryFor(issueTypeName: string, seed: number): string {
  const s = seed >>> 0;
  switch (issueTypeName) {
    case 'Bug':
      return `${part(BUG_SYMPTOMS, s, 0)} ${part(BUG_TRIGGERS, s, 5)}${part(BUG_PLACES, s, 11)}`;
    case 'Task':
      return `${part(TASK_VERBS, s, 0)} ${part(TASK_OBJECTS, s, 6)}`;
    case 'Epic':
      return `${part(EPIC_THEMES, s, 3)}`;
    default:
      return `${part(STORY_VERBS, s, 0)} ${part(STORY_OBJECTS, s, 4)}${part(STORY_CONTEXTS, s, 12)}`;
  }
}
