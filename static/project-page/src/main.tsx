import { mountPage } from '../../common/mount-page';
import { App } from './App';
import { linkNamesAView } from './ProjectMetrics';
import { startFirstOpen } from './use-project-view';

// The project view's requests leave now, beside the page's own, rather than once the page has drawn its frame.
startFirstOpen(linkNamesAView);
mountPage(<App />).catch((error: unknown) => {
  console.error('The page could not start', error);
});
