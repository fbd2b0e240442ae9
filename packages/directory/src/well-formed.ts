const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The JSON Pointer of the first string (value or key) in `value` that holds
 * a lone UTF-16 surrogate, else undefined. SQLite stores such a string as
 * invalid UTF-8 and reads it back as U+FFFD, so it would never match itself.
 */
export function illFormedStringAt(
  value: unknown,
  pointer = '',
): string | undefined {
  if (typeof value === 'string') {
    return LONE_SURROGATE.test(value) ? pointer : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (LONE_SURROGATE.test(key)) return at;
    const found = illFormedStringAt(item, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
