import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { TOO_DEEP_MESSAGE, tooDeepAt } from './body-depth.js';
import { repeatedFields } from './repeated-fields.js';
import { errorFinder } from './validation-errors.js';
import { illFormedStringAt } from './well-formed.js';

/** At most this many field errors are reported for one request part. */
const MAX_FIELD_ERRORS = 20;

/** TypeBox validation; query strings and params are converted first. */
export function compileValidator({
  schema,
  httpPart,
}: {
  schema: TSchema;
  httpPart?: string;
}) {
  const check = Compile(schema);
  const findErrors = errorFinder(schema, check);
  return (value: unknown) => {
    if (httpPart === 'body') {
      const deep = tooDeepAt(value);
      if (deep !== undefined)
        return { error: [fieldError(deep, TOO_DEEP_MESSAGE)] };
      return validate(value);
    }
    // Convert changes the object it is given: keep the text as sent.
    const given: unknown =
      typeof value === 'object' && value !== null ? { ...value } : value;
    const repeated = repeatedFields(given);
    if (repeated.length > 0) return { error: repeated };
    const converted = Value.Convert(schema, value);
    const inexact = inexactNumbers(given, converted);
    if (inexact.length > 0) return { error: inexact };
    return validate(converted);
  };

  function validate(converted: unknown) {
    const illFormed = illFormedStringAt(converted);
    if (illFormed !== undefined) {
      return {
        error: [
          fieldError(
            illFormed,
            'must be well-formed Unicode (no lone surrogate)',
          ),
        ],
      };
    }
    if (check.Check(converted)) return { value: converted };
    const errors = findErrors(converted);
    const useful = errors.filter((error) => error.keyword !== 'boolean');
    return {
      error: (useful.length > 0 ? useful : errors).slice(0, MAX_FIELD_ERRORS),
    };
  }
}

/**
 * Query and path fields whose text converted to a number that does not
 * spell it (`1.5` or `true` for an integer, `1e3`): refused rather than
 * rounded or guessed.
 */
function inexactNumbers(raw: unknown, converted: unknown) {
  if (typeof raw !== 'object' || raw === null) return [];
  if (typeof converted !== 'object' || converted === null) return [];
  const given = raw as Record<string, unknown>;
  const fields = Object.entries(converted as Record<string, unknown>);
  return fields
    .filter(
      ([key, number]) =>
        typeof number === 'number' &&
        typeof given[key] === 'string' &&
        String(number) !== given[key],
    )
    .map(([key]) => ({
      keyword: 'type',
      instancePath: `/${key}`,
      schemaPath: '',
      params: {},
      message: 'must be a whole number written in digits',
    }));
}

/** A failed check of the field at `instancePath`, as the schema's are. */
function fieldError(instancePath: string, message: string) {
  return {
    keyword: 'custom',
    instancePath,
    schemaPath: '',
    params: {},
    message,
  };
}
