/** Whether an environment variable is set to something (an empty value counts as unset). */
function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/**
 * Whether a tool colours what it writes to a stream. One rule set for every command (`aver-bench` colours its
 * messages on stderr, `aver` its output on stdout), the rules of the reference's `colored` crate:
 *
 * 1. `NO_COLOR` set (and not empty) → never (https://no-color.org; it wins over everything, so `NO_COLOR=1`
 *    always means plain bytes);
 * 2. otherwise `CLICOLOR_FORCE` set and not `0` → always;
 * 3. otherwise `CLICOLOR=0` or `TERM=dumb` → never;
 * 4. otherwise only when the stream is a terminal.
 *
 * @param env The process environment.
 * @param isTerminal Whether the stream the colour goes to is a terminal.
 */
export function colorEnabled(
  env: Readonly<Record<string, string | undefined>>,
  isTerminal: boolean,
): boolean {
  const { NO_COLOR, CLICOLOR, CLICOLOR_FORCE, TERM } = env;
  if (isSet(NO_COLOR)) return false;
  if (isSet(CLICOLOR_FORCE) && CLICOLOR_FORCE !== '0') return true;
  if (CLICOLOR === '0' || TERM === 'dumb') return false;
  return isTerminal;
}
