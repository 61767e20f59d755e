import Heading from '@atlaskit/heading';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useState } from 'react';
import type { ProjectSettingsList } from '../../../src/shared/resolver-contract';
import { LicenceInactiveNotice } from '../../common/LicenceInactiveNotice';
import { LoadingState } from '../../common/LoadingState';
import { PageLayout } from '../../common/PageLayout';
import { useResolver } from '../../common/use-resolver';
import { AuditLogSection } from './AuditLogSection';
import { DataPrivacySection } from './DataPrivacySection';
import { GeneratedPathsForm } from './GeneratedPathsForm';
import { GitHubSection } from './GitHubSection';
import { LIST_PROJECT_SETTINGS, ProjectsSection } from './ProjectsSection';
import { SettingsAccessDenied } from './SettingsAccessDenied';
import { SlackAlertsSection } from './SlackAlertsSection';
import { SlackSection } from './SlackSection';
import { useSettingsAccess } from './use-settings-access';

/** The settings page's tabs, in the order an admin sets the app up. */
export const SETTINGS_TABS = ['Projects', 'GitHub', 'Slack', 'Data and privacy', 'Audit log'] as const;

/**
 * The app's settings page (Jira admin page: Jira settings → Apps → Flow metrics settings, and Manage apps'
 * "Configure" and "Get started"). Every resolver behind it refuses anyone Jira does not call an administrator, so the tabs appear only once the first call, the
 * projects list, has answered: someone refused sees one message and the page asks nothing more. The other
 * tabs load their own data when first opened.
 */
export function App() {
  const projects = useResolver(LIST_PROJECT_SETTINGS);
  const access = useSettingsAccess(projects.state);
  // After "erase all app data" every tab starts over, so none shows what no longer exists.
  const [generation, setGeneration] = useState(0);
  const startOver = () => {
    setGeneration((current) => current + 1);
    projects.reload();
  };

  if (access === 'checking') {
    return (
      <PageLayout>
        <LoadingState label="Loading Flow metrics settings" />
      </PageLayout>
    );
  }
  if (access === 'denied') {
    return (
      <PageLayout>
        <SettingsAccessDenied />
      </PageLayout>
    );
  }
  return (
    <PageLayout>
      <Stack space="space.300">
        <Stack space="space.050">
          <Heading size="large" as="h1">
            Flow metrics settings
          </Heading>
          <Text color="color.text.subtle">
            Which projects are measured and how, the GitHub and Slack connections, and what the app keeps about this site.
          </Text>
        </Stack>
        {projects.state.status === 'ready' && !projects.state.data.licenceActive && <LicenceInactiveNotice forAdmins />}
        <Tabs id="flow-metrics-settings-tabs" testId="settings-tabs">
          <TabList>
            {SETTINGS_TABS.map((label) => (
              <Tab key={label}>{label}</Tab>
            ))}
          </TabList>
          <TabPanel>
            <Box paddingBlock="space.200" key={`projects-${generation}`}>
              <ProjectsSection projects={projects} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200" key={`github-${generation}`}>
              <Stack space="space.400">
                <GitHubSection />
                <GeneratedPathsForm />
              </Stack>
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200" key={`slack-${generation}`}>
              <Stack space="space.400">
                <SlackSection />
                <SlackAlertsSection />
              </Stack>
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200">
              <DataPrivacySection onErased={startOver} />
            </Box>
          </TabPanel>
          <TabPanel>
            <Box paddingBlock="space.200" key={`audit-${generation}`}>
              <AuditLogSection />
            </Box>
          </TabPanel>
        </Tabs>
      </Stack>
    </PageLayout>
  );
}
