import Button from '@atlaskit/button/new';
import Form, { type FormApi } from '@atlaskit/form';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { SubmitButton } from './SubmitButton';
import './settings-form.css';

export interface ConnectionFormProps<Values extends Record<string, unknown>> {
  /** The form's accessible name: what is being changed ("GitHub token", "Slack channel"). */
  label: string;
  /** Whether what is typed is worth sending (see `SubmitButton`). */
  canSubmit: (values: Values) => boolean;
  /** "Check and save…": every change is checked with the service before it is stored. */
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: Values, form: FormApi<Values>) => Promise<void>;
  onCancel: () => void;
  /** The fields: the token (when one is asked for) and what it reaches. */
  children: ReactNode;
}

/**
 * The form a connection section opens to connect, replace the token or change what it reaches; cancelling closes it.
 * The button that opened it is gone once it shows, so the first field takes the focus; Escape cancels, as it would
 * close a dialog.
 */
export function ConnectionForm<Values extends Record<string, unknown>>({
  label,
  canSubmit,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
  children,
}: ConnectionFormProps<Values>) {
  const form = useRef<HTMLDivElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && !busy) {
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <div ref={form} onKeyDown={onKeyDown}>
      <Form<Values> onSubmit={onSubmit} label={label} formProps={{ className: 'settings-form' }}>
        <Stack space="space.150">
          {children}
          <Inline space="space.100">
            <SubmitButton<Values> canSubmit={canSubmit} isLoading={busy}>
              {submitLabel}
            </SubmitButton>
            <Button appearance="subtle" onClick={onCancel} isDisabled={busy}>
              Cancel
            </Button>
          </Inline>
        </Stack>
      </Form>
    </div>
  );
}
