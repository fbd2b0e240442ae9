import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * One tmux server of its own (its own socket), so a test drives a real
 * terminal without touching anyone else's sessions.
 */
export class TmuxTerminal {
  readonly socket = `ferry-test-${process.pid}-${Date.now()}`;

  async tmux(...args: string[]): Promise<string> {
    const { stdout } = await run('tmux', ['-L', this.socket, ...args], {
      timeout: 10_000,
    });
    return stdout;
  }

  /** Starts `command` (run by sh) in a `columns`×`rows` terminal. */
  async start(command: string, columns = 100, rows = 30): Promise<void> {
    await this.tmux(
      'new-session',
      '-d',
      '-s',
      'main',
      '-x',
      String(columns),
      '-y',
      String(rows),
      command,
    );
  }

  /** Sends keys by tmux name ("Enter", "Escape") or, with `literal`, text. */
  async send(keys: string, literal = false): Promise<void> {
    await this.tmux(
      'send-keys',
      '-t',
      'main',
      ...(literal ? ['-l'] : []),
      keys,
    );
  }

  /**
   * Sends several keys by tmux name in one command, so they reach the
   * program together, as keys typed during a redraw do.
   */
  async sendTogether(...keys: string[]): Promise<void> {
    await this.tmux('send-keys', '-t', 'main', ...keys);
  }

  /** The screen as text. */
  screen(): Promise<string> {
    return this.tmux('capture-pane', '-p', '-t', 'main');
  }

  /** True while the program has the alternate screen buffer on. */
  async alternateOn(): Promise<boolean> {
    const out = await this.tmux(
      'display-message',
      '-p',
      '-t',
      'main',
      '#{alternate_on}',
    );
    return out.trim() === '1';
  }

  /** Polls the screen until `predicate` holds; fails after `timeoutMs`. */
  async waitFor(
    predicate: (screen: string) => boolean,
    timeoutMs = 30_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = await this.screen();
      if (predicate(screen)) return screen;
      if (Date.now() > deadline) {
        throw new Error(`screen never matched in ${timeoutMs} ms:\n${screen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Like `waitFor`, but returns only a screen that two captures in a row
   * agree on: one caught while the program is still redrawing can show a
   * new first line above old ones.
   */
  async waitForSteady(
    predicate: (screen: string) => boolean,
    timeoutMs = 30_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = await this.waitFor(predicate, timeoutMs);
    for (;;) {
      const again = await this.screen();
      if (again === screen && predicate(again)) return again;
      if (Date.now() > deadline) {
        throw new Error(
          `screen never held still in ${timeoutMs} ms:\n${again}`,
        );
      }
      screen = await this.waitFor(
        predicate,
        Math.max(0, deadline - Date.now()),
      );
    }
  }

  /** Stops the tmux server and everything running in it. */
  async kill(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined);
  }
}
