import { mountPage } from '../../common/mount-page';
import { App } from './App';

mountPage(<App />).catch((error: unknown) => {
  console.error('The page could not start', error);
});
