import { describe, expect, it } from 'vitest';
import { runPeerCli } from './helpers/peer-cli.js';

describe('ferry-peer without a command', () => {
  it('prints the usage on stderr and exits 2', async () => {
    const result = await runPeerCli([], {});
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: ferry-peer');
    expect(result.stderr).toContain('serve [options]');
  });

  it('still exits 0 for `help` and `--help`', async () => {
    expect((await runPeerCli(['help'], {})).status).toBe(0);
    expect((await runPeerCli(['--help'], {})).status).toBe(0);
  });
});
