import { describe, expect, it } from 'vitest';
import { closestKey } from './closest-key.js';

const KEYS = ['entry', 'name', 'iterations', 'warmup', 'args'];

describe('closestKey', () => {
  it('suggests the known key one or two edits away', () => {
    expect(closestKey('itrations', KEYS)).toBe('iterations');
    expect(closestKey('warmpu', KEYS)).toBe('warmup');
    expect(closestKey('Entry', KEYS)).toBe('entry');
  });

  it('suggests nothing when no key is close', () => {
    expect(closestKey('colour', KEYS)).toBeNull();
  });
});
