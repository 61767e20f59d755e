import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { GitHubWebhookStatus } from '../../../src/shared/resolver-contract';
import { ActionError } from './ActionError';
import { useSettingsAction } from './use-settings-action';

/**
 * GitHub's webhooks, optional: pull requests then update within seconds rather than at the next hourly read.
 * The admin adds a webhook to each watched repository with this address and a secret the app generates. The
 * secret is shown here once, right after it is made, and forgotten by the page as soon as the admin is done.
 */
export function GitHubWebhookPanel({ webhook }: { webhook: GitHubWebhookStatus }) {
  const action = useSettingsAction();
  const [secretSet, setSecretSet] = useState(webhook.secretSet);
  const [shownOnce, setShownOnce] = useState<string | null>(null);

  const generate = async () => {
    const result = await action.run('createGitHubWebhookSecret');
    if (result.ok) {
      setShownOnce(result.data.secret);
      setSecretSet(true);
    }
  };

  return (
    <Stack space="space.100" testId="github-webhook">
      <Heading size="small" as="h3">
        Webhook (optional)
      </Heading>
      <Text as="p" color="color.text.subtle">
        With a webhook, GitHub tells the app when a pull request is opened, reviewed, merged or closed, and the app reads that pull request
        again at once. In each repository, open Settings → Webhooks → Add webhook: Payload URL below, content type application/json, the
        secret below, and only the events &quot;Pull requests&quot; and &quot;Pull request reviews&quot;.
      </Text>
      <Inline space="space.100" alignBlock="center">
        <Text weight="semibold">Payload URL</Text>
        {webhook.url ? (
          <code className="settings-code" data-testid="github-webhook-url">
            {webhook.url}
          </code>
        ) : (
          <Text testId="github-webhook-url">not available just now; reload the page</Text>
        )}
      </Inline>
      <Inline space="space.100" alignBlock="center">
        <Text weight="semibold">Secret</Text>
        <Lozenge appearance={secretSet ? 'success' : 'default'} testId="github-webhook-secret-state">
          {secretSet ? 'Set' : 'Not set'}
        </Lozenge>
      </Inline>
      {shownOnce !== null && (
        <SectionMessage appearance="warning" title="Copy the secret now: it is not shown again" testId="github-webhook-secret-once">
          <Stack space="space.100">
            <code className="settings-code" data-testid="github-webhook-secret">
              {shownOnce}
            </code>
            <Text as="p">
              Paste it into the Secret field of the webhook of every watched repository. Deliveries signed with any earlier secret are
              refused from now on.
            </Text>
            <Inline>
              <Button onClick={() => setShownOnce(null)}>I have copied it</Button>
            </Inline>
          </Stack>
        </SectionMessage>
      )}
      <ActionError error={action.error} />
      {shownOnce === null && (
        <Inline>
          <Button onClick={() => void generate()} isDisabled={action.busy}>
            {secretSet ? 'Replace secret' : 'Generate secret'}
          </Button>
        </Inline>
      )}
    </Stack>
  );
}
