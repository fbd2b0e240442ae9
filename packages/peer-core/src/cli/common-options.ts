import { Option, type Command } from 'commander';
import {
  DEFAULT_DIRECTORY_URL,
  type SettingFlags,
} from '../config/settings.js';
import { directoryArgument } from './parse-flags.js';

/** Flags every command takes. */
export interface CommonFlags extends SettingFlags {
  passwordFile?: string;
}

/** Adds `--directory`, `--user`, `--profile` and `--password-file`. */
export function withCommonOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--directory <url>',
        `directory URL (default: ${DEFAULT_DIRECTORY_URL})`,
      )
        .env('FERRY_DIRECTORY')
        .argParser(directoryArgument),
    )
    .addOption(new Option('--user <name>', 'username').env('FERRY_USER'))
    .option('--profile <name>', 'saved profile to start from')
    .option(
      '--password-file <file>',
      'read the password from the first line of FILE',
    );
}
