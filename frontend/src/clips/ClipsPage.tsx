import { useCallback, useState } from 'react';
import { api, messageOf } from '../api';
import { useRefresh } from '../refresh';
import { ChannelSelect, useChosenChannel } from '../ChannelSelect';
import type { Clip } from '../highlights';
import { AutoClippingSettings } from './AutoClippingSettings';
import { ClipCard } from './ClipCard';

const REFRESH_MS = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;
const RANGES = [
  { label: 'Last 24 hours', ms: DAY_MS },
  { label: 'Last 7 days', ms: 7 * DAY_MS },
  { label: 'Last 30 days', ms: 30 * DAY_MS },
];

/** The clips chat spikes made (or tried to), why each fired, and the settings that decide it. */
export function ClipsPage() {
  const [error, setError] = useState<string | null>(null);
  const { channels, channelId, setChannelId } = useChosenChannel(setError);
  const [range, setRange] = useState(RANGES[1].ms);
  const [clips, setClips] = useState<Clip[] | null>(null);

  const load = useCallback(() => {
    if (!channelId) return;
    const from = new Date(Date.now() - range).toISOString();
    api<Clip[]>('GET', `/api/channels/${channelId}/clips?from=${from}&limit=100`).then((found) => {
      setClips(found);
      setError(null);
    }).catch((failure) => setError(messageOf(failure)));
  }, [channelId, range]);

  useRefresh(load, REFRESH_MS);

  if (channels !== null && channels.length === 0) {
    return (
      <section className="card" aria-labelledby="clips-heading">
        <h1 id="clips-heading">Clips</h1>
        <p className="muted">Subscribe a channel on the Channels page: its chat spikes show here.</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="clips-heading">
      <h1 id="clips-heading">Clips</h1>
      <ChannelSelect id="clips-channel" channels={channels} channelId={channelId} onChange={setChannelId} />
      {error && <p role="alert" className="error">{error}</p>}
      {channelId && <AutoClippingSettings channelId={channelId} />}
      <h2>Clips</h2>
      <div className="row">
        <label htmlFor="clips-range">Show</label>
        <select id="clips-range" value={range} onChange={(event) => setRange(Number(event.target.value))}>
          {RANGES.map((option) => <option key={option.ms} value={option.ms}>{option.label}</option>)}
        </select>
      </div>
      {clips && (clips.length === 0 ? <p className="muted">No clips in this time.</p> : (
        <ul className="clips">{clips.map((clip) => <ClipCard key={clip.clipId} clip={clip} />)}</ul>
      ))}
    </section>
  );
}
