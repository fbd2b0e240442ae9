import { readFileSync } from 'node:fs';

/** The version of `@ferry/directory`, from its package.json. */
export function packageVersion(): string {
  const url = new URL('../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version: string };
  return pkg.version;
}
