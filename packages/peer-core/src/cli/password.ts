import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { getErrorMessage, PeerError, PeerErrorCode } from '../errors.js';

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
  return promptHidden('Password: ', input);
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

/** Asks on stderr and reads one line from a terminal without echoing it. */
function promptHidden(
  question: string,
  input: NodeJS.ReadableStream,
): Promise<string> {
  process.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
