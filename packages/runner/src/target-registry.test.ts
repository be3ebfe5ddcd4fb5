import { afterEach, describe, expect, it } from 'vitest';
import {
  getTarget,
  listTargets,
  registerTarget,
  resolveTarget,
  unregisterTarget,
} from './target-registry.js';
import { fakeTarget } from './test-helpers.js';

afterEach(() => {
  unregisterTarget('fake');
});

describe('target registry', () => {
  it('has the vm target built in', () => {
    expect(listTargets()).toEqual(['vm']);
    expect(getTarget('vm')?.name).toBe('vm');
    expect(resolveTarget('vm').name).toBe('vm');
  });

  it('registers a new target without changes to the runner', () => {
    const fake = fakeTarget('fake');
    registerTarget(fake);
    expect(getTarget('fake')).toBe(fake);
    expect(listTargets()).toEqual(['vm', 'fake']);
  });

  it('refuses something that is not a target', () => {
    expect(() => registerTarget({ name: 'fake', run: () => null } as never)).toThrow(
      'a bench target needs a string `name`, a string `moduleUrl` and a `prepare(job)` function',
    );
  });

  it('refuses a duplicate or malformed name', () => {
    registerTarget(fakeTarget('fake'));
    expect(() => registerTarget(fakeTarget('fake'))).toThrow("bench target 'fake' is already registered");
    expect(() => registerTarget(fakeTarget('Bad Name'))).toThrow("bench target name 'Bad Name' is invalid");
  });

  it('matches names exactly and case-sensitively', () => {
    expect(getTarget('VM')).toBeUndefined();
  });

  it('says a reference target is not available in this build', () => {
    for (const name of ['rust', 'wasm-gc', 'wasm-gc-v8', 'wasm-local']) {
      expect(() => resolveTarget(name)).toThrow(
        `target '${name}' is not available in this build (available: vm)`,
      );
    }
  });

  it('gives the reference parse message for an unknown name', () => {
    expect(() => resolveTarget('VM')).toThrow(
      "unknown bench target 'VM'; expected one of: vm, wasm-gc, wasm-gc-v8, rust",
    );
  });

  it('lists targets the caller can install from packages with the registered ones', () => {
    expect(() => resolveTarget('jit', ['js'])).toThrow(
      "unknown bench target 'jit'; expected one of: vm, wasm-gc, wasm-gc-v8, rust, js",
    );
    expect(() => resolveTarget('rust', ['js', 'vm'])).toThrow(
      "target 'rust' is not available in this build (available: vm, js)",
    );
  });

  it('lists registered extras after the reference names', () => {
    registerTarget(fakeTarget('fake'));
    expect(() => resolveTarget('jit')).toThrow(
      "unknown bench target 'jit'; expected one of: vm, wasm-gc, wasm-gc-v8, rust, fake",
    );
    expect(() => resolveTarget('rust')).toThrow(
      "target 'rust' is not available in this build (available: vm, fake)",
    );
  });
});
