/** One shell command of a README, with what the README promises about it. */
export interface ReadmeCommand {
  /** The command line as written (continuation lines joined). */
  readonly command: string;
  /** 1-based line of the README where the command starts. */
  readonly line: number;
  /** Why the test does not run it (`<!-- readme-test: skip REASON -->` before its block), or `null`. */
  readonly skip: string | null;
  /** The exit code the README promises (`<!-- readme-test: exit N -->`; default 0). */
  readonly exitCode: number;
  /** The output the README shows after `$ command` in a `text` block, or `null` when it shows none. */
  readonly sampleOutput: readonly string[] | null;
}

/** A README line the extractor cannot read: an unclosed block or an unknown marker. */
export class ReadmeFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell']);
const MARKER = /^<!--\s*readme-test:\s*(.*?)\s*-->$/;

/**
 * Finds the shell commands of a README: every line of a fenced `sh`/`bash`/`shell` block (blank lines and lines
 * that are only a `#` comment aside; a line ending in `\` continues on the next), and every `$ command` line of a
 * `text` block, whose following lines up to the next `$ ` line or the block's end are its sample output.
 *
 * Markers, each an HTML comment on the line right before a block's opening fence (several may stack):
 * `<!-- readme-test: skip REASON -->` keeps every command of the block out of the run (it is reported as skipped
 * with the reason), and `<!-- readme-test: exit N -->` says the commands of the block exit with N.
 *
 * @param file The README's path, for error messages.
 * @param text The README's text.
 * @returns The commands in README order.
 * @throws {ReadmeFormatError} For a block that is never closed, or a marker the test does not know.
 */
export function extractCommands(file: string, text: string): ReadmeCommand[] {
  const lines = text.split('\n');
  const commands: ReadmeCommand[] = [];
  let index = 0;
  while (index < lines.length) {
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[index]);
    if (fence === null) {
      index += 1;
      continue;
    }
    const [, indent, marks, language] = fence;
    const { skip, exitCode } = markersBefore(file, lines, index);
    const start = index + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith(`${indent}${marks}`)) end += 1;
    if (end === lines.length)
      throw new ReadmeFormatError(file, index + 1, `the ${marks} block is never closed`);
    const body = lines.slice(start, end).map((line) => line.slice(indent.length));
    if (SHELL_LANGUAGES.has(language)) {
      commands.push(...shellBlock(body, start, skip, exitCode));
    } else if (language === 'text' || language === 'console') {
      commands.push(...transcriptBlock(body, start, skip, exitCode));
    }
    index = end + 1;
  }
  return commands;
}

function markersBefore(
  file: string,
  lines: readonly string[],
  fenceIndex: number,
): { skip: string | null; exitCode: number } {
  let skip: string | null = null;
  let exitCode = 0;
  for (let index = fenceIndex - 1; index >= 0; index -= 1) {
    const marker = MARKER.exec(lines[index].trim());
    if (marker === null) break;
    const [word, ...rest] = marker[1].split(/\s+/);
    const argument = rest.join(' ');
    if (word === 'skip' && argument !== '') skip = argument;
    else if (word === 'exit' && /^\d+$/.test(argument)) exitCode = Number(argument);
    else {
      throw new ReadmeFormatError(
        file,
        index + 1,
        `unknown readme-test marker '${marker[1]}'; expected 'skip REASON' or 'exit N'`,
      );
    }
  }
  return { skip, exitCode };
}

function shellBlock(
  body: readonly string[],
  firstLine: number,
  skip: string | null,
  exitCode: number,
): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  let pending: { text: string; line: number } | null = null;
  body.forEach((raw, offset) => {
    const line = firstLine + offset + 1;
    if (pending === null && (raw.trim() === '' || raw.trim().startsWith('#'))) return;
    const continued = raw.endsWith('\\');
    const part = continued ? raw.slice(0, -1) : raw;
    pending =
      pending === null
        ? { text: part, line }
        : { text: `${pending.text.trimEnd()} ${part.trim()}`, line: pending.line };
    if (!continued) {
      commands.push({ command: pending.text.trim(), line: pending.line, skip, exitCode, sampleOutput: null });
      pending = null;
    }
  });
  if (pending !== null) {
    const last: { text: string; line: number } = pending;
    commands.push({ command: last.text.trim(), line: last.line, skip, exitCode, sampleOutput: null });
  }
  return commands;
}

function transcriptBlock(
  body: readonly string[],
  firstLine: number,
  skip: string | null,
  exitCode: number,
): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  body.forEach((raw, offset) => {
    if (!raw.startsWith('$ ')) return;
    const output: string[] = [];
    for (const next of body.slice(offset + 1)) {
      if (next.startsWith('$ ')) break;
      output.push(next);
    }
    commands.push({
      command: raw.slice(2).trim(),
      line: firstLine + offset + 1,
      skip,
      exitCode,
      sampleOutput: output,
    });
  });
  return commands;
}
