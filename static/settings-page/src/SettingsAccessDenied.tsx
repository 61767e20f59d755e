import EmptyState from '@atlaskit/empty-state';

export const ACCESS_DENIED_HEADER = 'Only Jira administrators can change Flow metrics settings';

/**
 * The whole settings page for someone Jira does not call an administrator: one message saying who may change
 * the settings, and where this person can still see flow metrics. Nothing else is shown or loaded, since every
 * other part of the page would be refused in the same way.
 */
export function SettingsAccessDenied() {
  return (
    <EmptyState
      testId="access-denied"
      headingLevel={1}
      header={ACCESS_DENIED_HEADER}
      description="Ask a Jira administrator if a project should be measured, its workflow changed, or GitHub or Slack connected. The flow metrics of each project you can browse are on that project's Flow metrics page."
    />
  );
}
