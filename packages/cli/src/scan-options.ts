import { parseArgs } from 'node:util';
import { usage } from './messages.js';

/** One option of a command: how messages spell it, and whether it takes a value. */
export interface OptionSpec {
  readonly display: string;
  readonly takesValue: boolean;
}

/** The command line split into option values and positionals, with every problem found (clap's words). */
export interface ScannedOptions<Name extends string> {
  readonly values: ReadonlyMap<Name, string | true>;
  readonly positionals: readonly string[];
  /** Usage problems in order (unknown option, missing or empty value, repeated option, value on a flag). */
  readonly problems: readonly string[];
}

/**
 * Scans arguments with `node:util` `parseArgs` tokens and checks them the way clap does: unknown options, missing
 * values (a value may not start with `-`, except `-` itself, unless written `--opt=-x`), empty values, repeated
 * options and values given to flags are problems; `--` ends the options.
 * @param argv The arguments.
 * @param options Long option name → spec.
 * @param shortNames Short letter → long name.
 */
export function scanOptions<Name extends string>(
  argv: readonly string[],
  options: Readonly<Record<Name, OptionSpec>>,
  shortNames: Readonly<Record<string, NoInfer<Name>>>,
): ScannedOptions<Name> {
  const shortOf = new Map(Object.entries(shortNames).map(([letter, name]) => [name as string, letter]));
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries<OptionSpec>(options).map(([name, spec]) => {
        const short = shortOf.get(name);
        return [
          name,
          { type: spec.takesValue ? 'string' : 'boolean', ...(short === undefined ? {} : { short }) },
        ];
      }),
    ) as Record<string, { type: 'string' | 'boolean'; short?: string }>,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values = new Map<Name, string | true>();
  const positionals: string[] = [];
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    // A configured short option arrives under its long name; an unknown one under its letter.
    const name =
      token.rawName.startsWith('--') || token.name in options
        ? token.name in options
          ? (token.name as Name)
          : null
        : (shortNames[token.name] ?? null);
    if (name === null) {
      problems.push(usage.unknownOption(token.rawName));
      continue;
    }
    const spec = options[name];
    if (values.has(name)) problems.push(usage.repeated(spec.display));
    if (spec.takesValue) {
      const value = token.value;
      if (value === undefined || (!token.inlineValue && value.startsWith('-') && value !== '-')) {
        problems.push(usage.missingValue(spec.display));
        continue;
      }
      if (value === '') problems.push(usage.emptyValue(spec.display));
      values.set(name, value);
    } else {
      if (token.value !== undefined) problems.push(usage.flagWithValue(spec.display, token.value));
      values.set(name, true);
    }
  }
  return { values, positionals, problems };
}
