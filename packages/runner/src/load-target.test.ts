import { pathToFileURL } from 'node:url';
import { useTempDir } from '@aver/test-utils';
import { describe, expect, it } from 'vitest';
import { isTargetRunner, loadTarget } from './load-target.js';
import { RunError } from './run-error.js';

const temp = useTempDir('aver-load-target-');

const TARGET_BODY = `{
  name: 'tiny',
  moduleUrl: 'set-below',
  prepare: () => ({ passesApplied: [], compilerVisibleAllocs: null, backend: {}, runOnce: () => 'ok' }),
}`;

function moduleUrl(file: string, source: string): string {
  return pathToFileURL(temp.write(file, source)).href;
}

async function failure(promise: Promise<unknown>): Promise<RunError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (error instanceof RunError) return error;
  throw new Error(`expected a RunError, got ${String(error)}`);
}

describe('loadTarget', () => {
  it('imports an ES module and takes its `target` export', async () => {
    const url = moduleUrl('tiny.mjs', `export const target = ${TARGET_BODY};`);
    const loaded = await loadTarget(url, 'tiny', null);
    expect(loaded.target.name).toBe('tiny');
    expect(loaded.script).toBeNull();
    expect(await loaded.target.prepare({} as never)).toMatchObject({ passesApplied: [] });
  });

  it('runs a CommonJS module with require, module and __filename, and reuses a code cache', async () => {
    const url = moduleUrl(
      'tiny.cjs',
      `const path = require('node:path');\nmodule.exports.where = path.basename(__filename);\nexports.target = ${TARGET_BODY};`,
    );
    const first = await loadTarget(url, 'tiny', null);
    expect(first.target.name).toBe('tiny');
    expect(first.script).not.toBeNull();
    const cache = first.script!.createCachedData();
    const second = await loadTarget(url, 'tiny', cache);
    expect(second.codeCacheRejected).toBe(false);
    expect(second.target.name).toBe('tiny');
  });

  it('compiles the text the caller read instead of reading the file again', async () => {
    const url = moduleUrl('given.cjs', 'exports.target = null;');
    const loaded = await loadTarget(url, 'tiny', null, `exports.target = ${TARGET_BODY};`);
    expect(loaded.target.name).toBe('tiny');
  });

  it('says when V8 refuses a code cache, and still loads the module', async () => {
    const url = moduleUrl('plain.cjs', `exports.target = ${TARGET_BODY};`);
    const loaded = await loadTarget(url, 'tiny', new Uint8Array([1, 2, 3, 4]));
    expect(loaded.codeCacheRejected).toBe(true);
    expect(loaded.target.name).toBe('tiny');
  });

  it('reports a module that cannot be loaded as a setup error with the first line of the reason', async () => {
    const url = moduleUrl('broken.mjs', 'export const target = ;');
    const error = await failure(loadTarget(url, 'tiny', null));
    expect(error.kind).toBe('setup');
    expect(error.message.startsWith(`cannot load target 'tiny' from ${url}: `)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('refuses a module without a `target` export, or with a target of another name', async () => {
    const none = moduleUrl('none.mjs', 'export const runner = {};');
    expect(await failure(loadTarget(none, 'tiny', null))).toEqual(
      new RunError(
        'setup',
        `${none} does not export \`target\`, a bench target named 'tiny' (name, moduleUrl, prepare)`,
      ),
    );
    const other = moduleUrl('other.mjs', `export const target = ${TARGET_BODY};`);
    expect(await failure(loadTarget(other, 'js', null))).toEqual(
      new RunError('setup', `${other} exports bench target 'tiny', not 'js'`),
    );
  });
});

describe('isTargetRunner', () => {
  it('needs a name, a module URL and prepare', () => {
    expect(isTargetRunner({ name: 'a', moduleUrl: 'file:///a.js', prepare: () => null })).toBe(true);
    expect(isTargetRunner({ name: 'a', prepare: () => null })).toBe(false);
    expect(isTargetRunner({ name: 'a', moduleUrl: 'file:///a.js', run: () => null })).toBe(false);
    expect(isTargetRunner(null)).toBe(false);
  });
});
