import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import Spinner from '@atlaskit/spinner';

export function LoadingState({ label = 'Loading' }: { label?: string }) {
  return (
    <Box paddingBlock="space.600" testId="page-loading">
      <Inline alignInline="center">
        <Spinner size="large" label={label} />
      </Inline>
    </Box>
  );
}
