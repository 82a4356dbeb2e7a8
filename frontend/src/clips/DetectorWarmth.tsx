import { usePolled } from '../refresh';
import { warmUpNote, type DetectorWarmUp, type SpikeRule } from '../highlights';

const REFRESH_MS = 10_000;

/** When the spike detector finds spikes in the channel's chat: not yet heard, warming up until a time, or warm. */
export function DetectorWarmth({ channelId, rule }: { channelId: string; rule: SpikeRule }) {
  const { data, failed } = usePolled<DetectorWarmUp>(`/api/channels/${channelId}/highlights/warm-up`, REFRESH_MS);
  if (failed && !data) return <p role="alert" className="error">The detector's warm-up could not be loaded: {failed}</p>;
  if (!data) return null;
  return <p className="muted" data-testid="warm-up">{warmUpNote(data, rule, Date.now())}</p>;
}
