import { jsonPointer } from './json-pointer.js';

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The keys leading to the first string (value or key) in `value` that
 * holds a lone UTF-16 surrogate, innermost last, else undefined. The path
 * is built only on a find: this walks every string of a 200,000-entry
 * index, so it allocates nothing per node.
 */
function illFormedPath(value: unknown): string[] | undefined {
  if (typeof value === 'string') {
    return LONE_SURROGATE.test(value) ? [] : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = illFormedPath(value[index]);
      if (found !== undefined) return [String(index), ...found];
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (LONE_SURROGATE.test(key)) return [key];
    const found = illFormedPath((value as Record<string, unknown>)[key]);
    if (found !== undefined) return [key, ...found];
  }
  return undefined;
}

/**
 * The JSON Pointer of the first string (value or key) in `value` that holds
 * a lone UTF-16 surrogate, else undefined. SQLite stores such a string as
 * invalid UTF-8 and reads it back as U+FFFD, so it would never match itself.
 */
export function illFormedStringAt(value: unknown): string | undefined {
  const path = illFormedPath(value);
  return path === undefined ? undefined : jsonPointer(path);
}
