// Which mutants may run outside the sandbox. `aver run` and `aver verify` perform real effects, so a mutant that
// names any namespace bench mode denies (Disk, Env, Http, HttpServer, Tcp, Terminal) only gets `aver check` and
// sandboxed runs: the fuzzer must not delete or write files at random.
import { SANDBOXED_NAMESPACES } from '../../../packages/vm-runtime/dist/index.js';

const WORLD = new RegExp(`\\b(?:${SANDBOXED_NAMESPACES.join('|')})\\b`);

/** True when `text` names a namespace that touches the world, anywhere (even in a comment). */
export function touchesWorld(text) {
  return WORLD.test(text);
}
