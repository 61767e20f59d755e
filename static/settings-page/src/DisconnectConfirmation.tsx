import { InlineConfirmation } from './InlineConfirmation';

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
    <InlineConfirmation
      title={`Disconnect ${serviceName}?`}
      consequence={`The stored token is deleted at once. ${consequence}`}
      confirmLabel="Disconnect"
      confirmAppearance="danger"
      cancelLabel="Keep it"
      testId={testId}
      busy={busy}
      onConfirm={onDisconnect}
      onCancel={onKeep}
    />
  );
}
