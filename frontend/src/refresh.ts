import { useEffect } from 'react';

/** Runs `load` now and again every `everyMs` while the page shows, and again whenever `load` changes. */
export function useRefresh(load: () => void, everyMs: number) {
  useEffect(() => {
    load();
    const timer = setInterval(load, everyMs);
    return () => clearInterval(timer);
  }, [load, everyMs]);
}
