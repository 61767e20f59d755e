import { appAdapters } from './composition-root';

describe('the composition root', () => {
  it('builds each adapter once in an invocation, and again in the next', () => {
    const invocation = appAdapters();
    expect(invocation.measured).toBe(invocation.measured);
    expect(invocation.history).toBe(invocation.history);
    expect(appAdapters().history).not.toBe(invocation.history);
  });

  it('builds nothing until it is asked for', () => {
    const invocation = appAdapters();
    const descriptor = Object.getOwnPropertyDescriptor(invocation, 'history');
    expect(descriptor).toHaveProperty('get');
    expect(descriptor).not.toHaveProperty('value');
  });
});
