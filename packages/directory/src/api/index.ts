/** The path prefix of every route of the directory's REST API. */
export const API_PREFIX = '/v1';
