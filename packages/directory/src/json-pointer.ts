/** The JSON Pointer (RFC 6901) of a path of keys, outermost first. */
export function jsonPointer(keys: readonly string[]): string {
  return keys
    .map((key) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}
