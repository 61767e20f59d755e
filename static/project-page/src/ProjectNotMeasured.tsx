import { useState } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import { formatDateTime } from '../../common/format-date-time';
import { router } from '@forge/bridge';

/**
 * The app's admin page in Jira settings' Apps sidebar (manifest.yml's `jira:adminPage` without `useAsConfig`),
 * where a Jira admin chooses the projects to measure.
 */
const SETTINGS_MODULE_KEY = 'flow-metrics-settings';

/** Where the choice is made, in the words of Jira's own menus: the sidebar entry, which Jira shows (see manifest.yml). */
export const WHERE_TO_ENABLE = 'A Jira administrator can turn them on in Jira settings → Apps → Flow metrics settings → Projects.';

/**
 * A project an admin stopped measuring whose history is still kept (until the retention purge removes it): its
 * charts are not served while it is not measured, and this says that its history stops at the last sync, is
 * kept, and is shown again once the project is measured again.
 */
export function ProjectNoLongerMeasured({ lastSyncAt }: { lastSyncAt: string }) {
  return (
    <SectionMessage appearance="information" title="No longer measured" testId="project-no-longer-measured">
      <Text as="p">
        {`Flow metrics are no longer collected for this project. Its history, collected until ${formatDateTime(lastSyncAt)}, is kept until the app's retention period removes it, and is shown again if the project is measured again. ${WHERE_TO_ENABLE.replace('turn them on', 'turn them on again')}`}
      </Text>
    </SectionMessage>
  );
}

/**
 * A project no admin has enabled: nothing has been or will be collected, so there is no sync to show or ask
 * for and no chart to filter, only who can change that and where. A Jira admin gets the way there.
 */
export function ProjectNotMeasured({
  projectName,
  viewerIsJiraAdministrator,
}: {
  projectName: string;
  viewerIsJiraAdministrator: boolean;
}) {
  const [navigationFailed, setNavigationFailed] = useState(false);
  // Forge's named target for the app's own module: Jira turns it into the admin page's URL on the site.
  const openSettings = () => {
    setNavigationFailed(false);
    router.navigate({ target: 'module', moduleKey: SETTINGS_MODULE_KEY }).catch(() => setNavigationFailed(true));
  };
  const description = navigationFailed
    ? `${WHERE_TO_ENABLE} The settings page could not be opened from here; open it from Jira's settings.`
    : WHERE_TO_ENABLE;
  return (
    <div data-testid="project-not-measured">
      <EmptyState
        header={`Flow metrics are not collected for ${projectName} yet`}
        headingLevel={2}
        description={description}
        primaryAction={
          viewerIsJiraAdministrator ? (
            <Button appearance="primary" onClick={openSettings} testId="open-settings">
              Open Flow metrics settings
            </Button>
          ) : undefined
        }
      />
    </div>
  );
}
