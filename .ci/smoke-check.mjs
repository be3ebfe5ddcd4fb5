#!/usr/bin/env node
// Checks the CI smoke run: `aver-bench SCENARIO_DIR --json` output on stdin, one NDJSON line per scenario.
// Fails (exit 1, one line per problem) on a missing or duplicated report (every manifest in the folder and every
// scenario of the baseline must report once), a failure record, a line that is not a report, a wrong answer (`expected_match: false`), or a response whose SHA-256 differs from the committed
// baseline's for the same scenario (a wrong answer in a scenario without `[expected]`).
// Usage: node .ci/smoke-check.mjs SCENARIO_DIR BASELINE < run.ndjson
import { readdirSync, readFileSync } from 'node:fs';

const [scenarioDir, baselinePath] = process.argv.slice(2);
if (scenarioDir === undefined || baselinePath === undefined) {
  process.stderr.write('usage: node .ci/smoke-check.mjs SCENARIO_DIR BASELINE < run.ndjson\n');
  process.exit(2);
}

/** Every non-blank line of an NDJSON text, parsed; a line that is not JSON is reported and skipped. */
function readLines(text, source, problems) {
  const values = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      values.push(JSON.parse(line));
    } catch (error) {
      problems.push(`${source}:${index + 1}: not JSON (${error.message})`);
    }
  });
  return values;
}

const problems = [];
const manifests = readdirSync(scenarioDir).filter((file) => file.endsWith('.toml')).length;
const baseline = new Map(
  readLines(readFileSync(baselinePath, 'utf8'), baselinePath, problems).map((report) => [
    report.scenario.name,
    report.response_sha256,
  ]),
);

const seen = new Set();
for (const line of readLines(readFileSync(0, 'utf8'), 'stdin', problems)) {
  if (line.kind === 'failure') {
    problems.push(`${line.scenario} [${line.target}]: failed: ${line.message}`);
    continue;
  }
  const name = line.scenario?.name;
  if (typeof name !== 'string') {
    problems.push(`not a report: ${JSON.stringify(line).slice(0, 120)}`);
    continue;
  }
  if (seen.has(name)) problems.push(`${name}: reported twice`);
  seen.add(name);
  if (line.expected_match === false) problems.push(`${name}: wrong answer (expected_match: false)`);
  const sha = baseline.get(name);
  if (sha !== undefined && sha !== line.response_sha256) {
    problems.push(`${name}: response_sha256 ${line.response_sha256} differs from the baseline's ${sha}`);
  }
}
for (const name of baseline.keys()) if (!seen.has(name)) problems.push(`${name}: no report`);
if (seen.size !== manifests)
  problems.push(`${seen.size} reports for ${manifests} manifests in ${scenarioDir}`);

for (const problem of problems) process.stderr.write(`bench smoke: ${problem}\n`);
process.stdout.write(
  `bench smoke: ${seen.size} of ${manifests} scenarios reported, ${problems.length} problems\n`,
);
process.exit(problems.length === 0 ? 0 : 1);
