import { NONE, type NoneValue, UNIT, type Value, WrapKind, WrapValue } from '../values.js';

/** `Result.Ok(value)`. */
export function ok(value: Value): WrapValue {
  return new WrapValue(WrapKind.Ok, value);
}

/** `Result.Err(error)`. */
export function err(error: Value): WrapValue {
  return new WrapValue(WrapKind.Err, error);
}

/** `Option.Some(value)`. */
export function some(value: Value): WrapValue {
  return new WrapValue(WrapKind.Some, value);
}

/** `Option.Some(value)` or `Option.None` for `undefined`. */
export function optionOf(value: Value | undefined): WrapValue | NoneValue {
  return value === undefined ? NONE : new WrapValue(WrapKind.Some, value);
}

/** The `Result.Ok(Unit)` shared by every successful Unit-returning service call. */
export const OK_UNIT: WrapValue = Object.freeze(new WrapValue(WrapKind.Ok, UNIT)) as WrapValue;
