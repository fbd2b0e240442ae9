import { describe, expect, it } from 'vitest';
import { PeerError, PeerErrorCode } from '@ferry/peer-core';
import { loginProblem } from './login-error.js';
import { defaultProfile, profileProblem } from './profile-fields.js';

const url = 'http://127.0.0.1:7070';

describe('login errors', () => {
  it.each([
    [PeerErrorCode.Unauthorized, 'Wrong username or password.', false],
    [
      PeerErrorCode.DirectoryUnreachable,
      `Directory unreachable at ${url}. Enter retries.`,
      true,
    ],
    [PeerErrorCode.Rejected, 'Refused: username taken', false],
  ])('%s reads as a message a user can act on', (code, message, retryable) => {
    const error = new PeerError(code, 'username taken');
    expect(loginProblem(error, url)).toEqual({ message, retryable });
  });

  it('passes other errors through by message', () => {
    expect(loginProblem(new Error('boom'), url).message).toBe('boom');
  });
});

describe('profile form checks', () => {
  const good = {
    ...defaultProfile('/home/h/Ferry'),
    name: 'home',
    username: 'hank',
  };

  it('accepts a complete profile', () => {
    expect(profileProblem(good)).toBeUndefined();
    expect(good.downloadDir).toBe('/home/h/Ferry/downloads');
  });

  it.each([
    [{ name: ' ' }, 'Profile name is empty.'],
    [
      { directoryUrl: 'ftp://x' },
      'Directory URL must look like http://host:port.',
    ],
    [
      { username: 'Hank' },
      'Username must be 3–32 characters of a-z 0-9 _ . -.',
    ],
    [
      { listen: 'nowhere' },
      'Listen on must be HOST:PORT (port 0 picks a free one).',
    ],
    [
      { listen: '127.0.0.1:65536' },
      'Listen on must be HOST:PORT (port 0 picks a free one).',
    ],
  ])('names what is wrong with %o', (change, problem) => {
    expect(profileProblem({ ...good, ...change })).toBe(problem);
  });
});
