import type { LocalPlatform } from './local-platform';

/**
 * What Forge does unasked while an app is installed: deliver queued events soon after they are pushed and run
 * scheduled triggers on their intervals. `npm start` turns this on; tests leave it off and drive the queue and
 * triggers themselves through the control API, so they stay deterministic.
 */
const INTERVAL_MS: Record<string, number> = {
  fiveMinute: 5 * 60_000,
  hour: 60 * 60_000,
  day: 24 * 60 * 60_000,
  week: 7 * 24 * 60 * 60_000,
};

export function runBackgroundJobs(platform: LocalPlatform, report: (message: string) => void): () => void {
  let draining = false;
  const pump = setInterval(() => {
    if (draining || platform.queue.size === 0) return;
    draining = true;
    platform
      .drainQueue()
      .then(({ processed }) => report(`processed ${processed} queued event(s)`))
      .catch((error: unknown) => report(`queue: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        draining = false;
      });
  }, 1000);

  const schedules = [...platform.manifest.scheduledTriggers].map(([key, trigger]) =>
    setInterval(() => {
      platform
        .runScheduledTrigger(key)
        .catch((error: unknown) => report(`${key}: ${error instanceof Error ? error.message : String(error)}`));
    }, INTERVAL_MS[trigger.interval] ?? INTERVAL_MS.hour!),
  );

  return () => {
    clearInterval(pump);
    schedules.forEach(clearInterval);
  };
}
