/**
 * Fakes `Date` alone, for tests that move the calendar (a day passes, retention runs out) while the local
 * platform keeps running: its emulators, the Forge SDKs' requests and the harness wait on real timers and
 * microtasks, which a fully faked clock would freeze. Undo with `jest.useRealTimers()`.
 */
export function fakeTheDateOnly(): void {
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}
