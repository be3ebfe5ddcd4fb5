import path from 'node:path';

/**
 * Joins `relative` onto `base` the way Rust's `Path::join` does: an absolute `relative` replaces `base`, an empty
 * `base` leaves `relative` as is, and nothing is normalised (`bench/scenarios/../../x.av` stays as written), so a
 * report's `scenario.entry` matches the reference byte for byte (bench spec: "Path-resolution rules").
 * @param base The directory, possibly empty (the CWD).
 * @param relative The path written in the manifest.
 * @returns The joined path.
 */
export function joinPathVerbatim(base: string, relative: string): string {
  if (path.isAbsolute(relative) || base === '') return relative;
  if (base.endsWith('/') || base.endsWith(path.sep)) return base + relative;
  return base + path.sep + relative;
}

/**
 * The directory part of a path like Rust's `Path::parent`: `''` for a bare file name (so a later join stays
 * CWD-relative), otherwise `path.dirname`, which strips the last component without normalising.
 * @param filePath A file path as given by the user.
 * @returns The parent directory, or `''` when the path has none.
 */
export function parentDirVerbatim(filePath: string): string {
  if (path.basename(filePath) === filePath) return '';
  return path.dirname(filePath);
}

/**
 * The file name without its last extension (Rust's `file_stem`): `fib.toml` → `fib`, `.hidden` → `.hidden`.
 * @param filePath A file path.
 * @param fallback Returned when the path has no usable stem.
 * @returns The stem.
 */
export function fileStem(filePath: string, fallback: string): string {
  const base = path.basename(filePath);
  const stem = path.basename(base, path.extname(base));
  return stem === '' ? fallback : stem;
}
