import pc from 'picocolors';

/** picocolors' formatter set (all identity functions when colour is off). */
export type Colors = ReturnType<typeof pc.createColors>;

/** Everything the command touches outside itself; `main.ts` wires it to the process, tests to buffers. */
export interface CliIo {
  /** Writes to standard output (reports, diffs, NDJSON). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error (errors, warnings, notices, progress). */
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard error is a terminal: colour and progress lines only then. */
  readonly stderrIsTTY: boolean;
}

/** The terminal side of a run: colours (or none) and the progress line. */
export interface Terminal {
  readonly colors: Colors;
  /** Prints one line on stderr in the given style. */
  readonly error: (text: string) => void;
  readonly warn: (text: string) => void;
  readonly notice: (text: string) => void;
  readonly success: (text: string) => void;
  /** Shows a progress line on a terminal (replacing the previous one); does nothing otherwise. */
  readonly progress: (text: string) => void;
  /** Removes the progress line, if one is shown. */
  readonly clearProgress: () => void;
}

/**
 * Colour is used only when stderr is a terminal and `NO_COLOR` is unset or empty (https://no-color.org); the
 * reference's `colored` crate follows the same rules.
 */
export function colorsEnabled(io: CliIo): boolean {
  const noColor = io.env.NO_COLOR;
  return io.stderrIsTTY && (noColor === undefined || noColor === '');
}

/** Builds the terminal helpers for `io`. */
export function createTerminal(io: CliIo): Terminal {
  const colors = pc.createColors(colorsEnabled(io));
  let progressShown = false;
  const clearProgress = (): void => {
    if (!progressShown) return;
    io.stderr('\r\x1b[2K');
    progressShown = false;
  };
  const line = (style: (text: string) => string) => (text: string) => {
    clearProgress();
    io.stderr(`${style(text)}\n`);
  };
  return {
    colors,
    error: line(colors.red),
    warn: line(colors.yellow),
    notice: line(colors.dim),
    success: line(colors.cyan),
    progress: (text) => {
      if (!io.stderrIsTTY) return;
      io.stderr(`\r\x1b[2K${text}`);
      progressShown = true;
    },
    clearProgress,
  };
}
