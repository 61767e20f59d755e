import ForecastWorkerScript from './forecast.worker?worker';
import type { ForecastWorker } from './forecast-runner';

/**
 * Starts the forecast worker the bundler builds from `forecast.worker.ts` (served from the app's own files,
 * as Forge's content security policy requires); null where the browser has no workers.
 */
export function startForecastWorker(): ForecastWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new ForecastWorkerScript();
}
