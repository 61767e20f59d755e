import type { Pause } from '../../ports';

/** A real wait, on a timer. */
export const timerPause: Pause = {
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
