import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState } from 'react';
import { SLACK_CHANNEL_ID } from '../../../src/shared/connection-formats';
import { REVIEW_WAIT_HOURS, type ProjectSlackAlerts } from '../../../src/shared/resolver-contract';
import { formatDateTime } from '../../common/format-date-time';
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

/** The channel id as typed (empty for the digest's channel), or why it cannot be saved (the resolver checks the same rule). */
export function alertChannelProblem(text: string): string | null {
  const id = text.trim();
  return id === '' || SLACK_CHANNEL_ID.test(id) ? null : 'Give a Slack channel id (C… or G…), or leave it empty for the digest’s channel.';
}

/** Where the project's alerts go, when they last ran and posted, and the last problem, in plain words. */
function AlertStatus({ project }: { project: ProjectSlackAlerts }) {
  const on = project.serviceLevel || project.reviewWait.enabled;
  const { channel, lastProblem } = project;
  const where = channel
    ? `#${channel.name}${channel.isPrivate ? ' (private)' : ''}${project.usesDigestChannel ? ', the digest’s channel' : ''}`
    : 'the digest’s channel, once Slack is connected';
  const whichOn = [
    project.serviceLevel ? 'items past the SLE' : null,
    project.reviewWait.enabled ? 'pull requests waiting for review' : null,
  ]
    .filter((part) => part !== null)
    .join(' and ');
  const postedSince =
    lastProblem !== null && project.lastPostedAt !== null && Date.parse(project.lastPostedAt) > Date.parse(lastProblem.at);
  return (
    <Stack space="space.050" testId={`slack-alerts-status-${project.projectKey}`}>
      <Text as="p">{on ? `On (${whichOn}), posted to ${where}.` : `Off. When turned on, alerts go to ${where}.`}</Text>
      {channel && !channel.isMember && (
        <Text as="p" color="color.text.warning">
          The bot is not in #{channel.name} yet: invite it (/invite) or alerts will not be delivered.
        </Text>
      )}
      {on && (
        <Text as="p" color="color.text.subtle">
          {project.lastRunAt ? `Last ran ${formatDateTime(project.lastRunAt)}` : 'Not run yet: alerts run after the hourly sync'}
          {'; '}
          {project.lastPostedAt ? `last posted ${formatDateTime(project.lastPostedAt)}.` : 'nothing posted yet.'}
        </Text>
      )}
      {lastProblem && (
        <Text as="p" color={postedSince ? 'color.text.subtle' : 'color.text.danger'}>
          Last problem ({formatDateTime(lastProblem.at)}): {lastProblem.text}
          {postedSince ? ' Alerts have been posted since.' : ''}
        </Text>
      )}
    </Stack>
  );
}

/** One measured project's two alerts and their channel, saved together. */
function ProjectAlerts({ saved, onSaved }: { saved: ProjectSlackAlerts; onSaved: (projects: ProjectSlackAlerts[]) => void }) {
  const action = useSettingsAction();
  const [serviceLevel, setServiceLevel] = useState(saved.serviceLevel);
  const [reviewWait, setReviewWait] = useState(saved.reviewWait.enabled);
  const [hours, setHours] = useState(String(saved.reviewWait.hours));
  const [channelId, setChannelId] = useState(saved.channelId ?? '');
  useEffect(() => {
    setServiceLevel(saved.serviceLevel);
    setReviewWait(saved.reviewWait.enabled);
    setHours(String(saved.reviewWait.hours));
    setChannelId(saved.channelId ?? '');
  }, [saved]);
  const problem = reviewWait ? reviewWaitProblem(hours) : null;
  const channelProblem = alertChannelProblem(channelId);
  const changed =
    serviceLevel !== saved.serviceLevel ||
    reviewWait !== saved.reviewWait.enabled ||
    (reviewWait && hours.trim() !== String(saved.reviewWait.hours)) ||
    channelId.trim() !== (saved.channelId ?? '');

  async function save() {
    const result = await action.run('saveSlackAlerts', {
      projectKey: saved.projectKey,
      serviceLevel,
      reviewWait: { enabled: reviewWait, hours: reviewWait ? Number(hours.trim()) : saved.reviewWait.hours },
      channelId: channelId.trim() === '' ? null : channelId.trim(),
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
      <Inline space="space.100" alignBlock="center">
        <Text>Post to channel</Text>
        <Textfield
          aria-label={`Slack channel id for ${saved.projectKey} alerts`}
          placeholder="the digest’s channel"
          value={channelId}
          isDisabled={action.busy}
          isInvalid={channelProblem !== null}
          width="small"
          onChange={(event) => setChannelId((event.target as HTMLInputElement).value)}
        />
      </Inline>
      {channelProblem && (
        <Text as="p" color="color.text.danger">
          {channelProblem}
        </Text>
      )}
      <AlertStatus project={saved} />
      <Inline>
        <Button
          appearance="primary"
          isDisabled={!changed || problem !== null || channelProblem !== null}
          isLoading={action.busy}
          onClick={() => void save()}
        >
          Save {saved.projectKey} alerts
        </Button>
      </Inline>
      <ActionError error={action.error} />
    </Stack>
  );
}

/**
 * Alerts turned on per measured project: items passing the SLE, pull requests waiting too long for a first
 * review. Each is announced once, in one message per project after the hourly sync, to the project's channel
 * (the digest's unless the admin names another, which Slack checks on save). Each project says how its alerts went.
 */
export function SlackAlertsSection() {
  const query = useResolver('getSlackAlerts');
  const [projects, setProjects] = useState<ProjectSlackAlerts[] | null>(null);
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
