/** Extensions of compressed tar archives, numbered as one extension. */
const COMPOUND_EXTENSION = /\.tar\.(?:gz|bz2|xz|zst|lz|lz4|lzma|z|br)$/i;

/**
 * The `n`-th alternative of a file name: `name.ext`, `name (1).ext`,
 * `name (2).ext`, … The extension is what follows the last dot, or a
 * compressed tar's two (`name (1).tar.gz`), unless the name starts with it.
 */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const dot = extensionStart(name);
  return dot > 0
    ? `${name.slice(0, dot)} (${n})${name.slice(dot)}`
    : `${name} (${n})`;
}

function extensionStart(name: string): number {
  const compound = COMPOUND_EXTENSION.exec(name);
  if (compound !== null && compound.index > 0) return compound.index;
  return name.lastIndexOf('.');
}
