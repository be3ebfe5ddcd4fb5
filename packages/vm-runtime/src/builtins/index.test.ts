import { describe, expect, it } from 'vitest';
import { AverRuntimeError } from '../errors.js';
import { arityOf } from './define.js';
import {
  BUILTIN_INDEX,
  BUILTIN_RECORD_TYPES,
  BUILTIN_RECORDS,
  BUILTIN_SIGNATURES,
  BUILTINS,
  joinImplementations,
} from './index.js';
import { recordingHost } from './test-helpers.js';

const PURE_NAMESPACES = [
  'Int',
  'Float',
  'String',
  'Char',
  'Byte',
  'Bool',
  'List',
  'Vector',
  'Map',
  'Option',
  'Result',
  'BranchPath',
];
const TYPE_SYNTAX = /^\((?:[A-Za-z.]+|[<>(), \-[\]!]|Fn)*\) -> [A-Za-z.<>(), \-[\]!]+$/;

describe('the built-in table', () => {
  it('has unique names and an index entry for each row', () => {
    expect(new Set(BUILTINS.map((row) => row.name)).size).toBe(BUILTINS.length);
    for (let index = 0; index < BUILTINS.length; index++)
      expect(BUILTIN_INDEX.get(BUILTINS[index].name)).toBe(index);
  });

  it('covers every function of language reference: "Built-in namespaces and functions" for v0.15–0.24', () => {
    const names = new Set(BUILTINS.map((row) => row.name));
    for (const name of [
      'Int.fromString Int.fromFloat Int.toString Int.toFloat Int.abs Int.min Int.max Int.mod Int.div',
      'Float.fromString Float.fromInt Float.toString Float.toInt Float.abs Float.floor Float.ceil Float.round',
      'Float.min Float.max Float.sqrt Float.sin Float.cos Float.pow Float.atan2 Float.pi',
      'String.len String.byteLength String.startsWith String.endsWith String.contains String.slice String.trim',
      'String.split String.replace String.join String.charAt String.chars String.fromInt String.fromFloat',
      'String.fromBool String.toLower String.toUpper Char.toCode Char.fromCode Byte.toHex Byte.fromHex',
      'Bool.and Bool.or Bool.not List.len List.prepend List.concat List.reverse List.contains List.zip List.take',
      'List.drop List.fromVector Vector.new Vector.get Vector.set Vector.len Vector.fromList Vector.toList',
      'Map.empty Map.set Map.get Map.remove Map.has Map.keys Map.values Map.entries Map.len Map.fromList',
      'Option.withDefault Option.toResult Result.withDefault Args.get Console.print Console.error Console.warn',
      'Console.readLine Http.get Http.head Http.delete Http.post Http.put Http.patch HttpServer.listen',
      'HttpServer.listenWith Disk.readText Disk.writeText Disk.appendText Disk.exists Disk.delete Disk.deleteDir',
      'Disk.makeDir Disk.listDir Env.get Env.set Random.int Random.float Time.now Time.unixMs Time.sleep',
      'Tcp.connect Tcp.send Tcp.ping Tcp.writeLine Tcp.readLine Tcp.close Terminal.enableRawMode',
      'Terminal.disableRawMode Terminal.clear Terminal.moveTo Terminal.print Terminal.setColor Terminal.resetColor',
      'Terminal.readKey Terminal.size Terminal.hideCursor Terminal.showCursor Terminal.flush',
    ].flatMap((line) => line.split(' '))) {
      expect(names.has(name), name).toBe(true);
    }
    expect(names.has('Option.Some')).toBe(false);
    expect(names.has('Result.Ok')).toBe(false);
  });

  it('gives pure namespaces no effects and every service function its own name as effect', () => {
    for (const row of BUILTINS) {
      const namespace = row.name.slice(0, row.name.indexOf('.'));
      expect(row.effects, row.name).toEqual(PURE_NAMESPACES.includes(namespace) ? [] : [row.name]);
    }
  });

  it('writes signatures in Aver type syntax with a matching arity', () => {
    for (const row of BUILTINS) {
      expect(row.signature, row.name).toMatch(TYPE_SYNTAX);
      expect(row.arity, row.name).toBe(arityOf(row.signature));
    }
    expect(BUILTINS[BUILTIN_INDEX.get('Map.set')!].signature).toBe('(Map<K, V>, K, V) -> Map<K, V>');
    expect(BUILTINS[BUILTIN_INDEX.get('List.zip')!].signature).toBe(
      '(List<A>, List<B>) -> List<Tuple<A, B>>',
    );
    expect(BUILTINS[BUILTIN_INDEX.get('Console.print')!].signature).toBe('(Any) -> Unit');
  });

  it('records the era of names that exist only in some versions', () => {
    const era = (name: string) => BUILTINS[BUILTIN_INDEX.get(name)!].era;
    for (const name of [
      'Int.toString',
      'Int.toFloat',
      'Float.toString',
      'Float.toInt',
      'Map.empty',
      'Vector.toList',
    ])
      expect(era(name), name).toEqual({ removedIn: '0.17.0' });
    expect(era('List.fromVector')).toEqual({ since: '0.17.0' });
    expect(era('Int.div')).toEqual({ since: '0.24.0' });
    expect(era('Byte.toHex')).toEqual({ removedIn: '0.24.0' });
    expect(era('List.len')).toBeUndefined();
  });

  it('marks Http, HttpServer, Tcp and Terminal unavailable, with a runtime error naming the service', () => {
    const unavailable = BUILTINS.filter((row) => row.unavailable).map((row) => row.name.split('.')[0]);
    expect(new Set(unavailable)).toEqual(new Set(['Http', 'HttpServer', 'Tcp', 'Terminal']));
    const row = BUILTINS[BUILTIN_INDEX.get('Http.get')!];
    const call = () => row.impl(recordingHost(), 'http://x', undefined!, undefined!, undefined!);
    expect(call).toThrow(AverRuntimeError);
    expect(call).toThrow("Http.get is not available in this runtime (service 'Http' is not implemented)");
  });

  it('is the signature table joined with the implementations, row for row', () => {
    expect(BUILTINS.length).toBe(BUILTIN_SIGNATURES.length);
    BUILTINS.forEach((row, index) => {
      const { impl, ...signature } = row;
      expect(signature).toEqual(BUILTIN_SIGNATURES[index]);
      expect(typeof impl).toBe('function');
    });
  });

  it('reports a signature without an implementation and an implementation without a signature', () => {
    const signature = { name: 'Int.abs', signature: '(Int) -> Int', arity: 1, effects: [] };
    const impl = () => 0;
    expect(() => joinImplementations([signature], {})).toThrow(
      'Internal error: built-in Int.abs has no implementation',
    );
    expect(() => joinImplementations([signature], { 'Int.abs': impl, 'Int.neg': impl })).toThrow(
      'Internal error: built-in implementation Int.neg has no signature',
    );
  });

  it('counts signature parameters through nested generics and function types', () => {
    expect(arityOf('() -> Unit')).toBe(0);
    expect(arityOf('(Map<K, V>, K) -> Option<V>')).toBe(2);
    expect(arityOf('(Int, T, Fn(T, HttpRequest) -> HttpResponse ! [Console.print]) -> Unit')).toBe(3);
  });
});

describe('BUILTIN_RECORDS', () => {
  it('lists the service and Oracle records with their fields in declaration order', () => {
    expect(BUILTIN_RECORDS.map((record) => record.name)).toEqual([
      'HttpResponse',
      'HttpRequest',
      'Tcp.Connection',
      'Terminal.Size',
      'BranchPath',
      'EffectEvent',
      'Trace',
    ]);
    expect(BUILTIN_RECORD_TYPES.get('HttpResponse')).toEqual({
      name: 'HttpResponse',
      fieldNames: ['status', 'body', 'headers'],
    });
    expect(BUILTIN_RECORDS[0].fields[2]).toEqual({ name: 'headers', type: 'Map<String, List<String>>' });
  });
});
