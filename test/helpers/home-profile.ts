import type { Profile } from '@ferry/peer-core';

/** A saved profile for TUI tests that log in through the login screen. */
export const HOME_PROFILE: Profile = {
  name: 'home',
  directoryUrl: 'http://127.0.0.1:7070',
  username: 'hank',
  shareDir: '/tmp/share',
  downloadDir: '/tmp/downloads',
  listen: '127.0.0.1:0',
};
