import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, useApp } from 'ink';
import type { LoginRequest, PeerClient, ProfileStore } from '@ferry/peer-core';
import type { LoginOverrides } from '../app/login-overrides.js';
import { PeerClientProvider } from '../context/PeerClientContext.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { LoginScreen } from '../login/LoginScreen.js';
import type { Connect } from '../login/useLoginAttempt.js';
import { MainScreen } from './MainScreen.js';

/** What the TUI needs from outside: profiles, a way to log in, a peer. */
export interface AppProps {
  store: ProfileStore;
  connect: Connect;
  /** Already logged in (e.g. from flags): skip the login screen. */
  client?: PeerClient;
  /** `--home`: where a new profile's folders go by default. */
  home?: string;
  /** Fields the command line sets over a profile picked to log in. */
  overrides?: LoginOverrides;
  /** Aborted from outside (a signal): quit as if the user asked. */
  quitSignal?: AbortSignal;
}

/**
 * The login screen until a peer runs, then the main screen. Quitting (q,
 * or Ctrl+C from anywhere) stops the peer before Ink exits.
 */
export function App({
  store,
  connect,
  client: given,
  home,
  overrides,
  quitSignal,
}: AppProps) {
  const { exit } = useApp();
  const [client, setClient] = useState(given);
  /** What the screen says while quitting; undefined until then. */
  const [stopping, setStopping] = useState<string>();
  /** A login still under way: quitting must stop the peer it starts. */
  const connecting = useRef<Promise<PeerClient | undefined>>(undefined);
  const connectTracked = useCallback(
    (request: LoginRequest, signal: AbortSignal) => {
      const started = connect(request, signal);
      const settled = started.catch(() => {
        // A failed login leaves nothing to stop.
        if (connecting.current === settled) connecting.current = undefined;
        return undefined;
      });
      connecting.current = settled;
      return started;
    },
    [connect],
  );
  const quit = useCallback(() => {
    if (stopping !== undefined) return;
    const pending = client ? undefined : connecting.current;
    setStopping(
      pending
        ? 'Stopping… (waiting for the login under way to finish)'
        : 'Stopping…',
    );
    Promise.resolve(client ?? pending)
      .then((peer) => peer?.stop())
      .then(
        () => exit(),
        (error: unknown) => exit(error instanceof Error ? error : undefined),
      );
  }, [client, exit, stopping]);
  useCommands([Scope.App], { [Command.ForceQuit]: quit }, true);
  useEffect(() => {
    quitSignal?.addEventListener('abort', quit);
    return () => quitSignal?.removeEventListener('abort', quit);
  }, [quitSignal, quit]);
  if (stopping !== undefined) return <Text>{stopping}</Text>;
  if (!client) {
    return (
      <LoginScreen
        store={store}
        connect={connectTracked}
        onLoggedIn={setClient}
        onQuit={quit}
        home={home}
        overrides={overrides}
      />
    );
  }
  return (
    <PeerClientProvider client={client}>
      <MainScreen onQuit={quit} />
    </PeerClientProvider>
  );
}
