import { readFileSync } from 'node:fs';

/** The `--help` text. */
export function helpText(): string {
  return `aver-bench ${cliVersion()}
Run Aver benchmark scenarios and report wall-time statistics.

Usage: aver-bench SCENARIO [OPTIONS]

Arguments:
  SCENARIO  a .toml manifest, an .av program (ad-hoc run), or a folder whose *.toml
            manifests run in bytewise name order

Options:
      --target <T>            where to run: vm (the in-process bytecode VM; the default)
      --iterations <N>        timed iterations of an ad-hoc .av run [default: 30]
      --warmup <N>            untimed warm-up runs of an ad-hoc .av run [default: 3]
      --json                  print the report as JSON (one NDJSON line per scenario for a folder)
      --save-baseline <PATH>  also write the report(s) to PATH (pretty JSON, or NDJSON for a folder)
      --compare <PATH>        compare one scenario with the baseline in PATH
      --baseline-dir <DIR>    compare with DIR/<os>-<arch>-<target>.json when it exists
      --fail-on-regression    exit 1 on a regression, an [expected] mismatch, or a missing
                              baseline (folder, entry, empty file)
      --require-baseline      exit 1 when there is nothing to compare with, including no
                              file for this host in --baseline-dir
  -h, --help                  print this help
  -V, --version               print the version

Reports and diffs go to stdout; errors, warnings and progress go to stderr.

Exit codes:
  0   success, also without --fail-on-regression: a regression, an [expected] mismatch,
      a missing baseline; with it: no file for this host in an existing --baseline-dir
  1   bad target, manifest or run error (also a main that returns Result.Err), unreadable,
      unparsable or impossible baseline, write error, a failed gate (see above)
  2   usage error (unknown option, bad value, --compare with --baseline-dir)
  70  internal error (a bug; set AVER_DEBUG=1 for the stack trace)
`;
}

let version: string | null = null;

/** The version of @aver/bench-cli, read from its package.json. */
export function cliVersion(): string {
  if (version === null) {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    version = manifest.version;
  }
  return version;
}
