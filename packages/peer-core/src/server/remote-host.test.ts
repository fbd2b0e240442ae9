import { describe, expect, it } from 'vitest';
import { remoteHostOf } from './remote-host.js';

describe('remoteHostOf', () => {
  it.each([
    ['127.0.0.1:5555', '127.0.0.1'],
    ['ipv4:127.0.0.1:5555', '127.0.0.1'],
    ['::1:5555', '::1'],
    ['[::1]:5555', '::1'],
    ['ipv6:[2001:db8::7]:443', '2001:db8::7'],
    ['::ffff:192.0.2.9:5555', '192.0.2.9'],
    ['::FFFF:192.0.2.9:5555', '192.0.2.9'],
    ['unknown', 'unknown'],
  ])('gives %s as %s', (peer, host) => {
    expect(remoteHostOf(peer)).toBe(host);
  });
});
