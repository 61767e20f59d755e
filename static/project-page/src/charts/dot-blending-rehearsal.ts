import { compositeDots, type DotOrigin, type Picture } from './dot-compositing';

/**
 * The page rehearsing the blending of the scatterplot's dots before its first chart.
 *
 * The engine compiles a function well only once it has run it many times: the page's first scatterplot blends its
 * 14,000 dots in slow code, several times the cost of the next one (in headless Chromium, 272 against 77 ms for
 * 14,366 dots on a loaded machine: `npm run bench:dots` with one round and with seven). While the Overview is read,
 * the page blends dots of its own at idle moments, a small batch a step on a small canvas, and throws the picture
 * away: the chart the reader then opens is blended by compiled code. Like the report worker's rehearsal
 * (`report-rehearsal.ts`), it never touches what the page shows.
 */

/** Dots blended in all: enough calls for the engine to compile the blending's loops. */
export const REHEARSED_DOTS = 6_000;
/** Dots a step: a few milliseconds in slow code, so a reader's click waits for at most that. */
const DOTS_A_STEP = 500;
/**
 * Dots of every other step: few beside the canvas, as on the chart of a short period, whose blending lists the pixels
 * its dots cover rather than going over the whole canvas (see `compositeDots`): that path is compiled too.
 */
const FEW_DOTS_A_STEP = 100;
/** The idle time a step needs; less left, it waits for the next idle moment. */
const STEP_MS = 8;
/** The canvas blended on: the dots are laid out on it as a chart's are, most of them wholly inside. */
const CANVAS = { width: 240, height: 120 };

/** A dot as the scatterplot paints one, 10 pixels square: an opaque edge around a translucent fill. */
function rehearsalDot(): Picture {
  const side = 10;
  const data = new Uint8ClampedArray(side * side * 4);
  for (let row = 0; row < side; row++)
    for (let column = 0; column < side; column++) {
      const distance = Math.hypot(row + 0.5 - side / 2, column + 0.5 - side / 2);
      const at = (row * side + column) * 4;
      data.set(distance <= 3 ? [101, 84, 192, 179] : distance <= 4 ? [0, 82, 204, 255] : [0, 0, 0, 0], at);
    }
  return { width: side, height: side, data };
}

/** The dots of one step, many or few in turn: spread over the canvas, a few across its edges. */
function stepOrigins(step: number): DotOrigin[] {
  return Array.from({ length: step % 2 === 0 ? DOTS_A_STEP : FEW_DOTS_A_STEP }, (_, k) => ({
    x: (((step * DOTS_A_STEP + k) * 37) % (CANVAS.width + 8)) - 4,
    y: (((step * DOTS_A_STEP + k) * 11) % (CANVAS.height + 8)) - 4,
  }));
}

/** Blends one step's dots; the picture is thrown away. */
function rehearseStep(step: number, dot: Picture = rehearsalDot()): void {
  compositeDots(CANVAS.width, CANVAS.height, dot, stepOrigins(step));
}

/**
 * Rehearses the blending at the page's idle moments (where the browser has no idle callbacks, after the page's
 * tasks at hand), one step each, until `REHEARSED_DOTS` dots have been blended.
 * @returns a function that stops the rehearsal where it is.
 */
export function rehearseDotBlending(): () => void {
  const dot = rehearsalDot();
  const steps = 2 * Math.ceil(REHEARSED_DOTS / (DOTS_A_STEP + FEW_DOTS_A_STEP));
  let step = 0;
  let cancel = () => {};
  const next = () => {
    if (step >= steps) return;
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback((deadline) => {
        if (deadline.timeRemaining() >= STEP_MS || deadline.didTimeout) rehearseStep(step++, dot);
        next();
      });
      cancel = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(() => {
        rehearseStep(step++, dot);
        next();
      }, 0);
      cancel = () => clearTimeout(handle);
    }
  };
  next();
  return () => {
    step = steps;
    cancel();
  };
}
