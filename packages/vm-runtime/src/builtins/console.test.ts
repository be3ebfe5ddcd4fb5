import { describe, expect, it } from 'vitest';
import { listFromArray, type RecordType, RecordValue, UNIT, WrapKind, WrapValue } from '../values.js';
import { ReadLineError } from './read-line-error.js';
import { callBuiltinWith, recordingHost } from './test-helpers.js';

describe('Console built-ins', () => {
  it('prints a String raw and any other value with the display rules', () => {
    const host = recordingHost();
    callBuiltinWith(host, 'Console.print', 'Hello, "world"');
    callBuiltinWith(host, 'Console.print', listFromArray(['a', 'b']));
    callBuiltinWith(host, 'Console.print', 12.0);
    const user: RecordType = { name: 'User', fieldNames: ['name'] };
    callBuiltinWith(host, 'Console.print', new RecordValue(user, ['Alice']));
    expect(host.out).toEqual(['Hello, "world"', '["a", "b"]', '12', 'User(name: "Alice")']);
    expect(host.err).toEqual([]);
  });

  it('prints nothing at all for Unit', () => {
    const host = recordingHost();
    expect(callBuiltinWith(host, 'Console.print', UNIT)).toBe(UNIT);
    expect(host.out).toEqual([]);
  });

  it('writes errors and warnings to stderr, warnings prefixed', () => {
    const host = recordingHost();
    callBuiltinWith(host, 'Console.error', 'bad');
    callBuiltinWith(host, 'Console.warn', 'careful');
    callBuiltinWith(host, 'Console.warn', 3);
    expect(host.err).toEqual(['bad', '[warn] careful', '[warn] 3']);
    expect(host.out).toEqual([]);
  });

  it('reads lines until end of input, then Err("EOF")', () => {
    const host = recordingHost({ input: ['first', ''] });
    expect(callBuiltinWith(host, 'Console.readLine')).toEqual(new WrapValue(WrapKind.Ok, 'first'));
    expect(callBuiltinWith(host, 'Console.readLine')).toEqual(new WrapValue(WrapKind.Ok, ''));
    expect(callBuiltinWith(host, 'Console.readLine')).toEqual(new WrapValue(WrapKind.Err, 'EOF'));
  });

  it('gives the io error as an Err when stdin cannot be read (a directory), like the reference', () => {
    const host = {
      ...recordingHost(),
      readLine: () => {
        throw new ReadLineError('Is a directory (os error 21)');
      },
    };
    expect(callBuiltinWith(host, 'Console.readLine')).toEqual(
      new WrapValue(WrapKind.Err, 'Is a directory (os error 21)'),
    );
  });
});
