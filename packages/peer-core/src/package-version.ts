import { readFileSync } from 'node:fs';

/** Reads `version` from the package.json at `packageJsonUrl`. */
export function packageVersion(packageJsonUrl: URL): string {
  const pkg = JSON.parse(readFileSync(packageJsonUrl, 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
