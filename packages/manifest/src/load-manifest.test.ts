import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from './load-manifest.js';
import { ManifestError } from './manifest-error.js';
import { useTempDir } from '@aver/test-utils';

const temp = useTempDir('aver-manifest-');

/** Writes `main.av` and `scenario.toml` (with `toml` as its text) and returns the manifest path. */
function scenario(toml: string): string {
  temp.write('main.av', 'fn main() -> Int\n    1\n');
  return temp.write('scenario.toml', toml);
}

function loadError(manifestPath: string): ManifestError {
  try {
    loadManifest(manifestPath);
  } catch (error) {
    if (error instanceof ManifestError) return error;
    throw error;
  }
  throw new Error(`expected ${manifestPath} to fail`);
}

describe('loadManifest defaults', () => {
  it('fills in iterations 10, warmup 1, no args, no expectations and tolerance 20/30', () => {
    const file = scenario('entry = "main.av"\n');
    const manifest = loadManifest(file);
    expect(manifest).toEqual({
      path: file,
      name: 'scenario',
      entry: path.join(temp.dir(), 'main.av'),
      moduleRoot: temp.dir(),
      iterations: 10,
      warmup: 1,
      args: [],
      expected: { responseBytes: null, responseBytesMin: null, responseBytesMax: null },
      tolerance: { wall_time_p50_pct: 20, wall_time_p95_pct: 30 },
      effects: { allow: [], diskRoot: null },
      timeoutMs: 300_000,
      memoryLimitMb: null,
      warnings: [],
    });
  });

  it('reads the time and memory limits', () => {
    const file = scenario('entry = "main.av"\ntimeout_ms = 2500\nmemory_limit_mb = 256\n');
    const manifest = loadManifest(file);
    expect([manifest.timeoutMs, manifest.memoryLimitMb]).toEqual([2500, 256]);
  });

  it('rejects a time or memory limit that is not a positive integer', () => {
    const file = scenario('entry = "main.av"\ntimeout_ms = 0\nmemory_limit_mb = 1.5\n');
    expect(loadError(file).message).toBe(
      [
        `${file}: \`timeout_ms\` must be a positive integer, found 0 (line 2, column 14)`,
        `${file}: \`memory_limit_mb\` must be an integer, found a float (1.5) (line 3, column 19)`,
      ].join('\n'),
    );
  });

  it('reads every documented key of the canonical example', () => {
    const file = scenario(
      [
        'name       = "fib"',
        'entry      = "main.av"',
        'iterations = 30',
        'warmup     = 0',
        'args       = ["--n", "15"]',
        '[expected]',
        'response_bytes     = 3',
        'response_bytes_min = 1',
        'response_bytes_max = 9',
        '[tolerance]',
        'wall_time_p50_pct = 25.5',
        'wall_time_p95_pct = 35.0',
      ].join('\n'),
    );
    const manifest = loadManifest(file);
    expect(manifest.name).toBe('fib');
    expect(manifest.iterations).toBe(30);
    expect(manifest.warmup).toBe(0);
    expect(manifest.args).toEqual(['--n', '15']);
    expect(manifest.expected).toEqual({ responseBytes: 3, responseBytesMin: 1, responseBytesMax: 9 });
    expect(manifest.tolerance).toEqual({ wall_time_p50_pct: 25.5, wall_time_p95_pct: 35 });
  });

  it('reads the opt-in instructions_pct tolerance only when it is set', () => {
    const manifest = loadManifest(scenario('entry = "main.av"\n[tolerance]\ninstructions_pct = 0\n'));
    expect(manifest.tolerance).toEqual({ wall_time_p50_pct: 20, wall_time_p95_pct: 30, instructions_pct: 0 });
    expect(manifest.warnings).toEqual([]);
    expect(() => loadManifest(scenario('entry = "main.av"\n[tolerance]\ninstructions_pct = -1\n'))).toThrow(
      /instructions_pct/,
    );
  });

  it('reads wall_time_effect_pct only when it is set, and rejects a negative one', () => {
    const manifest = loadManifest(scenario('entry = "main.av"\n[tolerance]\nwall_time_effect_pct = 7.5\n'));
    expect(manifest.tolerance).toEqual({
      wall_time_p50_pct: 20,
      wall_time_p95_pct: 30,
      wall_time_effect_pct: 7.5,
    });
    expect(manifest.warnings).toEqual([]);
    expect(() =>
      loadManifest(scenario('entry = "main.av"\n[tolerance]\nwall_time_effect_pct = -1\n')),
    ).toThrow(/wall_time_effect_pct/);
  });

  it('accepts integer tolerances, which the reference silently ignores', () => {
    const manifest = loadManifest(scenario('entry = "main.av"\n[tolerance]\nwall_time_p50_pct = 25\n'));
    expect(manifest.tolerance).toEqual({ wall_time_p50_pct: 25, wall_time_p95_pct: 30 });
  });

  it('accepts inline and dotted tables', () => {
    const manifest = loadManifest(
      scenario('entry = "main.av"\nexpected = { response_bytes = 1 }\ntolerance.wall_time_p95_pct = 50.0\n'),
    );
    expect(manifest.expected.responseBytes).toBe(1);
    expect(manifest.tolerance.wall_time_p95_pct).toBe(50);
  });

  it('skips a UTF-8 byte order mark', () => {
    const manifest = loadManifest(scenario('\uFEFFentry = "main.av"\n'));
    expect(manifest.iterations).toBe(10);
  });
});

