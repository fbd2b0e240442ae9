import { describe, expect, it } from 'vitest';
import { workerExecArgv } from './worker-exec-argv.js';

describe('workerExecArgv', () => {
  it('drops V8 options and eval flags with their values', () => {
    expect(
      workerExecArgv([
        '--max-semi-space-size=2',
        '--heap-growing-percent=10',
        '--input-type=module',
        '-e',
        'console.log(1)',
        '--stack-trace-limit=50',
      ]),
    ).toEqual([]);
  });

  it('keeps loaders, conditions and source maps, with separate values', () => {
    expect(
      workerExecArgv([
        '--import',
        'tsx',
        '--conditions=development',
        '-C',
        'test',
        '--enable-source-maps',
        '--max-old-space-size=100',
        '-r',
        './setup.cjs',
      ]),
    ).toEqual([
      '--import',
      'tsx',
      '--conditions=development',
      '-C',
      'test',
      '--enable-source-maps',
      '-r',
      './setup.cjs',
    ]);
  });
});
