import type { Clock } from '../../ports';

/** The platform's clock. Use-cases get time only through a `Clock`, so tests can fix it. */
export const systemClock: Clock = { now: () => new Date() };