describe('loadManifest paths', () => {
  it('joins a relative entry to the manifest folder without normalising `..`', () => {
    temp.write('tools/edge/bench.av', 'fn main() -> Int\n    1\n');
    const file = temp.write('bench/scenarios/edge.toml', 'entry = "../../tools/edge/bench.av"\n');
    const manifest = loadManifest(file);
    expect(manifest.entry).toBe(
      `${path.join(temp.dir(), 'bench/scenarios')}${path.sep}../../tools/edge/bench.av`,
    );
    expect(manifest.moduleRoot).toBe(
      `${path.join(temp.dir(), 'bench/scenarios')}${path.sep}../../tools/edge`,
    );
  });

  it('keeps an entry CWD-relative when the manifest path is a bare file name', () => {
    temp.write('main.av', 'fn main() -> Int\n    1\n');
    temp.write('bare.toml', 'entry = "main.av"\n');
    const cwd = process.cwd();
    process.chdir(temp.dir());
    try {
      const manifest = loadManifest('bare.toml');
      expect(manifest.entry).toBe('main.av');
      expect(manifest.moduleRoot).toBe('.');
      expect(manifest.name).toBe('bare');
    } finally {
      process.chdir(cwd);
    }
  });

  it('keeps `./` in front of an entry when the manifest path starts with it', () => {
    temp.write('main.av', 'fn main() -> Int\n    1\n');
    temp.write('dot.toml', 'entry = "main.av"\n');
    const cwd = process.cwd();
    process.chdir(temp.dir());
    try {
      expect(loadManifest('./dot.toml').entry).toBe(`.${path.sep}main.av`);
    } finally {
      process.chdir(cwd);
    }
  });

  it('uses an absolute entry as it is', () => {
    const absolute = temp.write('elsewhere/prog.av', 'fn main() -> Int\n    1\n');
    const manifest = loadManifest(scenario(`entry = ${JSON.stringify(absolute)}\n`));
    expect(manifest.entry).toBe(absolute);
  });

  it('resolves module_root against the manifest folder', () => {
    mkdirSync(path.join(temp.dir(), 'lib'), { recursive: true });
    const manifest = loadManifest(scenario('entry = "main.av"\nmodule_root = "lib"\n'));
    expect(manifest.moduleRoot).toBe(path.join(temp.dir(), 'lib'));
  });
});

