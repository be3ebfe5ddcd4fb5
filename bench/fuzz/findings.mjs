// The recorder: counts every result by driver and verdict, groups findings by signature, and saves a reproducer
// per finding (the first few of each signature): the input's files and `finding.json` with what happened and the
// command that makes the input again. Files are written atomically (temp + rename).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './seeds.mjs';
import { signatureOf } from './verdict.mjs';

const VERDICTS = ['ok', 'crash', 'hang', 'wrong-exit'];

/** Writes `text` to `file` through a temporary file and a rename, making the folder first. */
export function writeAtomic(file, text) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

function cut(text, max = 8000) {
  return typeof text === 'string' && text.length > max
    ? `${text.slice(0, max)}… (${text.length} chars)`
    : text;
}

export class Recorder {
  /**
   * @param {{ outDir: string, seed: number, commandFraction: number, maxPerSignature: number }} options
   */
  constructor(options) {
    this.options = options;
    /** driver → { inputs, ok, crash, hang, wrong-exit, ms } */
    this.byDriver = new Map();
    /** signature → { count, saved, first } */
    this.signatures = new Map();
    this.total = 0;
    this.findings = 0;
  }

  /** Takes one result (called by the supervisor's lanes). */
  record(input, result) {
    this.total++;
    let row = this.byDriver.get(input.driver);
    if (row === undefined) {
      row = { inputs: 0, ms: 0, ...Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) };
      this.byDriver.set(input.driver, row);
    }
    row.inputs++;
    row.ms += result.durationMs;
    row[result.verdict]++;
    if (result.verdict === 'ok') return;
    this.findings++;
    const signature = signatureOf(input.driver, result);
    let group = this.signatures.get(signature);
    if (group === undefined) {
      group = { count: 0, saved: 0, first: input.index };
      this.signatures.set(signature, group);
    }
    group.count++;
    if (group.saved < this.options.maxPerSignature) {
      group.saved++;
      this.save(input, result, signature);
    }
  }

  save(input, result, signature) {
    const slug = input.driver.replace(/[^a-z]+/g, '-');
    const folder = path.join(
      this.options.outDir,
      `${String(input.index).padStart(7, '0')}-${slug}-${result.verdict}`,
    );
    const files =
      input.files ??
      (input.driver === 'program'
        ? [{ name: 'program.av', text: input.text }]
        : [
            { name: 'scenario.toml', text: input.text },
            ...(input.entryName === null
              ? []
              : [{ name: path.basename(input.entryName), text: input.entryText }]),
          ]);
    for (const file of files) writeAtomic(path.join(folder, 'input', file.name), file.text ?? '');
    const detail = result.detail ?? {};
    const finding = {
      signature,
      verdict: result.verdict,
      reason: result.reason,
      driver: input.driver,
      index: input.index,
      input_seed: input.seed,
      seed_file: input.path === undefined ? null : path.relative(REPO_ROOT, input.path),
      stage: result.stage,
      duration_ms: Math.round(result.durationMs),
      reproduce: `node bench/fuzz/run.mjs --seed ${this.options.seed} --command-fraction ${this.options.commandFraction} --only ${input.index}`,
      command: detail.command ?? null,
      exit_code: detail.code ?? null,
      signal: detail.signal ?? null,
      stdout: cut(detail.stdout ?? null),
      stderr: cut(detail.stderr ?? null),
      thrown: detail.thrown ?? null,
      messages: detail.messages ?? null,
    };
    writeAtomic(path.join(folder, 'finding.json'), `${JSON.stringify(finding, null, 2)}\n`);
  }
}
