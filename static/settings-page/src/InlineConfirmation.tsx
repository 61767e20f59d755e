import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface InlineConfirmationProps {
  /** The question: "Disconnect GitHub?", "Rebuild SPR from scratch?". */
  title: string;
  /** What happens if the admin goes ahead. */
  consequence: string;
  confirmLabel: string;
  /** 'danger' for what cannot be undone, 'warning' for what only costs time. */
  confirmAppearance: 'danger' | 'warning';
  cancelLabel: string;
  testId: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question asked in place before a change that is hard to take back. It takes the keyboard focus when it appears,
 * on the answer that changes nothing, so a keyboard user lands on it and an Enter pressed out of habit is harmless;
 * Escape answers it the same way, as it would close a dialog.
 */
export function InlineConfirmation(props: InlineConfirmationProps) {
  const { title, consequence, confirmLabel, confirmAppearance, cancelLabel, testId, busy, onConfirm, onCancel } = props;
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !busy) {
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    // The keydown listener only catches Escape bubbling from the buttons inside; the buttons stay the controls.
    <div onKeyDown={onKeyDown}>
      <SectionMessage appearance="warning" title={title} testId={testId}>
        <Stack space="space.100">
          <Text as="p">{consequence}</Text>
          <Inline space="space.100">
            <Button appearance={confirmAppearance} onClick={onConfirm} isLoading={busy}>
              {confirmLabel}
            </Button>
            <Button ref={cancel} appearance="subtle" onClick={onCancel} isDisabled={busy}>
              {cancelLabel}
            </Button>
          </Inline>
        </Stack>
      </SectionMessage>
    </div>
  );
}