describe('loadManifest errors', () => {
  it('reports an unreadable file as a read error with the reference template', () => {
    const missing = path.join(temp.dir(), 'nope.toml');
    const error = loadError(missing);
    expect(error.kind).toBe('read');
    const osError = process.platform === 'win32' ? '(ENOENT)' : '(os error 2)';
    expect(error.message).toBe(`cannot read '${missing}': No such file or directory ${osError}`);
  });

  it('reports invalid UTF-8 as a read error', () => {
    const file = path.join(temp.dir(), 'latin1.toml');
    writeFileSync(file, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a]));
    const error = loadError(file);
    expect(error.kind).toBe('read');
    expect(error.message).toBe(`cannot read '${file}': stream did not contain valid UTF-8`);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('reports a permission error', () => {
    const file = scenario('entry = "main.av"\n');
    chmodSync(file, 0o000);
    expect(loadError(file).message).toBe(`cannot read '${file}': Permission denied (os error 13)`);
  });

  it('reports a TOML syntax error laid out like the Rust toml crate: position, code frame, reason', () => {
    const file = scenario('name = "x"\nentry = \niterations = 3\n');
    const error = loadError(file);
    expect(error.kind).toBe('parse');
    expect([error.line, error.column]).toEqual([2, 9]);
    expect(error.message).toBe(
      `${file}: TOML parse error at line 2, column 9\n` +
        '  |\n' +
        '2 | entry = \n' +
        '  |         ^\n' +
        'invalid value',
    );
  });

  it('widens the code frame gutter with the line number', () => {
    const file = scenario(`${'# comment\n'.repeat(11)}entry = "x`);
    const lines = loadError(file).message.split('\n');
    expect(lines[0]).toBe(`${file}: TOML parse error at line 12, column 9`);
    expect(lines.slice(1, 4)).toEqual(['   |', '12 | entry = "x', '   |         ^']);
  });

  it('shows a window around the error of a very long line, not the whole line', () => {
    const file = scenario(`entry = "main.av"\nname = "${'x'.repeat(5_000_000)}" oops\n`);
    const lines = loadError(file).message.split('\n');
    expect(lines[0]).toBe(`${file}: TOML parse error at line 2, column 5000011`);
    expect(lines[2]).toBe(`2 | …${'x'.repeat(114)}" oops`);
    expect(lines[3].indexOf('^')).toBe(lines[2].indexOf('oops'));
  });

  it('reports a duplicate key as a parse error', () => {
    const error = loadError(scenario('entry = "main.av"\nentry = "main.av"\n'));
    expect(error.kind).toBe('parse');
    expect(error.line).toBe(2);
  });

  it('requires entry, with the reference message', () => {
    const file = scenario('name = "x"\n');
    const error = loadError(file);
    expect(error.kind).toBe('validate');
    expect(error.message).toBe(`${file}: missing required \`entry = "..."\``);
    expect(error.key).toBe('entry');
  });

  it('treats a non-string entry as missing with the verbatim reference message, keeping the position apart', () => {
    const file = scenario('entry = 3\n');
    const error = loadError(file);
    expect(error.message).toBe(`${file}: missing required \`entry = "..."\``);
    expect([error.key, error.line, error.column]).toEqual(['entry', 1, 9]);
  });

  it('reports an entry that does not exist with the raw and the resolved path', () => {
    const file = scenario('entry = "../gone.av"\n');
    const resolved = `${temp.dir()}${path.sep}../gone.av`;
    const error = loadError(file);
    expect(error.message).toBe(`${file}: entry '../gone.av' does not exist (resolved to '${resolved}')`);
    expect([error.key, error.line, error.column]).toEqual(['entry', 1, 9]);
  });

  it('reports problems of shape and on disk together, in the reference order of the keys', () => {
    const file = scenario(
      'iterations = 0\nmodule_root = "nowhere"\n[effects]\nallow = [1]\ndisk_root = "gone"\n[tolerance]\nwall_time_p50_pct = -1\n',
    );
    const dir = temp.dir();
    const error = loadError(file);
    expect(error.issues.map((issue) => [issue.key, issue.line, issue.column])).toEqual([
      ['entry', null, null],
      ['module_root', 2, 15],
      ['iterations', 1, 14],
      ['tolerance.wall_time_p50_pct', 7, 21],
      ['effects.allow[0]', 4, 9],
      ['effects.disk_root', 5, 13],
    ]);
    expect(error.issues[1]?.message).toBe(
      `${file}: module root 'nowhere' is not a directory (resolved to '${dir}${path.sep}nowhere')`,
    );
    expect(error.issues[5]?.message).toBe(
      `${file}: disk root 'gone' is not a directory (resolved to '${dir}${path.sep}gone') (line 5, column 13)`,
    );
  });

  it('rejects an entry that is a folder', () => {
    mkdirSync(path.join(temp.dir(), 'folder.av'));
    const file = scenario('entry = "folder.av"\n');
    const resolved = path.join(temp.dir(), 'folder.av');
    expect(loadError(file).message).toBe(
      `${file}: entry 'folder.av' is not a file (resolved to '${resolved}') (line 1, column 9)`,
    );
  });

  it('rejects a module_root that is not a folder, with the post-0.20 reference message', () => {
    const file = scenario('entry = "main.av"\nmodule_root = "main.av"\n');
    const resolved = path.join(temp.dir(), 'main.av');
    const error = loadError(file);
    expect(error.message).toBe(
      `${file}: module root 'main.av' is not a directory (resolved to '${resolved}')`,
    );
    expect([error.key, error.line, error.column]).toEqual(['module_root', 2, 15]);
  });

  it('rejects iterations = 0 with the verbatim reference message, keeping the position apart', () => {
    const file = scenario('entry = "main.av"\niterations = 0\n');
    const error = loadError(file);
    expect(error.message).toBe(`${file}: \`iterations\` must be > 0`);
    expect([error.key, error.line, error.column]).toEqual(['iterations', 2, 14]);
  });

  it('rejects a float iterations instead of falling back to 10', () => {
    const file = scenario('entry = "main.av"\niterations = 30.0\n');
    expect(loadError(file).message).toBe(
      `${file}: \`iterations\` must be an integer, found a float (30.0) (line 2, column 14)`,
    );
  });

  it('rejects a string warmup other than "auto", naming the key and the expected type', () => {
    const file = scenario('entry = "main.av"\nwarmup = "3"\n');
    expect(loadError(file).message).toBe(
      `${file}: \`warmup\` must be an integer or "auto", found a string ("3") (line 2, column 10)`,
    );
  });

  it('accepts warmup = "auto"', () => {
    const file = scenario('entry = "main.av"\nwarmup = "auto"\n');
    expect(loadManifest(file).warmup).toBe('auto');
  });

  it('rejects negative counts instead of wrapping them', () => {
    const file = scenario('entry = "main.av"\niterations = -5\nwarmup = -1\n');
    expect(loadError(file).message).toBe(
      [
        `${file}: \`iterations\` must be > 0, found -5 (line 2, column 14)`,
        `${file}: \`warmup\` must be a non-negative integer, found -1 (line 3, column 10)`,
      ].join('\n'),
    );
  });

  it('rejects counts beyond the safe integer range', () => {
    const file = scenario('entry = "main.av"\niterations = 9007199254740993\n');
    expect(loadError(file).message).toBe(
      `${file}: \`iterations\` is too large (9007199254740993); the maximum is 9007199254740991 (line 2, column 14)`,
    );
  });

  it('rejects args that are not an array of strings instead of dropping elements', () => {
    const file = scenario('entry = "main.av"\nargs = ["a", 2, true]\n');
    const error = loadError(file);
    expect(error.message).toBe(
      [
        `${file}: \`args[1]\` must be a string, found an integer (2) (line 2, column 8)`,
        `${file}: \`args[2]\` must be a string, found a boolean (true) (line 2, column 8)`,
      ].join('\n'),
    );
    expect(error.key).toBe('args[1]');
    expect(loadError(scenario('entry = "main.av"\nargs = "a b"\n')).message).toBe(
      `${temp.dir()}${path.sep}scenario.toml: \`args\` must be an array of strings, found a string ("a b") (line 2, column 8)`,
    );
  });

  it('rejects a non-string name', () => {
    const file = scenario('entry = "main.av"\nname = 7\n');
    expect(loadError(file).message).toBe(
      `${file}: \`name\` must be a string, found an integer (7) (line 2, column 8)`,
    );
  });

  it('rejects negative or non-integer expected sizes', () => {
    const file = scenario('entry = "main.av"\n[expected]\nresponse_bytes = -1\nresponse_bytes_max = 2.5\n');
    expect(loadError(file).message).toBe(
      [
        `${file}: \`expected.response_bytes\` must be a non-negative integer, found -1 (line 3, column 18)`,
        `${file}: \`expected.response_bytes_max\` must be an integer, found a float (2.5) (line 4, column 22)`,
      ].join('\n'),
    );
  });

  it('rejects expected bounds with min > max, pointing at the max', () => {
    const file = scenario('entry = "main.av"\n[expected]\nresponse_bytes_min = 10\nresponse_bytes_max = 5\n');
    expect(loadError(file).message).toBe(
      `${file}: \`expected.response_bytes_min\` (10) must be <= \`expected.response_bytes_max\` (5) (line 4, column 22)`,
    );
  });

  it('rejects an exact expected size outside its own bounds', () => {
    const file = scenario('entry = "main.av"\n[expected]\nresponse_bytes = 3\nresponse_bytes_min = 4\n');
    expect(loadError(file).message).toBe(
      `${file}: \`expected.response_bytes\` (3) contradicts \`expected.response_bytes_min\` (4) (line 3, column 18)`,
    );
  });

  it('rejects an expected or tolerance that is not a table', () => {
    const file = scenario('entry = "main.av"\nexpected = 3\ntolerance = [1.0]\n');
    expect(loadError(file).message).toBe(
      [
        `${file}: \`expected\` must be a table, found an integer (3) (line 2, column 12)`,
        `${file}: \`tolerance\` must be a table, found an array (line 3, column 13)`,
      ].join('\n'),
    );
  });

  it('rejects negative, infinite, NaN and non-numeric tolerances', () => {
    const cases: [string, string][] = [
      ['-5.0', 'must be a finite number >= 0, found -5.0'],
      ['inf', 'must be a finite number >= 0, found inf'],
      ['nan', 'must be a finite number >= 0, found nan'],
      ['"20"', 'must be a number, found a string ("20")'],
    ];
    for (const [value, text] of cases) {
      const file = scenario(`entry = "main.av"\n[tolerance]\nwall_time_p50_pct = ${value}\n`);
      expect(loadError(file).message).toBe(
        `${file}: \`tolerance.wall_time_p50_pct\` ${text} (line 3, column 21)`,
      );
    }
  });

  it('lists every problem, the reference check order first', () => {
    const file = scenario('iterations = 0\nentry = "gone.av"\n');
    const error = loadError(file);
    expect(error.issues.map((issue) => issue.key)).toEqual(['entry', 'iterations']);
    expect([error.line, error.column]).toEqual([2, 9]);
  });
});

