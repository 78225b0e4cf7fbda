/**
 * Whether an output gets ANSI colors: `--color`/`--no-color` decide everywhere; otherwise only a
 * terminal gets them, `FORCE_COLOR` forcing them (unless `0` or `false`, as supports-color reads
 * it) and a non-empty `NO_COLOR` turning them off (no-color.org), the first winning over the second
 * as in Node.js.
 */
export function useColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, toTerminal: boolean, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return toTerminal;
}
