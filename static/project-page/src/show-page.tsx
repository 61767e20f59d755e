import { mountPage } from '../../common/mount-page';
import { App } from './App';

/** Draws the page (imported apart from the page's first requests, see first-requests.ts). */
export function showPage(): Promise<void> {
  return mountPage(<App />);
}
