import { describe, expect, it } from 'vitest';
import {
  ANY,
  BOOL,
  compatible,
  FLOAT,
  type FnType,
  hasHoles,
  INT,
  INVALID,
  join,
  listOf,
  namedType,
  operandKindOf,
  optionOf,
  resultOf,
  STRING,
  type Type,
  typeToString,
  UNIT,
  UNKNOWN,
} from './types.js';

const fn = (params: Type[], ret: Type, effects: string[] | null = []): FnType => ({
  kind: 'Fn',
  params,
  ret,
  effects,
});
const tuple = (...items: Type[]): Type => ({ kind: 'Tuple', items });
const map = (key: Type, value: Type): Type => ({ kind: 'Map', key, value });

describe('typeToString', () => {
  it('renders types the way reference messages do', () => {
    expect(typeToString(INT)).toBe('Int');
    expect(typeToString(listOf(INT))).toBe('List<Int>');
    expect(typeToString(map(STRING, INT))).toBe('Map<String, Int>');
    expect(typeToString(resultOf(INT, STRING))).toBe('Result<Int, String>');
    expect(typeToString(optionOf({ kind: 'Var', name: 'T' }))).toBe('Option<T>');
    expect(typeToString(fn([INT], INT, ['Console']))).toBe('Fn(Int) -> Int ! [Console]');
    expect(typeToString(fn([], UNIT))).toBe('Fn() -> Unit');
    expect(typeToString(namedType('Data.Shapes.Shape'))).toBe('Data.Shapes.Shape');
    expect(typeToString({ kind: 'Vector', elem: FLOAT })).toBe('Vector<Float>');
  });

  it('renders tuples in the paren form by default and the angle form on request', () => {
    expect(typeToString(tuple(INT, STRING))).toBe('(Int, String)');
    expect(typeToString(listOf(tuple(INT, STRING)), 'angle')).toBe('List<Tuple<Int, String>>');
  });
});

describe('compatible', () => {
  it('matches equal types and rejects different ones with no numeric promotion', () => {
    expect(compatible(INT, INT)).toBe(true);
    expect(compatible(INT, FLOAT)).toBe(false);
    expect(compatible(listOf(INT), listOf(STRING))).toBe(false);
    expect(compatible(namedType('A'), namedType('A'))).toBe(true);
    expect(compatible(namedType('A'), namedType('B'))).toBe(false);
    expect(compatible(tuple(INT, INT), tuple(INT, INT, INT))).toBe(false);
  });

  it('treats holes, Any, Invalid and type variables as compatible with everything', () => {
    for (const soft of [UNKNOWN, ANY, INVALID, { kind: 'Var', name: 'T' } as Type]) {
      expect(compatible(soft, map(INT, BOOL))).toBe(true);
      expect(compatible(BOOL, soft)).toBe(true);
    }
    expect(compatible(listOf(INT), listOf(UNKNOWN))).toBe(true);
  });

  it('accepts a function value whose effects the expected Fn type covers', () => {
    expect(compatible(fn([INT], INT, ['Console']), fn([INT], INT, ['Console.print']))).toBe(true);
    expect(compatible(fn([INT], INT), fn([INT], INT, ['Console.print']))).toBe(false);
    expect(compatible(fn([INT], INT, null), fn([INT], INT, ['Disk']))).toBe(true);
    expect(compatible(fn([INT], INT), fn([STRING], INT))).toBe(false);
  });
});

describe('join', () => {
  it('fills holes from the other side and returns null on a conflict', () => {
    expect(typeToString(join(listOf(UNKNOWN), listOf(INT))!)).toBe('List<Int>');
    expect(typeToString(join(resultOf(INT, UNKNOWN), resultOf(UNKNOWN, STRING))!)).toBe(
      'Result<Int, String>',
    );
    expect(typeToString(join(map(UNKNOWN, INT), map(STRING, UNKNOWN))!)).toBe('Map<String, Int>');
    expect(typeToString(join(tuple(UNKNOWN, INT), tuple(BOOL, INT))!)).toBe('(Bool, Int)');
    expect(join(listOf(INT), listOf(STRING))).toBeNull();
    expect(join(INVALID, INT)).toBe(INVALID);
  });

  it('keeps the same object when nothing changes', () => {
    const list = listOf(INT);
    expect(join(list, listOf(UNKNOWN))).toBe(list);
    expect(join(optionOf(UNKNOWN), optionOf(INT))).toEqual(optionOf(INT));
  });
});

describe('hasHoles and operandKindOf', () => {
  it('finds holes anywhere in a type', () => {
    expect(hasHoles(INT)).toBe(false);
    expect(hasHoles(listOf(map(STRING, UNKNOWN)))).toBe(true);
    expect(hasHoles(fn([INT], { kind: 'Var', name: 'T' }))).toBe(true);
  });

  it('maps primitive types to their operand kind and everything else to other', () => {
    expect([INT, FLOAT, STRING, BOOL, UNIT, listOf(INT), UNKNOWN].map(operandKindOf)).toEqual([
      'Int',
      'Float',
      'String',
      'Bool',
      'Unit',
      'other',
      'other',
    ]);
  });
});
