import { Box } from '@atlaskit/primitives/compiled/box';
import { Text } from '@atlaskit/primitives/compiled/text';

/** What a view shows when the filtered data has nothing for it. */
export function EmptyView({ testId, message }: { testId: string; message: string }) {
  return (
    <Box paddingBlock="space.300" testId={testId}>
      <Text as="p" color="color.text.subtle" testId={`${testId}-empty`}>
        {message}
      </Text>
    </Box>
  );
}
