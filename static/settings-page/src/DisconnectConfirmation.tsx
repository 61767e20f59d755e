import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';

export interface DisconnectConfirmationProps {
  /** The service as people name it: "GitHub", "Slack". */
  serviceName: string;
  testId: string;
  /** What stops working once the stored token is gone. */
  consequence: string;
  busy: boolean;
  onDisconnect: () => void;
  onKeep: () => void;
}

/** Disconnecting deletes the stored token at once, so the admin confirms it first. */
export function DisconnectConfirmation({ serviceName, testId, consequence, busy, onDisconnect, onKeep }: DisconnectConfirmationProps) {
  return (
    <SectionMessage appearance="warning" title={`Disconnect ${serviceName}?`} testId={testId}>
      <Stack space="space.100">
        <Text as="p">The stored token is deleted at once. {consequence}</Text>
        <Inline space="space.100">
          <Button appearance="danger" onClick={onDisconnect} isLoading={busy}>
            Disconnect
          </Button>
          <Button appearance="subtle" onClick={onKeep} isDisabled={busy}>
            Keep it
          </Button>
        </Inline>
      </Stack>
    </SectionMessage>
  );
}
