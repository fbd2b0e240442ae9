import { jsonPointer } from './json-pointer.js';

/** A key of a parsed body that could change an object's prototype. */
export interface ForbiddenKey {
  /** `__proto__` or `constructor.prototype`. */
  key: string;
  /** JSON Pointer to it, e.g. `/files/0/__proto__`. */
  pointer: string;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function forbiddenPath(value: unknown): string[] | undefined {
  if (!isObject(value)) return undefined;
  if (Object.hasOwn(value, '__proto__')) return ['__proto__'];
  const entries = Object.entries(value as Record<string, unknown>);
  const constructor = entries.find(([key]) => key === 'constructor')?.[1];
  if (isObject(constructor) && Object.hasOwn(constructor, 'prototype')) {
    return ['constructor', 'prototype'];
  }
  for (const [key, child] of entries) {
    const found = forbiddenPath(child);
    if (found !== undefined) return [key, ...found];
  }
  return undefined;
}

/**
 * The first key in a parsed body that Fastify's JSON parser
 * (secure-json-parse) refuses: an own `__proto__` key, or an own
 * `constructor` object with an own `prototype` key. Else undefined.
 */
export function forbiddenKeyIn(value: unknown): ForbiddenKey | undefined {
  const path = forbiddenPath(value);
  if (path === undefined) return undefined;
  const key =
    path.at(-1) === '__proto__' ? '__proto__' : 'constructor.prototype';
  return { key, pointer: jsonPointer(path) };
}
