import { useCallback, useEffect, useState } from 'react';
import { Text, useApp } from 'ink';
import type { LoginRequest, PeerClient, ProfileStore } from '@ferry/peer-core';
import { PeerClientProvider } from '../context/PeerClientContext.js';
import { useCommands } from '../hooks/useCommands.js';
import { Command, Scope } from '../keys/command.js';
import { LoginScreen } from '../login/LoginScreen.js';
import { MainScreen } from './MainScreen.js';

/** What the TUI needs from outside: profiles, a way to log in, a peer. */
export interface AppProps {
  store: ProfileStore;
  connect: (request: LoginRequest) => Promise<PeerClient>;
  /** Already logged in (e.g. from flags): skip the login screen. */
  client?: PeerClient;
  /** `--home`: where a new profile's folders go by default. */
  home?: string;
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
  quitSignal,
}: AppProps) {
  const { exit } = useApp();
  const [client, setClient] = useState(given);
  const [stopping, setStopping] = useState(false);
  const quit = useCallback(() => {
    if (stopping) return;
    setStopping(true);
    (client ? client.stop() : Promise.resolve()).then(
      () => exit(),
      (error: unknown) => exit(error instanceof Error ? error : undefined),
    );
  }, [client, exit, stopping]);
  useCommands([Scope.App], { [Command.ForceQuit]: quit }, true);
  useEffect(() => {
    quitSignal?.addEventListener('abort', quit);
    return () => quitSignal?.removeEventListener('abort', quit);
  }, [quitSignal, quit]);
  if (stopping) return <Text>Stopping…</Text>;
  if (!client) {
    return (
      <LoginScreen
        store={store}
        connect={connect}
        onLoggedIn={setClient}
        onQuit={quit}
        home={home}
      />
    );
  }
  return (
    <PeerClientProvider client={client}>
      <MainScreen onQuit={quit} />
    </PeerClientProvider>
  );
}
