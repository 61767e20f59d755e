import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverError } from '../../../src/shared/resolver-contract';

export interface ActionErrorProps {
  error: ResolverError | null;
  testId?: string;
  /** What did not happen, when the action was not a change to save (e.g. "Test message not sent"). */
  title?: string;
}

/** Why a change was not made, in the resolver's own words (which never carry a token). */
export function ActionError({ error, testId = 'action-error', title }: ActionErrorProps) {
  if (error === null) return null;
  const setup = error.code === 'NOT_CONFIGURED';
  return (
    <SectionMessage appearance={setup ? 'warning' : 'error'} title={title ?? (setup ? 'Setup needed' : 'Not saved')} testId={testId}>
      <Text as="p">{error.message}</Text>
    </SectionMessage>
  );
}
