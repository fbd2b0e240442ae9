import { createContext, useContext, type ReactNode } from 'react';
import type { PeerClient } from '@ferry/peer-core';

const PeerClientContext = createContext<PeerClient | undefined>(undefined);

/** Gives the screens below it the running peer (real or fake). */
export function PeerClientProvider({
  client,
  children,
}: {
  client: PeerClient;
  children: ReactNode;
}) {
  return (
    <PeerClientContext.Provider value={client}>
      {children}
    </PeerClientContext.Provider>
  );
}

/** The peer given by the nearest `PeerClientProvider`. */
export function usePeerClient(): PeerClient {
  const client = useContext(PeerClientContext);
  if (!client) throw new Error('usePeerClient needs a PeerClientProvider');
  return client;
}
