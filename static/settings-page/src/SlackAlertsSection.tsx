import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState } from 'react';
import { REVIEW_WAIT_HOURS, type SlackAlertSettings } from '../../../src/shared/resolver-contract';
import { LoadingState } from '../../common/LoadingState';
import { ResolverErrorMessage } from '../../common/ResolverErrorMessage';
import { useResolver } from '../../common/use-resolver';
import { ActionError } from './ActionError';
import { useSettingsAction } from './use-settings-action';

/** The threshold as typed, or why it cannot be saved (the resolver checks the same rule). */
export function reviewWaitProblem(text: string): string | null {
  const hours = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(hours)) return 'Give a whole number of hours.';
  if (hours < REVIEW_WAIT_HOURS.min || hours > REVIEW_WAIT_HOURS.max)
    return `Give ${REVIEW_WAIT_HOURS.min} to ${REVIEW_WAIT_HOURS.max} hours.`;
  return null;
}

/** One measured project's two alerts, saved together. */
function ProjectAlerts({ saved, onSaved }: { saved: SlackAlertSettings; onSaved: (projects: SlackAlertSettings[]) => void }) {
  const action = useSettingsAction();
  const [serviceLevel, setServiceLevel] = useState(saved.serviceLevel);
  const [reviewWait, setReviewWait] = useState(saved.reviewWait.enabled);
  const [hours, setHours] = useState(String(saved.reviewWait.hours));
  useEffect(() => {
    setServiceLevel(saved.serviceLevel);
    setReviewWait(saved.reviewWait.enabled);
    setHours(String(saved.reviewWait.hours));
  }, [saved]);
  const problem = reviewWait ? reviewWaitProblem(hours) : null;
  const changed =
    serviceLevel !== saved.serviceLevel ||
    reviewWait !== saved.reviewWait.enabled ||
    (reviewWait && hours.trim() !== String(saved.reviewWait.hours));

  async function save() {
    const result = await action.run('saveSlackAlerts', {
      projectKey: saved.projectKey,
      serviceLevel,
      reviewWait: { enabled: reviewWait, hours: reviewWait ? Number(hours.trim()) : saved.reviewWait.hours },
    });
    if (result.ok) onSaved(result.data.projects);
  }

  return (
    <Stack space="space.100" testId={`slack-alerts-${saved.projectKey}`}>
      <Heading size="xsmall" as="h4">
        {saved.projectKey}
      </Heading>
      <Checkbox
        isChecked={serviceLevel}
        isDisabled={action.busy}
        label="When an item in progress passes the project's service-level expectation"
        onChange={(event) => setServiceLevel(event.target.checked)}
      />
      <Inline space="space.100" alignBlock="center">
        <Checkbox
          isChecked={reviewWait}
          isDisabled={action.busy}
          label="When a pull request has waited for its first review longer than"
          onChange={(event) => setReviewWait(event.target.checked)}
        />
        <Textfield
          aria-label={`Review wait in hours for ${saved.projectKey}`}
          value={hours}
          isDisabled={!reviewWait || action.busy}
          isInvalid={problem !== null}
          width="xsmall"
          inputMode="numeric"
          onChange={(event) => setHours((event.target as HTMLInputElement).value)}
        />
        <Text>hours</Text>
      </Inline>
      {problem && (
        <Text as="p" color="color.text.danger">
          {problem}
        </Text>
      )}
      <Inline>
        <Button appearance="primary" isDisabled={!changed || problem !== null} isLoading={action.busy} onClick={() => void save()}>
          Save {saved.projectKey} alerts
        </Button>
      </Inline>
      <ActionError error={action.error} />
    </Stack>
  );
}

/**
 * Alerts in the connected channel, turned on per measured project: items passing the SLE, pull requests
 * waiting too long for a first review. Each is announced once, in one message per project after the hourly sync.
 */
export function SlackAlertsSection() {
  const query = useResolver('getSlackAlerts');
  const [projects, setProjects] = useState<SlackAlertSettings[] | null>(null);
  if (query.state.status === 'loading') return <LoadingState label="Loading Slack alerts" />;
  if (query.state.status === 'error')
    return (
      <ResolverErrorMessage error={query.state.error} onRetry={query.reload} forbiddenMessage="Only Jira admins can manage Flow metrics." />
    );
  const shown = projects ?? query.state.data.projects;
  return (
    <Stack space="space.200" testId="slack-alerts">
      <Heading size="small" as="h3">
        Alerts
      </Heading>
      <Text as="p">
        After the hourly sync, one message per project names what newly needs attention; each item or pull request is announced once. Items
        under Jira issue security are never named.
      </Text>
      {shown.length === 0 ? (
        <Text as="p">No project is measured yet.</Text>
      ) : (
        shown.map((project) => <ProjectAlerts key={project.projectKey} saved={project} onSaved={setProjects} />)
      )}
    </Stack>
  );
}
