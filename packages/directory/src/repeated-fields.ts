/**
 * Query fields sent more than once (`?q=a&q=b`, which the query parser
 * turns into an array): refused with a message that says so, rather than
 * "must be string".
 */
export function repeatedFields(given: unknown) {
  if (typeof given !== 'object' || given === null) return [];
  return Object.entries(given as Record<string, unknown>)
    .filter((field): field is [string, unknown[]] => Array.isArray(field[1]))
    .map(([key, values]) => ({
      keyword: 'repeated',
      instancePath: `/${key}`,
      schemaPath: '',
      params: {},
      message: `must be given once, not ${values.length} times`,
    }));
}
