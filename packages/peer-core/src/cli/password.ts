import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';
import { EXIT_INTERRUPTED, QuietExit } from './report-error.js';

/** Where the CLI looks for a password, in this order. */
export interface PasswordOptions {
  passwordFile?: string;
  env?: NodeJS.ProcessEnv;
  /** For the prompt: the terminal to read from (default stdin). */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/**
 * The password, from `FERRY_PASSWORD`, then `--password-file` (first line),
 * then a prompt on the terminal that does not echo. Never from a flag value.
 * At the prompt, Ctrl-C rejects with `QuietExit(130)`, Ctrl-D and an empty
 * line with a `PeerError`: nothing empty is ever sent to the directory.
 */
export async function readPassword(options: PasswordOptions): Promise<string> {
  const fromEnv = (options.env ?? process.env)['FERRY_PASSWORD'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (options.passwordFile !== undefined) {
    return readPasswordFile(options.passwordFile);
  }
  const input = options.input ?? process.stdin;
  if (input.isTTY !== true) {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      'a password is needed: set FERRY_PASSWORD or pass --password-file FILE',
    );
  }
  const password = await promptHidden('Password: ', input);
  if (password === '') {
    throw new PeerError(PeerErrorCode.InvalidInput, 'the password is empty');
  }
  return password;
}

async function readPasswordFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      `cannot read password file ${file}: ${getErrorMessage(error)}`,
      { cause: error },
    );
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password === '') {
    throw new PeerError(
      PeerErrorCode.InvalidInput,
      `password file ${file} is empty`,
    );
  }
  return password;
}

/**
 * Asks on stderr and reads one line from a terminal without echoing it.
 * Ctrl-C (readline's 'SIGINT') and Ctrl-D (end of input, 'close') reject,
 * so the promise always settles.
 */
function promptHidden(
  question: string,
  input: NodeJS.ReadableStream,
): Promise<string> {
  process.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: muted, terminal: true });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      rl.close();
      process.stderr.write('\n');
      finish();
    };
    rl.question('', (answer) => settle(() => resolve(answer)));
    rl.on('SIGINT', () =>
      settle(() => reject(new QuietExit(EXIT_INTERRUPTED))),
    );
    rl.on('close', () =>
      settle(() =>
        reject(new PeerError(PeerErrorCode.InvalidInput, 'no password given')),
      ),
    );
  });
}
