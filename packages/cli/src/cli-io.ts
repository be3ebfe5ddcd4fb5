import { colorEnabled } from '@aver/host-io';
import { escapeControlCharsInText } from '@aver/bench-report';
import { createProgressBar, NO_PROGRESS, type Progress, type ProgressPlan } from './progress-bar.js';

/** Styles a piece of text for the terminal (the identity when colour is off). */
export type Style = (text: string) => string;

/** The styles the command uses. */
export interface Colors {
  readonly red: Style;
  readonly yellow: Style;
  readonly cyan: Style;
  readonly dim: Style;
}

/** Everything the command touches outside itself; `main.ts` wires it to the process, tests to buffers. */
export interface CliIo {
  /** Writes to standard output (reports, diffs, NDJSON). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error (errors, warnings, notices, progress). */
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard error is a terminal: colour and progress lines only then. */
  readonly stderrIsTTY: boolean;
  /** The terminal's width in columns, when stderr is one (the progress bar fits itself to it). */
  readonly stderrColumns?: number;
}

/** The terminal side of a run: colours (or none) and the progress line. */
export interface Terminal {
  readonly colors: Colors;
  /** Prints one line on stderr in the given style. */
  readonly error: (text: string) => void;
  readonly warn: (text: string) => void;
  readonly notice: (text: string) => void;
  readonly success: (text: string) => void;
  /** Starts the progress bar of a run on a terminal (see `progressEnabled`); a silent one otherwise. */
  readonly startProgress: (plan: ProgressPlan) => Progress;
  /** Stops the progress bar and removes it, if one is shown. */
  readonly clearProgress: () => void;
}

/**
 * Whether messages on stderr are coloured: the tools' one colour policy (`@aver/host-io`: the reference's
 * `colored` crate rules), applied to stderr (the stream the messages go to) rather than stdout as the reference
 * does.
 */
export function colorsEnabled(io: CliIo): boolean {
  return colorEnabled(io.env, io.stderrIsTTY);
}

/**
 * Whether the progress bar is shown: it is drawn with terminal control sequences, so only on a terminal that
 * takes them (stderr is a TTY, colour is allowed, `TERM` is not `dumb`), and never in CI (`CI` set to anything
 * but `0` or `false`), whose logs keep every frame. With `NO_COLOR` the output holds no escape sequence at all.
 */
export function progressEnabled(io: CliIo): boolean {
  const ci = io.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return io.stderrIsTTY && colorsEnabled(io) && io.env.TERM !== 'dumb' && !inCi;
}

/** An SGR style closed with a full reset, byte for byte what the reference's `colored` crate writes. */
function sgr(code: number): Style {
  return (text) => `\x1b[${code}m${text}\x1b[0m`;
}

const PLAIN: Style = (text) => text;

/** Builds the colour styles: ANSI when `enabled`, identity functions otherwise. */
export function createColors(enabled: boolean): Colors {
  if (!enabled) return { red: PLAIN, yellow: PLAIN, cyan: PLAIN, dim: PLAIN };
  return { red: sgr(31), yellow: sgr(33), cyan: sgr(36), dim: sgr(2) };
}

/** Builds the terminal helpers for `io`. */
export function createTerminal(io: CliIo): Terminal {
  const colors = createColors(colorsEnabled(io));
  const showProgress = progressEnabled(io);
  let active: Progress | null = null;
  const clearProgress = (): void => {
    active?.stop();
    active = null;
  };
  // Messages quote paths, names, source lines and values from the input: they are escaped before they are
  // styled, so only our own colour codes reach the terminal.
  const line = (style: Style) => (text: string) => {
    active?.clear();
    io.stderr(`${style(escapeControlCharsInText(text))}\n`);
  };
  return {
    colors,
    error: line(colors.red),
    warn: line(colors.yellow),
    notice: line(colors.dim),
    success: line(colors.cyan),
    startProgress: (plan) => {
      clearProgress();
      if (!showProgress) return NO_PROGRESS;
      const bar = createProgressBar(io, plan);
      active = bar;
      return {
        ...bar,
        stop: () => {
          bar.stop();
          if (active === bar) active = null;
        },
      };
    },
    clearProgress,
  };
}
