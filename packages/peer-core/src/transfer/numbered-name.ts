/**
 * The `n`-th alternative of a file name: `name.ext`, `name (1).ext`,
 * `name (2).ext`, … (the extension is what follows the last dot, unless
 * the name starts with it).
 */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0
    ? `${name.slice(0, dot)} (${n})${name.slice(dot)}`
    : `${name} (${n})`;
}
