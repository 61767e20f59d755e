/** Import first in UI tests: prepares the environment the way `common/mount-page.tsx` does for a page. */
import { resolveAtlaskitFeatureFlagsOff } from '../common/atlaskit-feature-flags';

resolveAtlaskitFeatureFlagsOff();