describe('loadManifest warnings', () => {
  it('warns about unknown keys at every level and suggests the closest known key', () => {
    const file = scenario(
      [
        'entry = "main.av"',
        'itrations = 3',
        'colour = "red"',
        '[expected]',
        'respons_bytes = 3',
        '[tolerance]',
        'wall_time_p50 = 1.0',
      ].join('\n'),
    );
    const manifest = loadManifest(file);
    expect(manifest.iterations).toBe(10);
    expect(manifest.warnings).toEqual([
      `${file}: unknown key \`itrations\` (line 2, column 1) is ignored; did you mean \`iterations\`?`,
      `${file}: unknown key \`colour\` (line 3, column 1) is ignored (known keys here: entry, module_root, name, iterations, warmup, args, expected, tolerance, effects, timeout_ms, memory_limit_mb)`,
      `${file}: unknown key \`expected.respons_bytes\` (line 5, column 1) is ignored; did you mean \`response_bytes\`?`,
      `${file}: unknown key \`tolerance.wall_time_p50\` (line 7, column 1) is ignored; did you mean \`wall_time_p50_pct\`?`,
    ]);
  });

  it('finds unknown keys inside inline tables', () => {
    const file = scenario('entry = "main.av"\nexpected = { response_bytes = 1, bytes = 2 }\n');
    expect(loadManifest(file).warnings).toEqual([
      `${file}: unknown key \`expected.bytes\` (line 2, column 34) is ignored (known keys here: response_bytes, response_bytes_min, response_bytes_max)`,
    ]);
  });
});

