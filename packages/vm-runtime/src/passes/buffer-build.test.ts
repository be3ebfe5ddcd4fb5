import { describe, expect, it } from 'vitest';
import { disassemble } from '../debug.js';
import { AverRuntimeError } from '../errors.js';
import { compileText, lowerText, runCaptured, source } from '../test-helpers.js';

const program = source(`
  fn render(n: Int) -> List<String>
      match n
          0 -> []
          _ -> List.prepend(String.fromInt(n), render(n - 1))

  fn words(xs: List<String>, stop: String) -> List<String>
      match xs
          [] -> ["end"]
          [h, ..t] -> match h == stop
              true -> ["stopped", "here"]
              false -> match h == ""
                  true -> words(t, stop)
                  false -> List.concat(["<{h}>", ""], words(t, stop))

  fn reversed(n: Int) -> List<String>
      match n
          0 -> []
          _ -> List.concat(reversed(n - 1), [String.fromInt(n)])

  fn main() -> Unit
      ! [Console.print]
      sep = "; "
      Console.print(String.join(render(5), ", "))
      Console.print(String.join(words(["a", "", "b", "x", "c"], "x"), sep))
      Console.print(String.join(words([], "x"), sep))
      Console.print(String.join(reversed(4), "-"))
      Console.print(String.join(render(0), ","))
      Console.print(String.len(String.join(render(20000), ",")))
`);

describe('buffer_build', () => {
  it('adds a __buffered variant for each recursive list builder that feeds String.join', () => {
    const lowered = lowerText(program);
    expect(lowered.reports.buffer_build).toEqual({
      variants: ['render__buffered', 'words__buffered', 'reversed__buffered'],
      sinks: 6,
    });
    const code = disassemble(compileText(program));
    expect(code).toContain('== render__buffered (arity 2');
    expect(code).toContain('BUFFER_APPEND_SEP_UNLESS_FIRST');
    expect(code).toContain('BUFFER_FINALIZE');
  });

  it('prints exactly what the list-building program prints without it', () => {
    const buffered = runCaptured(compileText(program));
    const plain = runCaptured(compileText(program, { skip: new Set(['buffer_build']) }));
    expect(buffered.stdout).toEqual([
      '5, 4, 3, 2, 1',
      '<a>; ; <b>; ; stopped; here',
      'end',
      '1-2-3-4',
      '',
      '108893',
    ]);
    expect(buffered.stdout).toEqual(plain.stdout);
  });

  it('turns prepend recursion into a tail call: 20,000 elements in a handful of frames', () => {
    const small = { maxFrames: 50 };
    expect(runCaptured(compileText(program), small).stdout.at(-1)).toBe('108893');
    expect(() => runCaptured(compileText(program, { skip: new Set(['buffer_build']) }), small)).toThrow(
      AverRuntimeError,
    );
  });

  it('leaves shapes it cannot prove alone: a list from elsewhere, a computed separator, no recursion', () => {
    const lowered = lowerText(
      source(`
        fn items() -> List<String>
            ["a", "b"]

        fn viaLocal(n: Int) -> List<String>
            rest = viaLocal(n - 1)
            match n
                0 -> []
                _ -> List.prepend("x", rest)

        fn sep() -> String
            ","

        fn recursive(n: Int) -> List<String>
            match n
                0 -> []
                _ -> List.prepend("x", recursive(n - 1))

        fn main() -> Unit
            ! [Console.print]
            Console.print(String.join(items(), ","))
            Console.print(String.join(viaLocal(0), ","))
            Console.print(String.join(recursive(2), sep()))
      `),
    );
    expect(lowered.reports.buffer_build).toEqual({ variants: [], sinks: 0 });
  });
});
