import { expect } from '@jest/globals';
import { isProjectKey, requireProjectKey } from './project-key';

describe('project keys', () => {
  it.each(['FLOW', 'A1', 'BUG_QUEUE', 'X'])('accepts %s', (key) => expect(isProjectKey(key)).toBe(true));

  it.each(['flow', '1ABC', 'AB-1', 'A B', 'FLOW"', 'FLOW OR project=X', '', 'Ä', 42, null, undefined])('refuses %p', (key) =>
    expect(() => requireProjectKey(key)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' })),
  );
});