describe('loadManifest [effects]', () => {
  it('defaults to no allowed effects and no disk root', () => {
    expect(loadManifest(scenario('entry = "main.av"\n')).effects).toEqual({ allow: [], diskRoot: null });
  });

  it('reads allow and a disk_root next to the manifest', () => {
    mkdirSync(path.join(temp.dir(), 'data'));
    const file = scenario(
      'entry = "main.av"\n[effects]\nallow = ["Disk.readText", "Env"]\ndisk_root = "data"\n',
    );
    expect(loadManifest(file).effects).toEqual({
      allow: ['Disk.readText', 'Env'],
      diskRoot: `${temp.dir()}${path.sep}data`,
    });
  });

  it('rejects entries that are not effect names, a disk_root that is not a folder, and warns of unknown keys', () => {
    const file = scenario(
      'entry = "main.av"\n[effects]\nallow = ["disk.readText", 3]\ndisk_root = "nowhere"\nalow = []\n',
    );
    expect(loadError(file).message).toBe(
      [
        `${file}: \`effects.allow[0]\` must name an effect like "Disk" or "Disk.readText", found "disk.readText" (line 3, column 9)`,
        `${file}: \`effects.allow[1]\` must be a string, found an integer (3) (line 3, column 9)`,
        `${file}: disk root 'nowhere' is not a directory (resolved to '${temp.dir()}${path.sep}nowhere') (line 4, column 13)`,
      ].join('\n'),
    );
    const misspelt = scenario('entry = "main.av"\n[effects]\nallow = ["Disk"]\n\nalow = []\n');
    expect(loadManifest(misspelt).warnings).toEqual([
      `${misspelt}: unknown key \`effects.alow\` (line 5, column 1) is ignored; did you mean \`allow\`?`,
    ]);
    expect(loadError(scenario('entry = "main.av"\neffects = ["Disk"]\n')).message).toMatch(
      /`effects` must be a table, found an array/,
    );
  });
});
