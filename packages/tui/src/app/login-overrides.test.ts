import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginOverrides } from './login-overrides.js';

describe('loginOverrides', () => {
  it('takes flags first, then FERRY_USER and FERRY_DIRECTORY', () => {
    const env = { FERRY_USER: 'env-user', FERRY_DIRECTORY: 'http://env:1' };
    expect(
      loginOverrides({ user: 'zed', share: 'rel/share', listen: ':0' }, env),
    ).toEqual({
      username: 'zed',
      directoryUrl: 'http://env:1',
      shareDir: path.resolve('rel/share'),
      listen: ':0',
    });
  });

  it('sets nothing when neither flags nor variables do', () => {
    expect(loginOverrides({ home: '/h' }, { FERRY_USER: '' })).toEqual({});
  });
});
