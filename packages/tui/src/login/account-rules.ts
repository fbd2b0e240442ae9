import { LIMITS, USERNAME_PATTERN } from '@ferry/directory/api';

const USERNAME = new RegExp(USERNAME_PATTERN);
const USERNAME_RULE = `${LIMITS.usernameMinLength}–${LIMITS.usernameMaxLength} characters of a-z 0-9 _ . -`;

/** Why the directory would refuse `username`, in words, or undefined. */
export function usernameProblem(username: string): string | undefined {
  const fits =
    username.length >= LIMITS.usernameMinLength &&
    username.length <= LIMITS.usernameMaxLength &&
    USERNAME.test(username);
  return fits ? undefined : `Username must be ${USERNAME_RULE}.`;
}

/** Why the directory would refuse `password` for a new account, or undefined. */
export function newPasswordProblem(password: string): string | undefined {
  const bytes = Buffer.byteLength(password, 'utf8');
  const fits =
    bytes >= LIMITS.passwordMinBytes && bytes <= LIMITS.passwordMaxBytes;
  return fits
    ? undefined
    : `A new account's password must be ${LIMITS.passwordMinBytes}–${LIMITS.passwordMaxBytes} bytes.`;
}
