import { useEffect, useState } from 'react';
import { api, messageOf } from './api';

interface Emote {
  id: string;
  code: string;
  zeroWidth: boolean;
  imageUrl: string;
}

interface ChannelEmotesResponse {
  emoteSets: { provider: string; emotes: Emote[]; fetchedAt: string }[];
  badges: Record<string, string>;
}

const PROVIDER_NAMES: Record<string, string> = { SEVENTV: '7TV', BTTV: 'BetterTTV', FFZ: 'FrankerFaceZ' };

/**
 * The third-party emotes and Twitch badges Stagehand knows for a channel. They refresh on their own every few minutes;
 * "Refresh now" is for the streamer who has just added one and wants it in chat and overlays at once.
 */
export function ChannelEmotes({ channelId }: { channelId: string }) {
  const [known, setKnown] = useState<ChannelEmotesResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<ChannelEmotesResponse>('GET', `/api/channels/${channelId}/emotes`)
      .then(setKnown)
      .catch((failure) => setError(messageOf(failure)));
  }, [channelId]);

  async function refresh() {
    setBusy(true);
    setError(null);
    try {
      setKnown(await api<ChannelEmotesResponse>('POST', `/api/channels/${channelId}/emotes/refresh`));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="channel-emotes" data-testid={`emotes-${channelId}`}>
      {error && <p role="alert" className="error">{error}</p>}
      {known === null ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <>
          {known.emoteSets.map((set) => (
            <section key={set.provider} aria-label={PROVIDER_NAMES[set.provider] ?? set.provider}>
              <h3>
                {PROVIDER_NAMES[set.provider] ?? set.provider} · {set.emotes.length}{' '}
                {set.emotes.length === 1 ? 'emote' : 'emotes'}
                <span className="muted"> · fetched {new Date(set.fetchedAt).toLocaleString()}</span>
              </h3>
              <div className="emote-grid">
                {set.emotes.map((emote) => (
                  <img key={emote.id} src={emote.imageUrl} alt={emote.code} title={emote.code} loading="lazy" />
                ))}
              </div>
            </section>
          ))}
          {known.emoteSets.length === 0 && <p className="muted">No third-party emotes fetched yet.</p>}
          <section aria-label="Badges">
            <h3>Twitch badges · {Object.keys(known.badges).length}</h3>
            <div className="emote-grid">
              {Object.entries(known.badges).map(([badge, url]) => (
                <img key={badge} src={url} alt={badge} title={badge} loading="lazy" className="badge-icon" />
              ))}
            </div>
          </section>
        </>
      )}
      <button className="secondary" onClick={refresh} disabled={busy}>
        {busy ? 'Refreshing…' : 'Refresh now'}
      </button>
    </div>
  );
}
