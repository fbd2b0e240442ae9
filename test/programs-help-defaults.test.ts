import { describe, expect, it } from 'vitest';
import { runProgramSync, type ProgramName } from './helpers/programs.js';

/** One option's entry in a help text, wrapped lines joined by one space. */
function optionEntry(help: string, flag: string): string {
  const lines = help.split('\n');
  const start = lines.findIndex((line) =>
    new RegExp(`^\\s+${flag}\\b`).test(line),
  );
  expect(start, `${flag} is in the help`).toBeGreaterThanOrEqual(0);
  const entry = [lines[start]];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s{4,}\S/.test(line)) break;
    entry.push(line);
  }
  return entry.join(' ').replace(/\s+/g, ' ');
}

function helpOf(name: ProgramName, args: readonly string[]): string {
  const result = runProgramSync(name, [...args, '--help']);
  expect(result.status).toBe(0);
  return result.stdout;
}

const DIRECTORY = ['--directory', 'default: http://127.0.0.1:7070)'] as const;

describe('the programs’ --help states the defaults the README gives', () => {
  it.each([
    ['register'],
    ['serve'],
    ['search'],
    ['get'],
    ['browse'],
    ['peers'],
    ['logout'],
  ])('ferry-peer %s: --directory', (command) => {
    const [flag, says] = DIRECTORY;
    expect(optionEntry(helpOf('ferry-peer', [command]), flag)).toContain(says);
  });

  it.each([
    ['--share', '(default: $FERRY_HOME/share, or ~/Ferry/share without it)'],
    ['--downloads', '(default: $FERRY_HOME/downloads, or ~/Ferry/downloads)'],
    ['--listen', '(default: 127.0.0.1:0'],
    ['--max-downloads', '(default: 3)'],
    ['--upload-slots', '(default: 4)'],
    ['--upload-stall', '(default: 60)'],
  ])('ferry-peer serve: %s', (flag, says) => {
    expect(optionEntry(helpOf('ferry-peer', ['serve']), flag)).toContain(says);
  });

  it.each<readonly [string, string]>([
    DIRECTORY,
    ['--listen', '(default: 127.0.0.1:0, any port)'],
  ])('ferry: %s', (flag, says) => {
    expect(optionEntry(helpOf('ferry', []), flag)).toContain(says);
  });
});
