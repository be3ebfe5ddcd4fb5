import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractCommands } from './extract-commands.js';
import { missingSampleLine } from './output-shape.js';

// Every shell command of every README runs here, as written, in a fresh copy of the repository (so a command that
// writes files cannot touch the checkout), and must exit as the README says, leave every file it found in the copy
// unchanged, and print the shape of the sample output the README shows. Commands the README marks
// `<!-- readme-test: skip REASON -->` are counted as skipped, with the reason in the test name.

const REPO = path.resolve(import.meta.dirname, '../../..');
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', '.turbo', 'test-output', 'coverage']);
const COMMAND_TIMEOUT_MS = 120_000;
const RUN_SKIPPED = process.env.README_TEST_ALL === '1';

const readmes = [
  'README.md',
  'bench/README.md',
  ...readdirSync(path.join(REPO, 'packages'))
    .map((name) => `packages/${name}/README.md`)
    .filter((file) => existsSync(path.join(REPO, file)))
    .sort(),
];

/**
 * `pnpm NAME ARGS` for each root script that is `node FILE`: the same program, run without pnpm's startup (about
 * half a second per command). Any other `pnpm` command fails, so a README command the test cannot run as written
 * must be marked to skip.
 */
function pnpmShim(): string {
  const scripts: Record<string, string> = JSON.parse(
    readFileSync(path.join(REPO, 'package.json'), 'utf8'),
  ).scripts;
  const cases = Object.entries(scripts)
    .filter(([, script]) => /^node [\w./-]+$/.test(script))
    .map(
      ([name, script]) =>
        `    ${name}) shift; node '${path.join(REPO, script.slice('node '.length))}' "$@" ;;`,
    );
  return [
    'pnpm() {',
    '  case "$1" in',
    ...cases,
    `    *) echo "README test: 'pnpm $1' is not run here; mark its block <!-- readme-test: skip REASON -->" >&2; return 127 ;;`,
    '  esac',
    '}',
    'exec 2>&1',
  ].join('\n');
}

function fileHashes(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile())
        hashes.set(full, createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(root);
  return hashes;
}

/** The files of `before` (the repository as copied) whose content a command changed or that it deleted. */
function changedFiles(before: Map<string, string>, root: string): string[] {
  const changed: string[] = [];
  for (const [file, hash] of before) {
    const now = existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'deleted';
    if (now !== hash) {
      changed.push(path.relative(root, file));
      before.set(file, now); // blame the next command only for what it changes itself
    }
  }
  return changed;
}

const shim = pnpmShim();

for (const readme of readmes) {
  const commands = extractCommands(readme, readFileSync(path.join(REPO, readme), 'utf8'));
  if (commands.length === 0) continue;

  describe(readme, () => {
    let copy = '';
    let before = new Map<string, string>();
    beforeAll(() => {
      copy = mkdtempSync(path.join(tmpdir(), 'aver-readme-'));
      cpSync(REPO, copy, { recursive: true, filter: (source) => !NOT_COPIED.has(path.basename(source)) });
      before = fileHashes(copy);
    });
    afterAll(() => {
      if (copy !== '') rmSync(copy, { recursive: true, force: true });
    });

    for (const entry of commands) {
      const name = `line ${entry.line}: ${entry.command}`;
      if (entry.skip !== null && !RUN_SKIPPED) {
        it.skip(`${name} (not run: ${entry.skip})`, () => {});
        continue;
      }
      it(
        name,
        () => {
          const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', NO_COLOR: '1' };
          delete env.GITHUB_STEP_SUMMARY;
          delete env.AVER_DEBUG;
          const result = spawnSync('sh', ['-c', `${shim}\n${entry.command}`], {
            cwd: copy,
            env,
            encoding: 'utf8',
            timeout: COMMAND_TIMEOUT_MS,
          });
          const output = result.stdout ?? '';
          expect(result.status, `exit code of: ${entry.command}\n${output}`).toBe(entry.exitCode);
          expect(changedFiles(before, copy), 'files of the repository that the command changed').toEqual([]);
          if (entry.sampleOutput !== null) {
            expect(
              missingSampleLine(entry.sampleOutput, output),
              `the README's sample output; got:\n${output}`,
            ).toBe(null);
          }
        },
        COMMAND_TIMEOUT_MS + 10_000,
      );
    }
  });
}
