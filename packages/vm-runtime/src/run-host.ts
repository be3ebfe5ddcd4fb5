import { readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { HostContext } from './builtins/builtin-def.js';
import { ioErrorText, ReadLineError } from './builtins/io-error.js';

/** Where a run's `Console.*` output goes: the process streams, nowhere, or a caller's line sinks. */
export type ConsoleOption =
  | 'inherit'
  | 'silent'
  | { writeOut(line: string): void; writeErr(line: string): void };

const NO_ARGS: readonly string[] = Object.freeze([]);
const ignore = (_line: string): void => {};

/**
 * Builds the `HostContext` of one run: `inherit` writes each line plus a newline to the process streams and reads
 * stdin synchronously; `silent` drops output (what the bench harness uses); an object receives each line as is.
 */
export function createHost(
  console: ConsoleOption | undefined,
  args: readonly string[] | undefined,
  stdin: (() => string | null) | undefined,
): HostContext {
  const mode = console ?? 'inherit';
  let writeOut = ignore;
  let writeErr = ignore;
  if (mode === 'inherit') {
    writeOut = (line) => process.stdout.write(`${line}\n`);
    writeErr = (line) => process.stderr.write(`${line}\n`);
  } else if (mode !== 'silent') {
    writeOut = (line) => mode.writeOut(line);
    writeErr = (line) => mode.writeErr(line);
  }
  const readLine = stdin ?? (mode === 'inherit' ? readStdinLine : () => null);
  return { writeOut, writeErr, readLine, args: args ?? NO_ARGS };
}

let pending = '';
let ended = false;
const decoder = new StringDecoder('utf8');

/** One line of the process's stdin without its line end, read synchronously; `null` at end of input. */
export function readStdinLine(): string | null {
  const chunk = Buffer.alloc(65536);
  for (;;) {
    const newline = pending.indexOf('\n');
    if (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      return line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    if (ended) {
      if (pending === '') return null;
      const line = pending;
      pending = '';
      return line;
    }
    let read = 0;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code !== 'EOF') throw new ReadLineError(ioErrorText(error));
    }
    if (read === 0) {
      ended = true;
      pending += decoder.end();
    } else pending += decoder.write(chunk.subarray(0, read));
  }
}
