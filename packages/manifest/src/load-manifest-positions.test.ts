import { useTempDir } from '@aver/test-utils';
import { ParseError } from 'toml-eslint-parser';
import { describe, expect, it, vi } from 'vitest';
import { loadManifest } from './load-manifest.js';
import { ManifestError } from './manifest-error.js';

// The position parser rejecting a document smol-toml accepted: no such document is known (the two agree on
// TOML 1.1), so the disagreement is simulated to pin what the loader does then.
vi.mock('./key-positions.js', () => ({
  keyPositions: () => {
    throw new ParseError('unexpected-token', 12, 2, 4);
  },
}));

const temp = useTempDir('aver-manifest-');

describe('loadManifest when the position parser rejects the text', () => {
  it('reports a positioned parse error instead of going on without positions', () => {
    temp.write('main.av', 'fn main() -> Int\n    1\n');
    const file = temp.write('scenario.toml', 'entry = "main.av"\nwarmup = 1\n');
    let error: unknown;
    try {
      loadManifest(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ManifestError);
    const manifestError = error as ManifestError;
    expect([manifestError.kind, manifestError.line, manifestError.column]).toEqual(['parse', 2, 5]);
    expect(manifestError.message).toBe(
      `${file}: TOML parse error at line 2, column 5\n  |\n2 | warmup = 1\n  |     ^\nUnexpected token`,
    );
  });
});
