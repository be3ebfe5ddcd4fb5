import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCorpusIndex, sharedCorpus, topLevelPrograms } from './shared-corpus.js';
import { useTempDir } from './use-temp-dir.js';

const temp = useTempDir('aver-corpus-');

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('sharedCorpus', () => {
  it('lists the files of a present corpus, relative and sorted, and reads them', () => {
    temp.write('corpus/b.av', 'fn main() -> Int\n  1\n');
    temp.write('corpus/b.returns', '1');
    temp.write('corpus/a.av', '');
    temp.write('corpus/lib/m.av', '');
    vi.stubEnv('AVER_SHARED_DIR', temp.dir());
    const corpus = sharedCorpus('test');
    expect(corpus.dir).toBe(`${temp.dir()}/corpus`);
    expect(corpus.files).toEqual(['a.av', 'b.av', 'b.returns', 'lib/m.av']);
    expect(topLevelPrograms(corpus)).toEqual(['a.av', 'b.av']);
    expect(corpus.read('b.returns')).toBe('1');
    expect(corpus.read('b.stdout')).toBeNull();
  });

  it('names the committed index when the corpus is absent, with a notice, and reads nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubEnv('AVER_SHARED_DIR', `${temp.dir()}/nowhere`);
    const corpus = sharedCorpus('my suite');
    expect(corpus.dir).toBeNull();
    expect(corpus.files).toEqual(readCorpusIndex());
    expect(corpus.read(corpus.files[0]!)).toBeNull();
    expect(warn).toHaveBeenCalledWith(
      `[my suite] shared corpus not found at ${temp.dir()}/nowhere/corpus (set AVER_SHARED_DIR): its tests are skipped`,
    );
  });
});

describe('the committed corpus index', () => {
  it('lists programs and expected-output files, sorted and without repeats', () => {
    const files = readCorpusIndex();
    expect(files.length).toBeGreaterThan(10);
    expect(files).toEqual([...new Set(files)].sort());
    expect(files.filter((file) => !/\.(av|stdout|returns)$/.test(file))).toEqual([]);
    expect(files).toContain('hello.av');
  });
});
