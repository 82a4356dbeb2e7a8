import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../api';
import type { Overlay, Version } from './overlays';

/** An overlay's saved versions, newest first; any but the current one can be restored. */
export function OverlayVersions({ overlay, restore }: {
  overlay: Overlay; restore: (action: () => Promise<unknown>, success: string) => void;
}) {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = useCallback(() => {
    api<Version[]>('GET', `/api/overlays/${overlay.id}/versions`).then(setVersions)
      .catch((failure) => setFailed(messageOf(failure)));
  }, [overlay.id]);
  useEffect(load, [load]);

  if (failed) return <p role="alert" className="error">The versions could not be loaded: {failed}</p>;
  if (!versions) return <p aria-busy="true">Loading…</p>;
  return (
    <ol className="history" aria-label={`Versions of ${overlay.name}`}>
      {versions.map((saved) => (
        <li key={saved.version}>
          Version {saved.version} · {saved.settings.theme} · {new Date(saved.savedAt).toLocaleString()}{' '}
          {saved.version !== overlay.version && (
            <button type="button" className="secondary"
              onClick={() => restore(() => api('POST', `/api/overlays/${overlay.id}/versions/${saved.version}/restore`),
                `Version ${saved.version} restored.`)}>
              Restore
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
