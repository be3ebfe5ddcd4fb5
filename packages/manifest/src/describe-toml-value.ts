/** A short description of a parsed TOML value for error messages: `an integer (30)`, `a float (30.0)`. */
export function describeTomlValue(value: unknown): string {
  if (typeof value === 'bigint') return `an integer (${value})`;
  if (typeof value === 'number') return `a float (${formatTomlFloat(value)})`;
  if (typeof value === 'string') return `a string (${JSON.stringify(truncate(value))})`;
  if (typeof value === 'boolean') return `a boolean (${value})`;
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return `a date-time (${truncate(String(value.toISOString()))})`;
  if (value === undefined || value === null) return 'nothing';
  return 'a table';
}

/** A float the way TOML writes it: always with a fraction or exponent, `inf`/`nan` spelt out. */
export function formatTomlFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
