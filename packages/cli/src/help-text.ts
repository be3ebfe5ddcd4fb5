import { readFileSync } from 'node:fs';

/** The `--help` text. */
export function helpText(): string {
  return `aver-bench ${cliVersion()}
Run Aver benchmark scenarios and report wall-time statistics.

Usage: aver-bench SCENARIO [OPTIONS]
       aver-bench ab BASE HEAD [OPTIONS]
       aver-bench calibrate SCENARIO [OPTIONS]
       aver-bench report INPUT... [-o FILE] [--format html|markdown|bmf]
       aver-bench merge FILE... [-o FILE]

Commands:
  ab         compare two versions of scenarios on this machine (interleaved replicates,
             statistical verdicts)
  calibrate  measure each scenario's noise floor with A/A rounds
  report     render saved results as an HTML page, a Markdown summary or BMF JSON
  merge      join the --shard outputs of one folder into one NDJSON run

Arguments:
  SCENARIO  a .toml manifest, an .av program (ad-hoc run), or a folder whose *.toml
            manifests run in bytewise name order

Options:
      --target <T>            where to run: vm (the in-process bytecode VM; the default), or
                              several, comma-separated (vm,js): one report per target, and
                              exit 1 when their responses differ
      --iterations <N>        timed iterations of an ad-hoc .av run [default: 30]
      --warmup <N|auto>       untimed warm-up runs of an ad-hoc .av run [default: 3]; auto
                              warms up until the run time is stable
      --replicates <N>        fresh isolates per scenario and target, each with its own
                              warm-up and timed samples [default: 1]
      --isolation <ISOLATION> worker (a fresh V8 isolate per replicate; the default) or
                              process (a fresh Node process per replicate)
      --timeout <DURATION>    time limit of each scenario's whole run (500ms, 30s, 2m; plain
                              numbers are ms), over the manifest's timeout_ms [default: 300s]
      --json                  print the report as JSON (one NDJSON line per scenario for a folder)
      --format <FORMAT>       human (default), json (as --json), markdown (a GitHub table,
                              also appended to $GITHUB_STEP_SUMMARY) or bmf (Bencher JSON)
      --shard <K/N>           run only the K-th of N slices of a folder (balanced by the
                              baseline's times when --baseline-dir has one)
      --save-baseline <PATH>  also write the report(s) to PATH (pretty JSON, or NDJSON for a folder)
      --compare <PATH>        compare one scenario with the baseline in PATH
      --baseline-dir <DIR>    compare with DIR/<os>-<arch>-<target>.json when it exists
      --fail-on-regression    exit 1 on a regression, an [expected] mismatch, or a missing
                              baseline (folder, entry, empty file)
      --require-baseline      exit 1 when there is nothing to compare with, including no
                              file for this host in --baseline-dir
      --no-confirm            with --fail-on-regression: decide statistical verdicts on one
                              round (by default a regression or inconclusive verdict against
                              a baseline with replicates is measured once more first)
      --profile-out <FILE>    write the counted runs as a speedscope profile (a flame graph
                              of executed instructions; open it in speedscope.app)
      --emit-js <DIR>         also write each scenario's program as the js target compiles it
                              to DIR/<scenario>.mjs (needs @aver/bench-target-js)
  -h, --help                  print this help
  -V, --version               print the version

Reports and diffs go to stdout; errors, warnings and progress go to stderr. Progress shows
only on a terminal and never when CI is set.

When both the baseline and the run carry replicates (--replicates N, N >= 2), --compare and
--baseline-dir give statistical verdicts as aver-bench ab does (ratio of medians with a 99%
interval, Mann-Whitney U with Holm over the run, threshold max(wall_time_effect_pct, the
calibrated noise floor)); otherwise the reference comparison (p50/p95 tolerances).

Exit codes:
  0   success, also without --fail-on-regression: a regression, an [expected] mismatch,
      a missing baseline; with it: no file for this host in an existing --baseline-dir
  1   bad target, manifest or run error (also a main that returns Result.Err), a scenario
      that timed out or ran out of memory, targets that disagree, unreadable, unparsable
      or impossible baseline, write error, a failed gate (see above)
  2   usage error (unknown option, bad value, --compare with --baseline-dir)
  70  internal error (a bug; set AVER_DEBUG=1 for the stack trace)
`;
}

