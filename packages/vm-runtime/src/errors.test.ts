import { describe, expect, it } from 'vitest';
import { AverRuntimeError, InternalError, matchFailure } from './errors.js';

describe('AverRuntimeError', () => {
  it('formats without a line until the VM attaches one', () => {
    const error = new AverRuntimeError('division by zero');
    expect(error.message).toBe('division by zero');
    expect(error.kind).toBe('runtime');
    expect(error.format()).toBe('Runtime error: division by zero');
    error.line = 12;
    expect(error.format()).toBe('Runtime error [line 12]: division by zero');
  });

  it('formats a failed match as the reference VM does', () => {
    const error = matchFailure(7);
    expect(error.kind).toBe('match');
    expect(error.format()).toBe('Non-exhaustive match at line 7');
  });

  it('is an Error, distinct from InternalError', () => {
    expect(new AverRuntimeError('x')).toBeInstanceOf(Error);
    expect(new InternalError('stack underflow').message).toBe('Internal error: stack underflow');
    expect(new InternalError('x')).not.toBeInstanceOf(AverRuntimeError);
  });
});
