import { whyItFired, type SpikeBacktest } from '../highlights';

/** What a spike rule would have found in the channel's stored chat: the clips it would have made, and why. */
export function BacktestResult({ backtest }: { backtest: SpikeBacktest }) {
  return (
    <div data-testid="backtest">
      <p>
        {backtest.spikes.length === 0 ? 'This rule would have made no clip' : `This rule would have made `
          + `${backtest.spikes.length} clip${backtest.spikes.length === 1 ? '' : 's'}`} from {backtest.messages}
        {' '}messages.
      </p>
      <ol className="history">
        {backtest.spikes.map((spike) => (
          <li key={spike.windowStart}>
            <time dateTime={spike.windowEnd}>{new Date(spike.windowEnd).toLocaleString()}</time>
            <span>{whyItFired(spike)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