/** The `report --help` text. */
export function reportHelpText(): string {
  return `aver-bench report ${cliVersion()}
Render saved results as one self-contained HTML page, a Markdown summary or BMF JSON.

Usage: aver-bench report INPUT... [OPTIONS]

Arguments:
  INPUT...  files aver-bench wrote, oldest first: reports (--json, --save-baseline),
            baselines, --json runs with diff lines, ab output; two or more runs add a history

Options:
  -o, --output <FILE>      write to FILE (atomically) instead of stdout
      --format <FORMAT>    html (default), markdown (also appended to $GITHUB_STEP_SUMMARY
                           when printed) or bmf
      --title <TEXT>       the HTML page's title [default: Aver Bench report]
  -h, --help               print this help
`;
}

/** The `merge --help` text. */
export function mergeHelpText(): string {
  return `aver-bench merge ${cliVersion()}
Join the outputs of \`aver-bench FOLDER --shard K/N --json\` (every shard of one folder) into the
NDJSON one unsharded run prints, in scenario order.

Usage: aver-bench merge FILE... [OPTIONS]

Options:
  -o, --output <FILE>  write to FILE (atomically) instead of stdout
  -h, --help           print this help

Refuses a missing or repeated shard, a scenario missing or reported twice, and reports
from different hosts.
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

/** The `ab --help` text. */
export function abHelpText(): string {
  return `aver-bench ab ${cliVersion()}
Compare two versions of scenarios on this machine: replicates of base and head run interleaved
(ABBA), and each scenario gets a time verdict (regression, improvement, unchanged, inconclusive)
from a seeded hierarchical bootstrap and a Mann-Whitney U test (Holm over the scenarios), and a
verdict of its exact VM counters, with the functions and opcodes that changed most.

Usage: aver-bench ab BASE HEAD [OPTIONS]

Arguments:
  BASE  a manifest or a folder of manifests (the version before)
  HEAD  a manifest or a folder of manifests (the version after); scenarios match by name

Options:
      --replicates <N>         fresh isolates per side and scenario, at least 2 [default: 10]
      --target <T>             the target to run on [default: vm]
      --isolation <I>          worker (default) or process
      --baseline-dir <DIR>     read this host's calibrated noise floors from DIR (aver-bench calibrate)
      --json                   one NDJSON line per scenario
      --fail-on-regression     gate mode: confirm regression and inconclusive scenarios with one more
                               round, then exit 1 when a time or counter verdict is regression
      --no-confirm             skip the confirmation round
  -h, --help                   print this help
`;
}

/** The `calibrate --help` text. */
export function calibrateHelpText(): string {
  return `aver-bench calibrate ${cliVersion()}
Measure each scenario's noise on this machine with A/A rounds (the same program on both sides,
run as \`aver-bench ab\` runs a comparison) and store it in DIR/<os>-<arch>-<target>.noise.json,
where \`ab --baseline-dir DIR\` (the within-run floor) and \`aver-bench SCENARIO --baseline-dir DIR\`
(the across-run floor) read it: a change smaller than the floor is never a regression.

Usage: aver-bench calibrate SCENARIO [OPTIONS]

Arguments:
  SCENARIO  a manifest or a folder of manifests

Options:
      --rounds <K>          A/A rounds per scenario, at least 2 [default: 5]
      --replicates <N>      fresh isolates per side and round, at least 2 [default: 10]
      --baseline-dir <DIR>  where the noise file goes [default: bench/baselines]
      --target <T>          the target to run on [default: vm]
  -h, --help                print this help
`;
}
