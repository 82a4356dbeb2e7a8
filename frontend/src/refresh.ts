import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from './api';

/** Runs `load` now and again every `everyMs` while the page shows, and again whenever `load` changes. */
export function useRefresh(load: () => void, everyMs: number) {
  useEffect(() => {
    load();
    const timer = setInterval(load, everyMs);
    return () => clearInterval(timer);
  }, [load, everyMs]);
}

/** What `GET path` answers, asked again every `everyMs`; why it failed while it does (the last answer stays). */
export function usePolled<T>(path: string, everyMs: number):
  { data: T | null; failed: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const reload = useCallback(() => {
    api<T>('GET', path).then((answer) => {
      setData(answer);
      setFailed(null);
    }).catch((failure) => setFailed(messageOf(failure)));
  }, [path]);
  useRefresh(reload, everyMs);
  return { data, failed, reload };
}

type Done<R> = string | ((result: R) => string) | undefined;

/** How an action went: what it did, or why it failed. */
export interface Outcome {
  ok: boolean;
  text: string;
}

/**
 * Runs actions and says how the last one went: its success message (from its result, or none to leave the outcome as
 * it was), or why it failed.
 */
export function useAction():
  { outcome: Outcome | null; run: <R>(action: () => Promise<R>, done?: Done<R>) => Promise<void> } {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = useCallback(async <R,>(action: () => Promise<R>, done?: Done<R>) => {
    try {
      const result = await action();
      if (done !== undefined) setOutcome({ ok: true, text: typeof done === 'function' ? done(result) : done });
    } catch (failure) {
      setOutcome({ ok: false, text: messageOf(failure) });
    }
  }, []);
  return { outcome, run };
}

/** The `run` of {@link useAction}, for components that act on behalf of a page that says how it went. */
export type RunAction = ReturnType<typeof useAction>['run'];
