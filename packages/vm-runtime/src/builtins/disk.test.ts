import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ListValue, listToArray, UNIT, WrapKind, WrapValue } from '../values.js';
import { callBuiltin } from './test-helpers.js';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'aver-disk-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const ok = (value: WrapValue['value']) => new WrapValue(WrapKind.Ok, value);

describe('Disk built-ins', () => {
  it('writes, appends, reads and deletes a file', () => {
    const file = join(root, 'notes.txt');
    expect(callBuiltin('Disk.exists', file)).toBe(false);
    expect(callBuiltin('Disk.writeText', file, 'zażółć\n')).toEqual(ok(UNIT));
    expect(callBuiltin('Disk.appendText', file, 'more')).toEqual(ok(UNIT));
    expect(callBuiltin('Disk.readText', file)).toEqual(ok('zażółć\nmore'));
    expect(callBuiltin('Disk.exists', file)).toBe(true);
    expect(callBuiltin('Disk.delete', file)).toEqual(ok(UNIT));
    expect(callBuiltin('Disk.exists', file)).toBe(false);
  });

  it('reads like read_to_string: invalid UTF-8 is an Err, a byte-order mark stays in the text', () => {
    const binary = join(root, 'binary.bin');
    writeFileSync(binary, Buffer.from([0x61, 0xff, 0xfe]));
    expect(callBuiltin('Disk.readText', binary)).toEqual(
      new WrapValue(WrapKind.Err, `Disk.readText '${binary}': stream did not contain valid UTF-8`),
    );
    const bom = join(root, 'bom.txt');
    writeFileSync(bom, Buffer.from([0xef, 0xbb, 0xbf, 0x61]));
    expect(callBuiltin('Disk.readText', bom)).toEqual(ok('\ufeffa'));
  });

  it('makes, lists and deletes directories', () => {
    const dir = join(root, 'a', 'b');
    expect(callBuiltin('Disk.makeDir', dir)).toEqual(ok(UNIT));
    callBuiltin('Disk.writeText', join(dir, 'z.txt'), '');
    callBuiltin('Disk.writeText', join(dir, 'y.txt'), '');
    const listing = callBuiltin('Disk.listDir', dir) as WrapValue;
    expect(listToArray(listing.value as ListValue)).toEqual(['y.txt', 'z.txt']);
    expect(callBuiltin('Disk.deleteDir', join(root, 'a'))).toEqual(ok(UNIT));
    expect(callBuiltin('Disk.exists', dir)).toBe(false);
  });

  it('reports failures as Err text, phrased like Rust io errors', () => {
    const missing = join(root, 'missing.txt');
    expect(callBuiltin('Disk.readText', missing)).toEqual(
      new WrapValue(WrapKind.Err, `Disk.readText '${missing}': No such file or directory (os error 2)`),
    );
    const file = join(root, 'f.txt');
    callBuiltin('Disk.writeText', file, 'x');
    expect(callBuiltin('Disk.deleteDir', file)).toEqual(
      new WrapValue(WrapKind.Err, `Disk.deleteDir '${file}': Not a directory (os error 20)`),
    );
    expect((callBuiltin('Disk.listDir', missing) as WrapValue).wrap).toBe(WrapKind.Err);
  });
});
