// The package's entry is this stylesheet; naming the file lets tools that key on `.css` recognise it.
import '@atlaskit/css-reset/dist/bundle.css';
import 'virtual:token-themes.css';
import { StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveAtlaskitFeatureFlagsOff } from './atlaskit-feature-flags';
import { enableTheming } from './theme';

/** How long the first render waits for the theme, so a dark Jira does not flash a light page. */
const THEME_WAIT_MS = 1000;

/** Themes the document and renders a page's root component into `#root`. */
export async function mountPage(page: ReactElement): Promise<void> {
  const container = document.getElementById('root');
  if (container === null) throw new Error('The page has no #root element');
  resolveAtlaskitFeatureFlagsOff();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waitLimit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, THEME_WAIT_MS);
  });
  await Promise.race([enableTheming(), waitLimit]);
  clearTimeout(timer);
  createRoot(container).render(<StrictMode>{page}</StrictMode>);
}
