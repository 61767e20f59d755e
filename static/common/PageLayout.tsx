import type { ReactNode } from 'react';
import { Box } from '@atlaskit/primitives/compiled/box';

/** The frame every page renders in: the app's surface colour and the standard page gutter. */
export function PageLayout({ children }: { children: ReactNode }) {
  return (
    <Box as="main" backgroundColor="elevation.surface" paddingBlock="space.300" paddingInline="space.300">
      {children}
    </Box>
  );
}
