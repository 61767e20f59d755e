import { startFirstRequests } from './first-requests';

// The first requests leave now; the components, imported apart so that the browser loads them meanwhile,
// draw the page once they are loaded (see first-requests.ts).
startFirstRequests();
import('./show-page')
  .then(({ showPage }) => showPage())
  .catch((error: unknown) => {
    console.error('The page could not start', error);
    // Without the components there is no React to draw with: a plain sentence rather than an empty frame.
    const root = document.getElementById('root');
    if (root !== null && root.childElementCount === 0) {
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = 'Flow metrics could not load. Reload the page to try again.';
      root.append(message);
    }
  });
