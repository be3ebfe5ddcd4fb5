import type { Call } from '../ast.js';
import { inferArgsLoosely } from './call-args.js';
import type { CheckContext } from './context.js';
import { type RecordTypeInfo, shortTypeName, type TypeInfo } from './environment.js';
import { inferExpr } from './infer.js';
import { checkerMessages as msg } from './messages.js';
import { compatible, type Type } from './types.js';

/**
 * `User(name = …, age = …)`: every field exactly once, by name, with its declared type (language reference:
 * "Inference and checking rules").
 */
export function constructRecord(ctx: CheckContext, call: Call, info: TypeInfo): Type {
  if (info.kind !== 'record') {
    ctx.error(call.callee.span, msg.notARecord(info.name));
    return inferArgsLoosely(ctx, call);
  }
  if (info.opaque && info.module !== ctx.module)
    ctx.error(call.callee.span, msg.opaqueConstruct(shortTypeName(info)));
  if (call.args.length > 0) {
    ctx.error(call.args[0].span, msg.recordNeedsNamedFields(info.name));
    for (const arg of call.args) inferExpr(ctx, arg, null);
  }
  const fields = info.fields;
  const fieldOrder: number[] = new Array(fields.length).fill(-1);
  const named = call.named;
  for (let j = 0; j < named.length; j++) {
    const arg = named[j];
    const index = info.fieldIndex.get(arg.name);
    if (index === undefined) {
      ctx.error(arg.span, msg.unknownField(info.name, arg.name));
      inferExpr(ctx, arg.value, null);
      continue;
    }
    const fieldType = fields[index].type;
    if (fieldOrder[index] !== -1) ctx.error(arg.span, msg.duplicateField(info.name, arg.name));
    else fieldOrder[index] = j;
    const actual = inferExpr(ctx, arg.value, fieldType);
    if (!compatible(fieldType, actual)) {
      ctx.error(arg.value.span, msg.fieldType(info.name, arg.name, ctx.show(fieldType), ctx.show(actual)));
    }
  }
  for (let i = 0; i < fields.length; i++) {
    if (fieldOrder[i] === -1) ctx.error(call.span, msg.missingField(info.name, fields[i].name));
  }
  call.target = { kind: 'record', typeName: info.name, fieldOrder };
  return info.type;
}

/** `User.update(u, age = 31)`: one base value of the record type, then named fields to replace. */
export function updateRecord(ctx: CheckContext, call: Call, info: RecordTypeInfo): Type {
  if (info.opaque && info.module !== ctx.module)
    ctx.error(call.callee.span, msg.opaqueConstruct(shortTypeName(info)));
  const label = `${info.name}.update`;
  if (call.args.length !== 1) ctx.error(call.span, msg.arity(label, 1, call.args.length));
  for (let i = 0; i < call.args.length; i++) {
    const actual = inferExpr(ctx, call.args[i], i === 0 ? info.type : null);
    if (i === 0 && !compatible(info.type, actual)) {
      ctx.error(call.args[0].span, msg.argument(1, label, ctx.show(info.type), ctx.show(actual)));
    }
  }
  const fieldIndexes: number[] = [];
  const seen = new Set<number>();
  for (const arg of call.named) {
    const index = info.fieldIndex.get(arg.name);
    if (index === undefined) {
      ctx.error(arg.span, msg.unknownField(info.name, arg.name));
      inferExpr(ctx, arg.value, null);
      fieldIndexes.push(-1);
      continue;
    }
    if (seen.has(index)) ctx.error(arg.span, msg.duplicateField(info.name, arg.name));
    seen.add(index);
    fieldIndexes.push(index);
    const fieldType = info.fields[index].type;
    const actual = inferExpr(ctx, arg.value, fieldType);
    if (!compatible(fieldType, actual)) {
      ctx.error(arg.value.span, msg.fieldType(info.name, arg.name, ctx.show(fieldType), ctx.show(actual)));
    }
  }
  call.target = { kind: 'recordUpdate', typeName: info.name, fieldIndexes };
  return info.type;
}
