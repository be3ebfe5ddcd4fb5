import * as v from 'valibot';
import { describeTomlValue } from './describe-toml-value.js';
import * as messages from './messages.js';

/** Keys of the `[effects]` table (our addition: the sandbox of bench mode). */
export const EFFECTS_KEYS = ['allow', 'disk_root'] as const;

/**
 * What a scenario may do beyond the sandbox's defaults (bench mode denies `Disk`, `Env`, `Http`, `HttpServer`,
 * `Tcp` and `Terminal` unless allowed here).
 */
export interface EffectsShape {
  /** `allow`: effects as a program declares them, one method (`Disk.readText`) or a namespace (`Disk`). */
  readonly allow: readonly string[];
  /**
   * `disk_root`: the folder Disk paths must stay in, `null` when absent. In a loaded `Manifest` it is joined verbatim to
   * the manifest's folder.
   */
  readonly diskRoot: string | null;
}

/** No `[effects]` table: the sandbox's defaults. */
export const NO_EFFECTS: EffectsShape = Object.freeze({ allow: Object.freeze([]), diskRoot: null });

/** An effect as `! [..]` writes it: `Namespace` or `Namespace.method`. */
const EFFECT_NAME = /^[A-Z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)?$/;

/**
 * The schema of the `[effects]` table: `allow` is an array of effect names (whether each names a real effect is
 * checked by the runtime's sandbox, which knows them), `disk_root` a string; `load-manifest` resolves `disk_root`
 * against the manifest's folder and checks that it is a folder.
 */
export const EffectsSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    (input) =>
      typeof input === 'object' && input !== null && !Array.isArray(input) && !(input instanceof Date),
    (issue) => messages.wrongType('effects', 'a table', describeTomlValue(issue.input)),
  ),
  v.object({
    allow: v.optional(
      v.pipe(
        v.array(v.unknown(), (issue) =>
          messages.wrongType('effects.allow', 'an array of strings', describeTomlValue(issue.input)),
        ),
        v.rawCheck<unknown[]>(({ dataset, addIssue }) => {
          if (!dataset.typed) return;
          dataset.value.forEach((item, index) => {
            const problem =
              typeof item !== 'string'
                ? messages.wrongType(`effects.allow[${index}]`, 'a string', describeTomlValue(item))
                : EFFECT_NAME.test(item)
                  ? null
                  : messages.notAnEffectName(index, item);
            if (problem === null) return;
            addIssue({
              message: problem,
              path: [{ type: 'array', origin: 'value', input: dataset.value, key: index, value: item }],
            });
          });
        }),
        v.transform((items) => items.filter((item): item is string => typeof item === 'string')),
      ),
      [],
    ),
    disk_root: v.optional(
      v.string((issue) =>
        messages.wrongType('effects.disk_root', 'a string', describeTomlValue(issue.input)),
      ),
    ),
  }),
  v.transform((table): EffectsShape => ({ allow: table.allow, diskRoot: table.disk_root ?? null })),
);
