import type { Manifest } from '@aver/bench-manifest';
import { loadManifest, synthesizeAdHocManifest } from '@aver/bench-manifest';
import type { BenchReport } from '@aver/bench-report';
import { formats, serializeReport } from '@aver/bench-report';
import { diff, formatDiff } from '@aver/bench-diff';
import { captureHost, runScenario } from '@aver/bench-runner';
import { findCompareBaseline, pickHostBaseline } from './baselines.js';
import { CliError } from './cli-errors.js';
import * as messages from './messages.js';
import type { CliOptions } from './parse-cli-args.js';
import type { RunContext } from './run-context.js';
import { saveBaseline } from './save-baseline.js';
import { warnIgnoredCounts } from './warnings.js';

/**
 * One scenario: a `.toml` manifest or an ad-hoc `.av` program (spec §9.2 steps 3–9, §7.5). Manifest and run
 * errors propagate as `ManifestError` / `RunError` for the top-level handler.
 * @returns The exit code: 1 for a regression with `--fail-on-regression`, otherwise 0.
 */
export async function runSingle(options: CliOptions, adHoc: boolean, context: RunContext): Promise<number> {
  const { io, terminal } = context;
  let manifest: Manifest;
  if (adHoc) {
    if (options.compare !== null || options.saveBaseline !== null)
      throw new CliError(messages.adHocNeedsManifest());
    manifest = synthesizeAdHocManifest(options.scenario, {
      iterations: options.iterations ?? undefined,
      warmup: options.warmup ?? undefined,
    });
  } else {
    warnIgnoredCounts(options, terminal);
    manifest = loadManifest(options.scenario);
    for (const warning of manifest.warnings) terminal.warn(messages.manifestWarning(warning));
  }
  const report = await runScenario(manifest, context.target, context.scenarioOptions);
  if (options.saveBaseline !== null) {
    saveBaseline(options.saveBaseline, `${serializeReport(report, { pretty: true })}\n`);
    terminal.success(messages.savedBaseline(options.saveBaseline));
  }
  io.stdout(options.json ? formats.json(report) : formats.human(report));
  const baselinePath = chooseBaseline(options, context);
  if (baselinePath === null) return 0;
  return compareWithBaseline(report, manifest, baselinePath, options, context);
}

/** `--compare P` uses P; `--baseline-dir D` uses this host's file in D when there is one. */
function chooseBaseline(options: CliOptions, context: RunContext): string | null {
  if (options.compare !== null) return options.compare;
  if (options.baselineDir === null) return null;
  const candidate = pickHostBaseline(options.baselineDir, context.target.name, captureHost());
  if (candidate.exists) return candidate.path;
  context.terminal.notice(messages.noHostBaseline(candidate.path));
  return null;
}

/** Spec §7.5: diff against the baseline; human mode prints it after a blank line, JSON mode prints nothing. */
function compareWithBaseline(
  report: BenchReport,
  manifest: Manifest,
  baselinePath: string,
  options: CliOptions,
  context: RunContext,
): number {
  const baseline = findCompareBaseline(baselinePath, manifest.name);
  if (baseline === null) {
    context.terminal.error(messages.compareNoEntry(baselinePath, manifest.name));
    return 0;
  }
  const verdict = diff(report, baseline, manifest.tolerance);
  if (!options.json) context.io.stdout(`\n${formatDiff(verdict)}`);
  return verdict.regressed && options.failOnRegression ? 1 : 0;
}
