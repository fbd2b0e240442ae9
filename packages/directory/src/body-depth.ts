import { jsonPointer } from './json-pointer.js';

/**
 * How deeply a request body may nest arrays and objects. Every body this
 * API takes nests 3 deep (`{"files":[{…}]}`); the checks that walk a body
 * recurse, and a body 5,000 deep would overflow their stack.
 */
export const MAX_BODY_DEPTH = 32;

function deepPath(value: unknown, depth: number): string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth === MAX_BODY_DEPTH) return [];
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = deepPath(value[index], depth + 1);
      if (found !== undefined) return [String(index), ...found];
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const found = deepPath((value as Record<string, unknown>)[key], depth + 1);
    if (found !== undefined) return [key, ...found];
  }
  return undefined;
}

/**
 * The JSON Pointer of the first array or object in `value` nested deeper
 * than {@link MAX_BODY_DEPTH}, else undefined. Its own recursion stops at
 * that depth.
 */
export function tooDeepAt(value: unknown): string | undefined {
  const path = deepPath(value, 0);
  return path === undefined ? undefined : jsonPointer(path);
}

/** What a body nested too deeply is told (a validation error's message). */
export const TOO_DEEP_MESSAGE = `must not nest arrays and objects more than ${MAX_BODY_DEPTH} deep`;
