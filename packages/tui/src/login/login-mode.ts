import type { Profile } from '@ferry/peer-core';
import { Scope } from '../keys/command.js';

/** What the login screen shows: the profiles, the form or the prompt. */
export type LoginMode =
  | { kind: 'list' }
  | { kind: 'form'; profile: Profile; replaces?: string }
  | { kind: 'password'; profile: Profile; busy: boolean; error: string };

/** The key scopes each mode's footer shows. */
export const LOGIN_SCOPES: Record<LoginMode['kind'], Scope[]> = {
  list: [Scope.Profiles, Scope.List],
  form: [Scope.Form],
  password: [Scope.Password],
};
