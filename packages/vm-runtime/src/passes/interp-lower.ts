import type { DisplayKind, Expr, InterpSegment, InterpString } from '../ast.js';
import type { Type } from '../checker/index.js';
import type { CodeUnit } from './code-unit.js';
import { visitExprs } from './walk.js';

/** What `interp_lower` did. */
export interface InterpLowerStats {
  readonly lowered: number;
  /** Interpolations that became a single String value (no buffer at all). */
  readonly withoutBuffer: number;
}

/**
 * The `interp_lower` stage (language reference: "What each stage does", 0.15.0): turns every interpolated string into
 * a string-buffer plan (`InterpString.lowered`): adjacent literal pieces merged, empty ones dropped, and each
 * embedded value tagged with the display it needs from its checked type (`raw` String, `int`, `float`, or the general
 * `value` display). The compiler pushes the pieces and joins them with one `STRING_CONCAT` (the buffer), so an
 * accumulator loop (`acc = "{acc}{i},"`) costs time linear in the text it builds.
 */
export function lowerInterpolations(
  units: readonly CodeUnit[],
  exprTypes: Map<Expr, Type>,
): InterpLowerStats {
  let lowered = 0;
  let withoutBuffer = 0;
  const seen = new Set<InterpString>();
  for (const unit of units) {
    visitExprs(unit.body, (expr) => {
      if (expr.kind !== 'Interp' || seen.has(expr)) return;
      seen.add(expr);
      expr.lowered = lowerInterpolation(expr, exprTypes);
      lowered++;
      const segments = expr.lowered.segments;
      if (segments.length === 1 && (segments[0].kind === 'text' || segments[0].display === 'raw'))
        withoutBuffer++;
    });
  }
  return { lowered, withoutBuffer };
}

function lowerInterpolation(
  expr: InterpString,
  exprTypes: Map<Expr, Type>,
): InterpString['lowered'] & object {
  const segments: InterpSegment[] = [];
  let capacityHint = 0;
  let text = '';
  for (const part of expr.parts) {
    if (part.kind === 'Text') {
      text += part.value;
      continue;
    }
    if (text !== '') {
      segments.push({ kind: 'text', value: text });
      capacityHint += text.length;
      text = '';
    }
    segments.push({ kind: 'value', expr: part.expr, display: displayKindOf(exprTypes.get(part.expr)) });
  }
  if (text !== '' || segments.length === 0) {
    segments.push({ kind: 'text', value: text });
    capacityHint += text.length;
  }
  return { segments, capacityHint };
}

/** The display an embedded value needs, from its checked type (`value` when the type is not known). */
function displayKindOf(type: Type | undefined): DisplayKind {
  switch (type?.kind) {
    case 'String':
      return 'raw';
    case 'Int':
      return 'int';
    case 'Float':
      return 'float';
    default:
      return 'value';
  }
}
