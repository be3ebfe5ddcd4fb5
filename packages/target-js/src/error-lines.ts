import { AverRuntimeError, engineLimitError } from '@aver/vm-runtime';

/** Where a loaded module's code lives: its file name in stack traces and the Aver line of each JS line. */
export interface ModuleLines {
  readonly filename: string;
  readonly lineTable: Int32Array;
}

interface CallSite {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
}

/**
 * Gives a runtime error leaving generated code the Aver line the VM would report, read from its JS stack: the
 * innermost frame of the generated module on a line that belongs to an Aver line (runtime helpers, function
 * headers and depth checks belong to none, so an error raised in a helper is reported at the call of the helper,
 * and a stack overflow found by a callee's depth check at the caller's call). A `RangeError` of the engine (a
 * string or collection too long) becomes the VM's limit error. Other errors pass through.
 */
export function withAverLine(error: unknown, module: ModuleLines): unknown {
  if (error instanceof AverRuntimeError) {
    if (error.line === null) error.line = averLineOf(error, module);
    return error;
  }
  if (error instanceof RangeError) return engineLimitError(error, averLineOf(error, module));
  return error;
}

function averLineOf(error: Error, module: ModuleLines): number | null {
  for (const jsLine of generatedLines(error, module.filename)) {
    const line = module.lineTable[jsLine] ?? 0;
    if (line > 0) return line;
  }
  return null;
}

/** The JS line of each frame of `error`'s stack in the generated module, innermost first. */
function generatedLines(error: Error, filename: string): number[] {
  const prepare = Error.prepareStackTrace;
  Error.prepareStackTrace = (_error, sites) => sites;
  let stack: unknown;
  try {
    stack = error.stack;
  } finally {
    Error.prepareStackTrace = prepare;
  }
  if (Array.isArray(stack)) {
    return (stack as CallSite[])
      .filter((site) => site.getFileName() === filename)
      .map((site) => site.getLineNumber() ?? 0);
  }
  // The stack was already rendered to text: read `filename:line:column` out of it.
  const lines: number[] = [];
  if (typeof stack === 'string') {
    for (const frame of stack.split('\n')) {
      const at = frame.lastIndexOf(`${filename}:`);
      if (at >= 0) lines.push(Number.parseInt(frame.slice(at + filename.length + 1), 10));
    }
  }
  return lines;
}
