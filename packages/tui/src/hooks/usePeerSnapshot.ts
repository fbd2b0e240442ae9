import { useSyncExternalStore } from 'react';
import type { PeerSnapshot } from '@ferry/peer-core';
import { usePeerClient } from '../context/PeerClientContext.js';

/** The peer's current snapshot; re-renders when it changes. */
export function usePeerSnapshot(): PeerSnapshot {
  const client = usePeerClient();
  return useSyncExternalStore(
    (onChange) => client.subscribe(onChange),
    () => client.snapshot(),
  );
}
