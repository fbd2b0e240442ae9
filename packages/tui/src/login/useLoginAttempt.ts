import { useRef } from 'react';
import type { LoginRequest, PeerClient } from '@ferry/peer-core';

/** How the TUI logs in; `signal` aborts an attempt the user gave up. */
export type Connect = (
  request: LoginRequest,
  signal: AbortSignal,
) => Promise<PeerClient>;

/**
 * The login under way, which the user may give up: `start` runs `connect`,
 * `cancel` aborts it. A given-up login's outcome is dropped, and a peer it
 * brings all the same is stopped rather than left running unseen.
 */
export function useLoginAttempt(connect: Connect) {
  const current = useRef<AbortController>(undefined);
  const start = (
    request: LoginRequest,
    onDone: (client: PeerClient) => void,
    onFail: (error: unknown) => void,
  ) => {
    const attempt = new AbortController();
    current.current = attempt;
    connect(request, attempt.signal).then(
      (client) => {
        if (!attempt.signal.aborted) onDone(client);
        else void client.stop().catch(() => undefined);
      },
      (error: unknown) => {
        if (!attempt.signal.aborted) onFail(error);
      },
    );
  };
  const cancel = () => current.current?.abort();
  return { start, cancel };
}
