import { parse } from 'content-type';

/**
 * The `charset` parameter of a Content-Type header as sent (unquoted), else
 * undefined.
 */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  return parse(contentType).parameters['charset'];
}

/** Whether a `charset` parameter names UTF-8 (case-insensitive). */
export function isUtf8(charset: string): boolean {
  const name = charset.toLowerCase();
  return name === 'utf-8' || name === 'utf8';
}
