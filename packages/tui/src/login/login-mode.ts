import type { Profile } from '@ferry/peer-core';
import { Scope } from '../keys/command.js';

/** What the login screen shows: the profiles, the form or the prompt. */
export type LoginMode =
  | { kind: 'list' }
  | { kind: 'form'; profile: Profile; replaces?: string }
  | { kind: 'password'; profile: Profile; busy: boolean; error: string };

/** The key scopes `mode`'s footer shows (a login under way: only Esc). */
export function loginScopes(mode: LoginMode): Scope[] {
  switch (mode.kind) {
    case 'list':
      return [Scope.Profiles, Scope.List];
    case 'form':
      return [Scope.Form];
    case 'password':
      return [mode.busy ? Scope.Connecting : Scope.Password];
    default: {
      const _exhaustive: never = mode;
      return _exhaustive;
    }
  }
}
