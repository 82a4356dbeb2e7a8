import { useState } from 'react';
import { clipStatus, whyItFired, type Clip } from '../highlights';

/** A clip a spike asked for: its thumbnail and link once made, why the spike fired, and how the clip went. */
export function ClipCard({ clip }: { clip: Clip }) {
  const [thumbnailFailed, setThumbnailFailed] = useState(false);
  const made = clip.clip;
  return (
    <li className="clip" data-testid="clip" data-status={clip.status}>
      {made && !thumbnailFailed ? (
        <a href={made.url} target="_blank" rel="noreferrer">
          <img src={made.thumbnailUrl} alt={`Thumbnail of ${made.title}`} onError={() => setThumbnailFailed(true)} />
        </a>
      ) : <div className="clip-placeholder" aria-hidden="true">{clip.status === 'FAILED' ? '✕' : '…'}</div>}
      <div>
        {made ? <a href={made.url} target="_blank" rel="noreferrer"><strong>{made.title}</strong></a>
          : <strong>Spike at {new Date(clip.spike.windowEnd).toLocaleTimeString()}</strong>}
        <p className="muted"><time dateTime={clip.requestedAt}>{new Date(clip.requestedAt).toLocaleString()}</time></p>
        <p>{whyItFired(clip.spike)}</p>
        <p className={clip.status === 'FAILED' ? 'error' : 'muted'}>{clipStatus(clip)}</p>
      </div>
    </li>
  );
}
