import { useCallback, useState } from 'react';
import { api, messageOf } from './api';
import { useRefresh } from './refresh';
import { feedPath, feedRange, type PublicClip, type PublicClipPage } from './highlights';

const REFRESH_MS = 30_000;
const PAGE_SIZE = 24;
const INTENSITIES = [0, 3, 6, 9, 12, 20];

function FeedCard({ clip }: { clip: PublicClip }) {
  const [thumbnailFailed, setThumbnailFailed] = useState(false);
  return (
    <li className="clip" data-testid="public-clip">
      {thumbnailFailed ? <div className="clip-placeholder" aria-hidden="true">▶</div> : (
        <a href={clip.url} target="_blank" rel="noreferrer">
          <img src={clip.thumbnail_url} alt={`Thumbnail of ${clip.title}`} onError={() => setThumbnailFailed(true)} />
        </a>
      )}
      <div>
        <a href={clip.url} target="_blank" rel="noreferrer"><strong>{clip.title}</strong></a>
        <p>{clip.streamer_login ?? clip.broadcaster_id}</p>
        <p className="muted">
          <time dateTime={clip.detected_at}>{new Date(clip.detected_at).toLocaleString()}</time>
          {clip.intensity !== null && ` · intensity ${clip.intensity.toFixed(1)}`}
          {` · ${Math.round(clip.duration)} s`}
        </p>
      </div>
    </li>
  );
}

/** The public highlight feed: anyone, logged in or not, pages through the clips chat spikes made. */
export function HighlightsPage() {
  const [minIntensity, setMinIntensity] = useState(9);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<PublicClipPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api<PublicClipPage>('GET', feedPath(minIntensity, offset, PAGE_SIZE)).then((found) => {
      setPage(found);
      setError(null);
    }).catch((failure) => setError(`The highlights could not be loaded: ${messageOf(failure)}`));
  }, [minIntensity, offset]);

  useRefresh(load, REFRESH_MS);

  return (
    <section className="card" aria-labelledby="highlights-heading">
      <h1 id="highlights-heading">Highlights</h1>
      <p className="muted">
        Clips of the moments chat exploded, from channels whose broadcasters share them. The intensity says how far
        chat stood out from its usual pace, in standard deviations.
      </p>
      <div className="row">
        <label htmlFor="highlights-intensity">At least intensity</label>
        <select id="highlights-intensity" value={minIntensity}
          onChange={(event) => { setMinIntensity(Number(event.target.value)); setOffset(0); }}>
          {INTENSITIES.map((value) => <option key={value} value={value}>{value}</option>)}
        </select>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {page && (page.clips.length === 0 ? <p className="muted">No highlights at this intensity yet.</p> : (
        <ul className="clips">{page.clips.map((clip) => <FeedCard key={clip.id} clip={clip} />)}</ul>
      ))}
      {page && (
        <div className="row">
          <button type="button" className="secondary" disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>Newer</button>
          <span data-testid="highlights-range">{feedRange(page)}</span>
          <button type="button" className="secondary" disabled={!page.has_more}
            onClick={() => setOffset(offset + PAGE_SIZE)}>Older</button>
        </div>
      )}
    </section>
  );
}
