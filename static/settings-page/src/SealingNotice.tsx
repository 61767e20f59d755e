import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import type { SealingStatus } from '../../../src/shared/resolver-contract';

/**
 * Shown instead of a token form when the app cannot seal tokens: without a sealing key it refuses to store
 * any, and the admin should know before typing one.
 */
export function SealingNotice({ sealing }: { sealing: SealingStatus }) {
  if (sealing.configured) return null;
  return (
    <SectionMessage appearance="warning" title="Tokens cannot be stored yet" testId="sealing-notice">
      <Text as="p">
        Flow metrics seals every token with its own encryption key before storing it, and no key is configured for this installation.
        Whoever deploys the app must set the encrypted variable FLOW_METRICS_SEALING_KEYS.
      </Text>
      {sealing.problem && <Text as="p">{sealing.problem}</Text>}
    </SectionMessage>
  );
}
