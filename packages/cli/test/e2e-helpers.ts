import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The built command, as `pnpm aver-bench` runs it. */
export const CLI_MAIN = path.join(REPO_ROOT, 'packages/cli/dist/main.js');

/** What a spawned `aver-bench` printed, and its exit code. */
export interface SpawnedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Spawns `node packages/cli/dist/main.js ARGS` in `cwd`, with stdio piped (so stderr is not a terminal).
 * @param args The command-line arguments.
 * @param options `cwd` (default the repo root), extra `env`, and `--import` preloads.
 */
export function spawnCli(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; preload?: string } = {},
): SpawnedRun {
  // A summary file of the job running the tests must not receive the tests' summaries.
  const env: Record<string, string | undefined> = {
    ...process.env,
    AVER_DEBUG: undefined,
    GITHUB_STEP_SUMMARY: undefined,
    ...options.env,
  };
  const nodeArgs = options.preload === undefined ? [] : ['--import', options.preload];
  const result = spawnSync(process.execPath, [...nodeArgs, CLI_MAIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error !== undefined) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
