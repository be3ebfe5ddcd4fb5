/**
 * A line with what changes from run to run or machine to machine replaced: measured quantities (a number followed
 * by a time unit, `x` or `%`) become `<measured>`, an `os/arch` or `os-arch` pair becomes `<host>`, and a cpu
 * count `(N cpus)` becomes `(<cpus>)`. Counts, sizes and words stay, so `warmup 3` and `warmup 30` still differ.
 */
export function normaliseOutputLine(line: string): string {
  return line
    .replace(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?:ns|µs|us|ms|s|x|%)(?![\w])/g, '<measured>')
    .replace(/\b(?:linux|macos|windows|freebsd)[-/](?:x86_64|aarch64|x86|arm)\b/g, '<host>')
    .replace(/\(\d+ cpus?\)/g, '(<cpus>)')
    .trimEnd();
}

/**
 * Checks that a command's output has the shape a README shows: every non-blank sample line, normalised, appears
 * in the actual output (stdout and stderr as the command interleaved them), in the same order. Extra actual lines
 * (a warning on a loaded machine) are allowed.
 *
 * @param sample The lines the README shows after `$ command`.
 * @param actual The command's output.
 * @returns The first sample line that is missing (as written in the README), or `null` when the shape matches.
 */
export function missingSampleLine(sample: readonly string[], actual: string): string | null {
  const actualLines = actual.split('\n').map(normaliseOutputLine);
  let from = 0;
  for (const line of sample) {
    if (line.trim() === '') continue;
    const wanted = normaliseOutputLine(line);
    const found = actualLines.indexOf(wanted, from);
    if (found === -1) return line;
    from = found + 1;
  }
  return null;
}
