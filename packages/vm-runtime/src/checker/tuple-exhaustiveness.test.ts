import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorsOf, expectClean } from './test-helpers.js';

// Exhaustiveness of `match` on a tuple over the product of its components' constructor sets (language reference:
// "Exhaustiveness", like the upstream checker): a match listing every combination is accepted; without any one of its
// rows it is rejected, and the message names exactly the missing combination. Each component kind lists its patterns
// and, written out independently, how a message shows each case.

interface Component {
  readonly type: string;
  /** [pattern as written in an arm, the case as a message shows it] */
  readonly cases: readonly (readonly [string, string])[];
}

const COMPONENTS: readonly Component[] = [
  {
    type: 'Bool',
    cases: [
      ['true', 'true'],
      ['false', 'false'],
    ],
  },
  {
    type: 'Option<Int>',
    cases: [
      ['Option.Some(_)', 'Option.Some'],
      ['Option.None', 'Option.None'],
    ],
  },
  {
    type: 'Result<Int, String>',
    cases: [
      ['Result.Ok(_)', 'Result.Ok'],
      ['Result.Err(_)', 'Result.Err'],
    ],
  },
  {
    type: 'List<Int>',
    cases: [
      ['[]', '[]'],
      ['[_, .._]', '[_, .._]'],
    ],
  },
  {
    type: 'Light',
    cases: [
      ['Light.Red', 'Light.Red'],
      ['Light.Amber(_)', 'Light.Amber'],
      ['Light.Green', 'Light.Green'],
    ],
  },
  {
    type: 'Tuple<Bool, Option<Int>>',
    cases: [
      ['(true, Option.Some(_))', '(true, Option.Some)'],
      ['(true, Option.None)', '(true, Option.None)'],
      ['(false, Option.Some(_))', '(false, Option.Some)'],
      ['(false, Option.None)', '(false, Option.None)'],
    ],
  },
];

/** Every combination of one case per component, as [arm pattern, message text]. */
function product(components: readonly Component[]): [string, string][] {
  let rows: [string[], string[]][] = [[[], []]];
  for (const component of components) {
    rows = rows.flatMap(([patterns, labels]) =>
      component.cases.map(([pattern, label]): [string[], string[]] => [
        [...patterns, pattern],
        [...labels, label],
      ]),
    );
  }
  return rows.map(([patterns, labels]) => [`(${patterns.join(', ')})`, `(${labels.join(', ')})`]);
}

/** The program: `type Light` on lines 1-4, `fn f` on line 6, its `match` at 7:5. */
function program(components: readonly Component[], patterns: readonly string[]): string {
  const params = components.map((component, index) => `p${index}: ${component.type}`).join(', ');
  const subject = components.map((_, index) => `p${index}`).join(', ');
  return [
    'type Light',
    '    Red',
    '    Amber(Int)',
    '    Green',
    '',
    `fn f(${params}) -> Int`,
    `    match (${subject})`,
    ...patterns.map((pattern, index) => `        ${pattern} -> ${index}`),
    '',
  ].join('\n');
}

const scenario = fc
  .array(fc.constantFrom(...COMPONENTS), { minLength: 2, maxLength: 3 })
  .chain((components) => {
    const rows = product(components);
    return fc.record({
      components: fc.constant(components),
      rows: fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
      dropped: fc.nat({ max: rows.length - 1 }),
    });
  });

describe('exhaustiveness over tuples of constructor patterns (product of constructor sets)', () => {
  it('accepts a match that lists every combination, in any order', () => {
    fc.assert(
      fc.property(scenario, ({ components, rows }) => {
        expectClean(
          program(
            components,
            rows.map(([pattern]) => pattern),
          ),
        );
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  it('rejects the match without any one row, naming the missing combination', () => {
    fc.assert(
      fc.property(scenario, ({ components, rows, dropped }) => {
        const kept = rows.filter((_, index) => index !== dropped).map(([pattern]) => pattern);
        expect(errorsOf(program(components, kept))).toEqual([
          `error[7:5]: Non-exhaustive match: missing ${rows[dropped][1]}`,
        ]);
      }),
      { seed: 12, numRuns: 60 },
    );
  });

  it('covers a pair of Results with its four Ok/Err rows (the case of the issue)', () => {
    expectClean(`
      fn both(a: Result<Int, String>, b: Result<Int, String>) -> Int
          match (a, b)
              (Result.Ok(x), Result.Ok(y)) -> x + y
              (Result.Ok(x), Result.Err(e)) -> x
              (Result.Err(e), Result.Ok(y)) -> y
              (Result.Err(e), Result.Err(f)) -> 0
    `);
  });

  it('lets a catch-all component cover every constructor of its column', () => {
    expectClean(`
      fn f(a: Option<Int>, b: Bool) -> Int
          match (a, b)
              (Option.Some(x), _) -> x
              (Option.None, true) -> 1
              (_, false) -> 2
    `);
    expect(
      errorsOf(`
        fn f(a: Option<Int>, b: Bool) -> Int
            match (a, b)
                (Option.Some(x), _) -> x
                (_, false) -> 2
      `),
    ).toEqual(['error[2:5]: Non-exhaustive match: missing (Option.None, true)']);
  });

  it('lists the missing cases in order, a column no row reaches as _, and at most five of them', () => {
    expect(
      errorsOf(`
        fn f(a: Bool, b: Bool) -> Int
            match (a, b)
                (true, true) -> 1
      `),
    ).toEqual(['error[2:5]: Non-exhaustive match: missing (true, false), (false, _)']);
    expect(
      errorsOf(`
        type Light
            Red
            Amber(Int)
            Green

        fn f(a: Light, b: Light, c: Light) -> Int
            match (a, b, c)
                (Light.Red, Light.Red, Light.Red) -> 1
      `),
    ).toEqual([
      'error[7:5]: Non-exhaustive match: missing (Light.Red, Light.Red, Light.Amber), ' +
        '(Light.Red, Light.Red, Light.Green), (Light.Red, Light.Amber, _), (Light.Red, Light.Green, _), ' +
        '(Light.Amber, _, _), …',
    ]);
  });

  it('shows a component of an infinite type as _, and asks for a catch-all when nothing else is missing', () => {
    expect(
      errorsOf(`
        fn f(p: (Int, Bool)) -> Int
            match p
                (0, true) -> 0
                (n, false) -> n
      `),
    ).toEqual(['error[2:5]: Non-exhaustive match: missing (_, true)']);
    expect(
      errorsOf(`
        fn f(p: (Int, String)) -> Int
            match p
                (0, "a") -> 0
                (n, "b") -> n
      `),
    ).toEqual(['error[2:5]: Non-exhaustive match: missing catch-all (_) pattern']);
  });
});
