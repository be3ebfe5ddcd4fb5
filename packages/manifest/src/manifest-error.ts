/** Which step of loading failed: reading the file, parsing TOML, or validating the values. */
export type ManifestErrorKind = 'read' | 'parse' | 'validate';

/** One problem in a manifest, with the key and the position of the offending value when known. */
export interface ManifestIssue {
  /** The full message, starting with the manifest path. */
  readonly message: string;
  /** The dotted key (`iterations`, `expected.response_bytes_max`, `args[1]`), or `null` for the whole file. */
  readonly key: string | null;
  /** 1-based line of the offending value, when known. */
  readonly line: number | null;
  /** 1-based column of the offending value, when known. */
  readonly column: number | null;
}

/**
 * A manifest that cannot be used. `message` is one line per issue; the first issue is the one the reference would
 * report (its check order), and `line`/`column` are that issue's position when known.
 */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  readonly kind: ManifestErrorKind;
  /** The manifest path as given. */
  readonly path: string;
  readonly issues: readonly ManifestIssue[];
  readonly key: string | null;
  readonly line: number | null;
  readonly column: number | null;

  constructor(kind: ManifestErrorKind, path: string, issues: readonly ManifestIssue[]) {
    super(issues.map((issue) => issue.message).join('\n'));
    this.kind = kind;
    this.path = path;
    this.issues = issues;
    this.key = issues[0]?.key ?? null;
    this.line = issues[0]?.line ?? null;
    this.column = issues[0]?.column ?? null;
  }
}
