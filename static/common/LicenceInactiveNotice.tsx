import { Text } from '@atlaskit/primitives/compiled/text';
import SectionMessage from '@atlaskit/section-message';
import { LICENCE_INACTIVE_DUTIES, LICENCE_INACTIVE_MESSAGE, LICENCE_INACTIVE_TITLE } from '../../src/shared/installation-licence';

/**
 * Said at the top of both pages while the site's licence is inactive, from the licence state the resolver
 * read in Forge's context: what the app still shows, what it has stopped, and where the licence is renewed.
 * Admins also learn what keeps running regardless.
 */
export function LicenceInactiveNotice({ forAdmins = false }: { forAdmins?: boolean }) {
  return (
    <SectionMessage appearance="warning" title={LICENCE_INACTIVE_TITLE} testId="licence-inactive">
      <Text as="p">{LICENCE_INACTIVE_MESSAGE}</Text>
      {forAdmins && <Text as="p">{LICENCE_INACTIVE_DUTIES}</Text>}
    </SectionMessage>
  );
}
