import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './e2e-helpers.js';

const work = mkdtempSync(path.join(tmpdir(), 'aver-report-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENETUNREACH|network|offline|cache mode/i;

/** A script run from the consumer folder: parse a report as a consumer would, then format and serialise it. */
const CONSUMER_SCRIPT = `
import { formatHuman, parseReport, serializeReport } from '@aver/bench-report';
const report = parseReport({
  scenario: { name: 'fib', entry: 'bench/scenarios/fib.av', target: 'vm', iterations_count: 30, warmup_count: 3 },
  backend: { name: 'vm', aver_version: '0.15.2', build: 'release', wasmtime_version: null },
  host: { os: 'macos', arch: 'aarch64', cpus: 12 },
  iterations: { min_ms: 0.0927, max_ms: 0.1133, mean_ms: 0.0961, p50_ms: 0.0951, p95_ms: 0.1052, p99_ms: 0.1133 },
  response_bytes: 3,
  expected_match: null,
  passes_applied: ['tco', 'typecheck'],
  compiler_visible_allocs: 0,
});
process.stdout.write(formatHuman(report));
process.stdout.write(serializeReport(report) + '\\n');
`;

describe('@aver/bench-report as a published package', () => {
  it('packs, installs alone in an empty folder and parses and formats a report', (context) => {
    const pack = spawnSync('pnpm', ['pack', '--pack-destination', work], {
      cwd: path.join(REPO_ROOT, 'packages/report'),
      encoding: 'utf8',
    });
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const consumer = path.join(work, 'consumer');
    mkdirSync(consumer);
    writeFileSync(
      path.join(consumer, 'package.json'),
      '{ "name": "consumer", "private": true, "type": "module" }',
    );
    const install = spawnSync(
      'npm',
      [
        'install',
        path.join(work, tarball!),
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
      ],
      { cwd: consumer, encoding: 'utf8', timeout: 180_000 },
    );
    if (install.status !== 0 && NETWORK_FAILURE.test(`${install.stderr}${install.stdout}`)) {
      console.warn(
        `notice: skipped the @aver/bench-report pack test; npm could not reach the registry:\n${install.stderr}`,
      );
      context.skip();
    }
    expect(install.status, install.stderr).toBe(0);
    writeFileSync(path.join(consumer, 'check.mjs'), CONSUMER_SCRIPT);
    const run = spawnSync(process.execPath, ['check.mjs'], { cwd: consumer, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'fib [vm]',
        '  entry:        bench/scenarios/fib.av',
        '  backend:      aver 0.15.2 (release)',
        '  host:         macos/aarch64 (12 cpus)',
        '  iterations:   30 (warmup 3)',
        '  passes:       tco, typecheck',
        '  wall_time:    min=93µs  p50=95µs  p95=105µs  max=113µs  mean=96µs',
        '  response:     3 bytes',
        '{"scenario":{"name":"fib","entry":"bench/scenarios/fib.av","target":"vm","iterations_count":30,"warmup_count":3},' +
          '"backend":{"name":"vm","aver_version":"0.15.2","build":"release","wasmtime_version":null},' +
          '"host":{"os":"macos","arch":"aarch64","cpus":12},' +
          '"iterations":{"min_ms":0.0927,"max_ms":0.1133,"mean_ms":0.0961,"p50_ms":0.0951,"p95_ms":0.1052,"p99_ms":0.1133},' +
          '"response_bytes":3,"expected_match":null,"passes_applied":["tco","typecheck"],"compiler_visible_allocs":0,' +
          '"response_sha256":null,"samples_ms":null,"counters":null}',
        '',
      ].join('\n'),
    );
  }, 240_000);
});
