import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import type { ResolverError, ResolverErrorCode } from '../../src/shared/resolver-contract';

const TITLES: Record<Exclude<ResolverErrorCode, 'FORBIDDEN'>, string> = {
  INVALID_INPUT: 'The request was not valid',
  NOT_FOUND: 'Not found',
  RATE_LIMITED: 'Too many requests right now',
  UNAVAILABLE: 'Flow metrics is unavailable right now',
  NOT_CONFIGURED: 'Setup needed',
  INTERNAL: 'Something went wrong',
};

export interface ResolverErrorMessageProps {
  error: ResolverError;
  onRetry: () => void;
  /** Shown alone, without details or a retry, when the caller may not see this page at all. */
  forbiddenMessage: string;
}

/** Explains a failed resolver call: a plain "no access" for FORBIDDEN, otherwise the error and a Retry. */
export function ResolverErrorMessage({ error, onRetry, forbiddenMessage }: ResolverErrorMessageProps) {
  if (error.code === 'FORBIDDEN') {
    return (
      <SectionMessage appearance="warning" testId="access-denied">
        <Text as="p">{forbiddenMessage}</Text>
      </SectionMessage>
    );
  }
  return (
    <SectionMessage appearance="error" title={TITLES[error.code]} testId="load-error">
      <Stack space="space.150">
        <Text as="p">{error.message}</Text>
        <Inline>
          <Button onClick={onRetry} testId="retry">
            Retry
          </Button>
        </Inline>
      </Stack>
    </SectionMessage>
  );
}
