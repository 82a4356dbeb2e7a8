import { useCallback, useState } from 'react';
import { summarize, type HealthDocument, type PartStatus } from './health';
import { useRefresh } from './refresh';

const REFRESH_MS = 5000;

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; parts: PartStatus[] };

/** Operators read every part with its details; others each part's status only. */
function useSystemStatus(operator: boolean): Load {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const refresh = useCallback(() => {
    // Spring answers 503 with the same document when something is down, so read the body either way.
    fetch(operator ? '/actuator/health' : '/actuator/health/parts', { headers: { Accept: 'application/json' } })
      .then((response) => response.json() as Promise<HealthDocument>)
      .then((health) => setLoad({ state: 'loaded', parts: summarize(health) }))
      .catch(() => setLoad({ state: 'failed', message: 'Stagehand is not answering.' }));
  }, [operator]);
  useRefresh(refresh, REFRESH_MS);
  return load;
}

export function SystemStatus({ operator }: { operator: boolean }) {
  const load = useSystemStatus(operator);
  if (load.state === 'loading') return <p aria-busy="true">Checking…</p>;
  if (load.state === 'failed') return <p role="alert">{load.message}</p>;
  return (
    <ul className="parts">
      {load.parts.map((part) => (
        <li key={part.key} className="part" data-testid={`part-${part.key}`}>
          <span className={`badge ${part.up ? 'up' : 'down'}`}>{part.up ? 'Up' : 'Down'}</span>
          <span className="label">{part.label}</span>
          <span className="summary">{part.summary}</span>
        </li>
      ))}
    </ul>
  );
}
