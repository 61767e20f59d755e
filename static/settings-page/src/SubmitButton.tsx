import Button from '@atlaskit/button/new';
import { useFormState } from '@atlaskit/form';
import type { ReactNode } from 'react';

export interface SubmitButtonProps<Values> {
  /** Whether what is typed is worth sending, beyond each field being valid (e.g. nothing required left empty). */
  canSubmit: (values: Values) => boolean;
  isLoading?: boolean;
  isDisabled?: boolean;
  children: ReactNode;
}

/**
 * The submit button of an Atlaskit form on this page: enabled only while every field is valid and the values are
 * worth sending, so the admin sees why a form cannot go before pressing anything.
 */
export function SubmitButton<Values extends Record<string, unknown>>({
  canSubmit,
  isLoading,
  isDisabled,
  children,
}: SubmitButtonProps<Values>) {
  const form = useFormState<Values>({ values: true, valid: true });
  const ready = form !== undefined && form.valid && canSubmit(form.values);
  return (
    <Button type="submit" appearance="primary" isLoading={isLoading} isDisabled={!ready || isDisabled}>
      {children}
    </Button>
  );
}
