/** One non-blank line of an NDJSON text. */
export interface NdjsonLine {
  /** 1-based line number in the text (blank lines count). */
  readonly line: number;
  /** The line without its line end (`\n` or `\r\n`). */
  readonly text: string;
}

/**
 * Splits NDJSON text into its lines, the one way every reader of `aver-bench` output does: lines end in `\n` or
 * `\r\n`, blank and whitespace-only lines are skipped but counted, so `line` is what an editor shows.
 *
 * @param ndjsonText The NDJSON text.
 * @returns The non-blank lines in file order, lazily.
 */
export function* ndjsonLines(ndjsonText: string): Generator<NdjsonLine, void, undefined> {
  let start = 0;
  for (let line = 1; start <= ndjsonText.length; line++) {
    const newline = ndjsonText.indexOf('\n', start);
    const end = newline < 0 ? ndjsonText.length : newline;
    const text = ndjsonText.slice(
      start,
      end > start && ndjsonText.charCodeAt(end - 1) === 13 ? end - 1 : end,
    );
    start = end + 1;
    if (text.trim() !== '') yield { line, text };
  }
}
