import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { useEffect, useRef, type ReactNode } from 'react';
import type { SealingStatus } from '../../../src/shared/resolver-contract';

export interface ConnectionActionsProps {
  /** The service as people name it: "GitHub", "Slack". */
  serviceName: string;
  connected: boolean;
  sealing: SealingStatus;
  /** Opens the token form, to connect or to replace the stored token. */
  onToken: () => void;
  /** Opens the disconnect confirmation. */
  onDisconnect: () => void;
  /** The section's own buttons that come first (e.g. "Send test message"). */
  leading?: ReactNode;
  /** The section's own changes to what the token reaches (repositories, channel), between the token and disconnecting. */
  children?: ReactNode;
  /**
   * Whether the first button takes the keyboard focus as the buttons appear: true when they come back after a form or
   * confirmation closed (the button that had the focus is gone), false on the page's first load.
   */
  takeFocus?: boolean;
}

/**
 * The buttons under a connection while no form is open. Without a sealing key no token can be stored, so there is
 * nothing to connect or replace; a token stored before can still be disconnected.
 */
export function ConnectionActions({
  serviceName,
  connected,
  sealing,
  onToken,
  onDisconnect,
  leading,
  children,
  takeFocus = false,
}: ConnectionActionsProps) {
  const buttons = useRef<HTMLDivElement>(null);
  const focusOnArrival = useRef(takeFocus);
  useEffect(() => {
    if (focusOnArrival.current) buttons.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
    // Only as the buttons appear: later renders leave the focus where the admin put it.
  }, []);
  if (!connected && !sealing.configured) return null;
  return (
    <div ref={buttons}>
      <Inline space="space.100">
        {leading}
        {sealing.configured && (
          <Button appearance={connected ? 'default' : 'primary'} onClick={onToken}>
            {connected ? 'Replace token' : `Connect ${serviceName}`}
          </Button>
        )}
        {children}
        {connected && (
          <Button appearance="subtle" onClick={onDisconnect}>
            Disconnect
          </Button>
        )}
      </Inline>
    </div>
  );
}
