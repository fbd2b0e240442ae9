import type { TSchema } from 'typebox';
import type { Validator } from 'typebox/compile';
import { Compile } from 'typebox/compile';

/** One failed check, as TypeBox reports it. */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message: string;
}

interface ArrayField {
  key: string;
  maxItems: number | undefined;
  checkItem: (item: unknown) => boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The array properties of an object schema, each with a compiled item check. */
function arrayFields(schema: TSchema): ArrayField[] {
  const properties: unknown = Reflect.get(schema, 'properties');
  if (!isRecord(properties)) return [];
  return Object.entries(properties).flatMap(([key, property]) => {
    const items: unknown = isRecord(property) ? property['items'] : undefined;
    if (!isRecord(property) || property['type'] !== 'array' || !isRecord(items))
      return [];
    const check = Compile(items as TSchema);
    const maxItems = property['maxItems'];
    return [
      {
        key,
        maxItems: typeof maxItems === 'number' ? maxItems : undefined,
        checkItem: (item: unknown) => check.Check(item),
      },
    ];
  });
}

function tooManyItems(key: string, limit: number): ValidationIssue {
  return {
    keyword: 'maxItems',
    instancePath: `/${key}`,
    schemaPath: `#/properties/${key}`,
    params: { limit },
    message: `must not have more than ${limit} items`,
  };
}

/**
 * The errors of a value that failed `schema`, without walking every item
 * of its arrays: TypeBox's `Errors` is uncompiled and takes seconds over
 * 200,000 index entries, blocking every other request. Each array property
 * is cut to its first failing item (found with a compiled item check, so
 * the scan stops there), or to its first item when all pass, and the
 * errors of that small value are mapped back to the item's index. Only
 * that first failing item of each array is reported. Should the small
 * value pass (a check this does not foresee), the whole value is walked.
 */
export function errorFinder(
  schema: TSchema,
  check: Validator,
): (value: unknown) => ValidationIssue[] {
  const arrays = arrayFields(schema);
  const allErrors = (value: unknown): ValidationIssue[] =>
    check.Errors(value).map((error) => ({ ...error }));
  return (value) => {
    if (arrays.length === 0 || !isRecord(value)) return allErrors(value);
    const probe: Record<string, unknown> = { ...value };
    const found: ValidationIssue[] = [];
    const moved = new Map<string, number>();
    for (const { key, maxItems, checkItem } of arrays) {
      const items = value[key];
      if (!Array.isArray(items)) continue;
      if (maxItems !== undefined && items.length > maxItems) {
        found.push(tooManyItems(key, maxItems));
      }
      const bad = items.findIndex((item) => !checkItem(item));
      probe[key] = bad < 0 ? items.slice(0, 1) : [items[bad]];
      if (bad > 0) moved.set(key, bad);
    }
    const errors = allErrors(probe).map((error) => {
      const [, key = '', index, ...rest] = error.instancePath.split('/');
      const at = moved.get(key);
      if (at === undefined || index !== '0') return error;
      return { ...error, instancePath: ['', key, at, ...rest].join('/') };
    });
    const all = [...found, ...errors];
    return all.length > 0 ? all : allErrors(value);
  };
}
