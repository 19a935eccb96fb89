import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api.js';
import type { ModelVersion, VersionList } from './model-types.js';

export type TrainingState =
  | { phase: 'idle' }
  /** The request is open: the server trains in a worker thread and answers with the evaluated version. */
  | { phase: 'training'; startedAt: number }
  /** The request was cut (a proxy's timeout, a network blip) while the server may still be training. */
  | { phase: 'waiting'; startedAt: number }
  | { phase: 'failed'; error: unknown }
  | { phase: 'lost' };

const POLL_MS = 3000;
// Training the built-in corpus takes seconds; a loaded server, minutes. Give up well after that.
const GIVE_UP_MS = 15 * 60_000;

/** A cut connection rather than an answer from Loopdesk: training may well still be running. */
function connectionCut(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || err.status === 502 || err.status === 503 || err.status === 504);
}

/**
 * Starts training a version and follows it until it is evaluated. Normally the POST itself
 * answers with the new version; if the connection drops first, the version list is polled for
 * a version newer than the newest one before the start.
 */
export function useTraining(onTrained: (v: ModelVersion) => void) {
  const [state, setState] = useState<TrainingState>({ phase: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);
  const done = useRef(onTrained);
  useEffect(() => {
    done.current = onTrained;
  }, [onTrained]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const poll = useCallback((baseline: number, startedAt: number) => {
    timer.current = setTimeout(() => {
      api.get<VersionList>('/api/v1/admin/classifier/models')
        .then((list) => {
          if (!alive.current) return;
          const fresh = list.items.find((v) => v.version > baseline);
          if (fresh) {
            setState({ phase: 'idle' });
            done.current(fresh);
          } else if (Date.now() - startedAt > GIVE_UP_MS) setState({ phase: 'lost' });
          else poll(baseline, startedAt);
        })
        .catch(() => alive.current && poll(baseline, startedAt));
    }, POLL_MS);
  }, []);

  const start = useCallback((opts: { epochs: number; folds: number }, newestVersion: number) => {
    const startedAt = Date.now();
    setState({ phase: 'training', startedAt });
    api.post<ModelVersion>('/api/v1/admin/classifier/models', { source: 'builtin', epochs: opts.epochs, folds: opts.folds })
      .then((v) => {
        if (!alive.current) return;
        setState({ phase: 'idle' });
        done.current(v);
      })
      .catch((err: unknown) => {
        if (!alive.current) return;
        if (connectionCut(err)) {
          setState({ phase: 'waiting', startedAt });
          poll(newestVersion, startedAt);
        } else setState({ phase: 'failed', error: err });
      });
  }, [poll]);

  return { state, start, busy: state.phase === 'training' || state.phase === 'waiting' };
}
