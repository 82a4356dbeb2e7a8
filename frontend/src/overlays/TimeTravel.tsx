import { useState } from 'react';
import { LENGTHS_MINUTES, SPEEDS, localInput, replayUrl } from './timeTravel';
import type { Overlay } from './overlays';

/** Plays a past stretch of the channel's chat into this overlay: a URL for an OBS source or a browser recording. */
export function TimeTravel({ overlay }: { overlay: Overlay }) {
  const [from, setFrom] = useState(localInput(new Date(Date.now() - 60 * 60_000)));
  const [minutes, setMinutes] = useState(10);
  const [speed, setSpeed] = useState(1);
  const start = new Date(from);
  const url = Number.isNaN(start.getTime()) ? null : replayUrl(overlay.url, start, minutes, speed);
  const field = `travel-${overlay.id}`;
  return (
    <details>
      <summary>Time travel</summary>
      <p className="muted">
        Play a past stretch of the channel&apos;s chat into this overlay, for VOD edits and highlight reels. Chat
        history keeps what was said for its retention period.
      </p>
      <div className="row">
        <label htmlFor={`${field}-from`}>From</label>
        <input id={`${field}-from`} type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
        <label htmlFor={`${field}-length`}>for</label>
        <select id={`${field}-length`} value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
          {LENGTHS_MINUTES.map((length) => <option key={length} value={length}>{length} min</option>)}
        </select>
        <label htmlFor={`${field}-speed`}>at</label>
        <select id={`${field}-speed`} value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
          {SPEEDS.map((times) => <option key={times} value={times}>{times}×</option>)}
        </select>
        {url && <a href={url} target="_blank" rel="noreferrer">Open the replay</a>}
      </div>
    </details>
  );
}
