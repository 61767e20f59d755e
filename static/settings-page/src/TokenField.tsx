import { ErrorMessage, Field } from '@atlaskit/form';
import type { FormApi } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';

/** The name of the token field in the form that holds it. */
const TOKEN_FIELD = 'token';

export interface TokenFieldProps {
  id: string;
  label: string;
  /** Why what was typed cannot be this kind of token, or null. Called with the trimmed value, never empty. */
  problemOf: (token: string) => string | null;
}

/**
 * Where an admin pastes a token, inside an Atlaskit form: masked, never offered for autofill or spell-checking
 * (which could send it to a dictionary service). The form forgets it with `forgetToken` as soon as it is sent.
 */
export function TokenField({ id, label, problemOf }: TokenFieldProps) {
  const validate = (value: string | undefined) => {
    const token = value?.trim() ?? '';
    return token === '' ? undefined : (problemOf(token) ?? undefined);
  };
  return (
    <Field<string> name={TOKEN_FIELD} id={id} label={label} defaultValue="" validate={validate}>
      {({ fieldProps, error }) => (
        <>
          <Textfield {...fieldProps} type="password" autoComplete="off" spellCheck={false} />
          {error && <ErrorMessage>{error}</ErrorMessage>}
        </>
      )}
    </Field>
  );
}

/** Empties the token field before the token is sent, so it is gone from the page whatever the answer is. */
export function forgetToken<Values extends { token?: string }>(form: FormApi<Values>): void {
  form.change(TOKEN_FIELD, '');
}
