import { startFirstRequests } from './first-requests';

// The first requests leave now; the components, imported apart so that the browser loads them meanwhile,
// draw the page once they are loaded (see first-requests.ts).
startFirstRequests();
import('./show-page')
  .then(({ showPage }) => showPage())
  .catch((error: unknown) => {
    console.error('The page could not start', error);
  });
