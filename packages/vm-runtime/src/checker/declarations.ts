import type { EffectRef } from '../ast.js';
import type { CheckContext } from './context.js';
import {
  type FunctionInfo,
  type ModuleInfo,
  type RecordTypeInfo,
  resolveTypeExpr,
  type SumTypeInfo,
} from './environment.js';
import { checkerMessages as msg } from './messages.js';
import { effectCovered, namedType, UNIT } from './types.js';

/**
 * Phase 1: registers every `type` and `record` name of a module (bodies come later, so types may refer to each
 * other and to themselves in any order).
 */
export function declareTypes(ctx: CheckContext, module: ModuleInfo): void {
  for (const item of module.file.items) {
    if (item.kind !== 'TypeDecl' && item.kind !== 'RecordDecl') continue;
    if (module.types.has(item.name)) {
      ctx.error(item.span, msg.alreadyDefined(item.name));
      continue;
    }
    const name = module.prefix + item.name;
    const opaque = module.opaque.has(item.name);
    const type = namedType(name);
    const info: RecordTypeInfo | SumTypeInfo =
      item.kind === 'RecordDecl'
        ? { kind: 'record', name, fields: [], fieldIndex: new Map(), module, opaque, type }
        : { kind: 'sum', name, variants: [], variantIndex: new Map(), module, opaque, type };
    module.types.set(item.name, info);
    ctx.env.types.set(name, info);
  }
}

/** Phase 2: resolves record field types and variant payload types. */
export function resolveTypeBodies(ctx: CheckContext, module: ModuleInfo): void {
  ctx.module = module;
  const report = ctx.error;
  for (const item of module.file.items) {
    if (item.kind === 'RecordDecl') {
      const info = module.types.get(item.name);
      if (info?.kind !== 'record' || info.fields.length > 0 || info.fieldIndex.size > 0) continue;
      for (const field of item.fields) {
        if (info.fieldIndex.has(field.name)) {
          ctx.error(field.span, msg.alreadyDefined(field.name));
          continue;
        }
        info.fieldIndex.set(field.name, info.fields.length);
        const where = `Record '${item.name}', field '${field.name}'`;
        info.fields.push({
          name: field.name,
          type: resolveTypeExpr(ctx.env, module, field.type, report, where),
        });
      }
    } else if (item.kind === 'TypeDecl') {
      const info = module.types.get(item.name);
      if (info?.kind !== 'sum' || info.variants.length > 0 || info.variantIndex.size > 0) continue;
      for (const variant of item.variants) {
        if (info.variantIndex.has(variant.name)) {
          ctx.error(variant.span, msg.alreadyDefined(variant.name));
          continue;
        }
        info.variantIndex.set(variant.name, info.variants.length);
        const where = `Type '${item.name}', variant '${variant.name}'`;
        const fields = variant.fields.map((field) => resolveTypeExpr(ctx.env, module, field, report, where));
        info.variants.push({
          name: variant.name,
          fields,
          ref: { kind: 'variant', typeName: info.name, variant: variant.name },
        });
      }
    }
  }
}

/**
 * Phase 3: resolves every function signature. Duplicate names are last-wins before 0.21 (language reference:
 * "Top-level items"), so the later definition replaces the earlier one, with a warning.
 */
export function declareFunctions(ctx: CheckContext, module: ModuleInfo): void {
  ctx.module = module;
  const report = ctx.error;
  for (const item of module.file.items) {
    if (item.kind !== 'FnDecl') continue;
    const params = item.params.map((param) =>
      resolveTypeExpr(
        ctx.env,
        module,
        param.type,
        report,
        `Function '${item.name}', parameter '${param.name}'`,
      ),
    );
    const ret =
      item.returnType === null
        ? UNIT
        : resolveTypeExpr(ctx.env, module, item.returnType, report, `Function '${item.name}', return type`);
    const effects = item.effects.map((effect) => effect.name);
    checkEffectNames(ctx, item.effects);
    if (module.boundary !== null) {
      for (const effect of item.effects) {
        if (!effectCovered(module.boundary, effect.name)) {
          ctx.error(effect.span, msg.effectOutsideBoundary(item.name, effect.name, module.displayName));
        }
      }
    }
    const previous = module.functions.get(item.name);
    if (previous !== undefined) ctx.warn(item.nameSpan, msg.duplicateFunction(item.name));
    const info: FunctionInfo = {
      name: item.name,
      qualifiedName: module.prefix + item.name,
      decl: item,
      module,
      ref: { kind: 'function', qualifiedName: module.prefix + item.name },
      params,
      ret,
      effects,
      fnType: { kind: 'Fn', params, ret, effects },
    };
    module.functions.set(item.name, info);
    ctx.env.functions.set(info.qualifiedName, info);
  }
  if (module.boundary !== null && module.file.module?.effects)
    checkEffectNames(ctx, module.file.module.effects);
}

/**
 * Reports effect names that are neither a service function nor a service namespace (language reference:
 * "Type system: effects").
 */
function checkEffectNames(ctx: CheckContext, effects: readonly EffectRef[]): void {
  for (const effect of effects) {
    if (!ctx.env.builtins.effects.has(effect.name)) ctx.error(effect.span, msg.unknownEffect(effect.name));
  }
}

/** Reports `exposes` entries that name nothing in the module (run after the module's globals are known). */
export function checkExposes(ctx: CheckContext, module: ModuleInfo): void {
  const decl = module.file.module;
  if (decl === null) return;
  const entries = [...(decl.exposes ?? []), ...decl.exposesOpaque];
  for (const entry of entries) {
    const name = entry.name;
    if (!module.functions.has(name) && !module.types.has(name) && !module.globals.has(name)) {
      ctx.error(entry.span, msg.unknownExposed(module.displayName, name));
    }
  }
}
