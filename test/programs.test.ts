import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PROGRAMS,
  REPO_ROOT,
  runProgramSync,
  type ProgramName,
} from './helpers/programs.js';

const names = Object.keys(PROGRAMS) as ProgramName[];

function packageVersionOf(name: ProgramName): string {
  const pkgFile = path.join(REPO_ROOT, PROGRAMS[name], '../../package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { version: string };
  return pkg.version;
}

describe.each(names)('%s', (name) => {
  it('prints its usage for --help and exits 0', () => {
    const result = runProgramSync(name, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Usage: ${name}`);
  });

  it('prints the version of its package for --version and exits 0', () => {
    const result = runProgramSync(name, ['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(packageVersionOf(name));
  });

  it('rejects an unknown flag with the usage on stderr and exit 2', () => {
    const result = runProgramSync(name, ['--no-such-flag']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-flag'");
    expect(result.stderr).toContain(`Usage: ${name}`);
    expect(result.stdout).toBe('');
  });
});
