import { JsMessages } from '../messages.js';

/** A construct the JS generator cannot translate: a missing annotation, so a bug upstream, never a user error. */
export class JsCompileError extends Error {
  override readonly name = 'JsCompileError';

  constructor(what: string, line: number) {
    super(JsMessages.cannotCompile(what, line));
  }
}
