// The command-line driver: writes an input's files into a scratch folder and runs the real `aver` or `aver-bench`
// on them as a child process, as a user would (no colour, no progress bar), killing it at the hang limit.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../seeds.mjs';

const AVER = path.join(REPO_ROOT, 'packages/vm-runtime/dist/cli.js');
const AVER_BENCH = path.join(REPO_ROOT, 'packages/cli/dist/main.js');
/** Output kept per stream: enough to judge and to show in a reproducer. */
const MAX_OUTPUT = 1024 * 1024;

/**
 * @typedef {{ command: string[], code: number | null, signal: string | null, stdout: string, stderr: string,
 *   timedOut: boolean, durationMs: number }} ProcessRun
 */

/**
 * @param {import('../inputs.mjs').CommandInput} input
 * @param {string} folder The input's empty scratch folder (also the working directory).
 * @param {number} hangMs Kill the child after this long.
 * @returns {Promise<ProcessRun>}
 */
export function runCommand(input, folder, hangMs) {
  for (const file of input.files) {
    const target = path.join(folder, file.name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
  const script = input.driver.startsWith('aver-bench') ? AVER_BENCH : AVER;
  const args = input.args.map((arg) => arg.replaceAll('{dir}', folder));
  const env = { ...process.env, NO_COLOR: '1', CI: '1' };
  delete env.AVER_DEBUG;
  delete env.GITHUB_STEP_SUMMARY;
  const started = performance.now();
  return new Promise((resolve) => {
    // Its own process group: a Ctrl-C meant for the fuzzer stops the fuzzer (which lets it finish), not the child.
    const child = spawn(process.execPath, [script, ...args], {
      cwd: folder,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out = { stdout: '', stderr: '' };
    for (const stream of ['stdout', 'stderr']) {
      child[stream].setEncoding('utf8');
      child[stream].on('data', (chunk) => {
        if (out[stream].length < MAX_OUTPUT) out[stream] += chunk.slice(0, MAX_OUTPUT - out[stream].length);
      });
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, hangMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const command = [path.relative(REPO_ROOT, script), ...args];
      resolve({ command, code, signal, ...out, timedOut, durationMs: performance.now() - started });
    });
  });
}
