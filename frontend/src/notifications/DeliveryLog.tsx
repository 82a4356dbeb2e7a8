import { useCallback, useState } from 'react';
import { api, messageOf } from '../api';
import { useRefresh, type RunAction } from '../refresh';
import { DELIVERY_PAGE, deliveriesPath, deliveryNote, type Delivery } from './deliveries';
import type { Webhook } from './webhooks';

const STATES = ['DELIVERED', 'RETRYING', 'ABANDONED', 'SKIPPED'];

function DeliveryRow({ delivery, onRedrive }: { delivery: Delivery; onRedrive: () => void }) {
  const note = deliveryNote(delivery, Date.now());
  return (
    <tr data-testid={`delivery-${delivery.state}`}>
      <td>{new Date(delivery.createdAt).toLocaleString()}</td>
      <td>
        <strong>{delivery.streamer}</strong>{delivery.reason === 'GAME_CHANGED' ? ' switched game' : ''}
        <div className="muted">{delivery.title} · {delivery.game}</div>
      </td>
      <td>
        <span className={`state ${delivery.state.toLowerCase()}`}>{delivery.state.toLowerCase()}</span>
        {delivery.why && <div className="muted">{delivery.why}</div>}
        {note && <div className="muted">{note}</div>}
        {delivery.ended && <div className="muted">{delivery.ended}</div>}
        {delivery.state === 'ABANDONED' && (
          <button type="button" className="secondary" onClick={onRedrive}>Try again</button>
        )}
      </td>
      <td>
        {delivery.attempts.map((attempt) => (
          <div key={attempt.attempt}>
            #{attempt.attempt} {attempt.status === 0 ? 'no answer' : attempt.status} · {attempt.tookMillis} ms
            {attempt.status >= 300 || attempt.status === 0 ? ` · ${attempt.outcome}` : ''}
          </div>
        ))}
      </td>
    </tr>
  );
}

/**
 * A webhook's delivery log: its newest page, refreshed every 5 s, and older pages on request (kept as they were
 * loaded), of one state or all, filtered by the server.
 */
export function DeliveryLog({ webhook, run }: { webhook: Webhook; run: RunAction }) {
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const [older, setOlder] = useState<Delivery[]>([]);
  const [more, setMore] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [state, setState] = useState('');

  const load = useCallback(() => {
    api<Delivery[]>('GET', deliveriesPath(webhook.id, state, null))
      .then((loaded) => {
        setDeliveries(loaded);
        setFailed(null);
      })
      .catch((failure) => setFailed(messageOf(failure)));
  }, [webhook.id, state]);

  useRefresh(load, 5000);

  function choose(chosen: string) {
    setState(chosen);
    setDeliveries(null);
    setOlder([]);
    setMore(false);
  }

  function loadOlder(last: Delivery) {
    void run(async () => {
      const page = await api<Delivery[]>('GET', deliveriesPath(webhook.id, state, last.cursor));
      setOlder([...older, ...page]);
      setMore(page.length === DELIVERY_PAGE);
    });
  }

  function redrive(delivery: Delivery) {
    void run(async () => {
      await api('POST', `/api/webhooks/${webhook.id}/deliveries/${encodeURIComponent(delivery.id)}/redrive`);
      load();
    }, `Trying ${delivery.streamer}'s announcement again.`);
  }

  if (deliveries === null) {
    return failed ? <p role="alert" className="error">The delivery log could not be loaded: {failed}</p>
      : <p aria-busy="true">Loading…</p>;
  }
  const newestIds = new Set(deliveries.map((delivery) => delivery.id));
  const shown = [...deliveries, ...older.filter((delivery) => !newestIds.has(delivery.id))];
  const canPageBack = older.length === 0 ? deliveries.length === DELIVERY_PAGE : more;
  return (
    <section aria-label={`Delivery log of ${webhook.name}`} className="deliveries">
      <div className="row">
        <h3>Delivery log</h3>
        <select aria-label="Show" value={state} onChange={(event) => choose(event.target.value)}>
          <option value="">everything</option>
          {STATES.map((value) => <option key={value} value={value}>{value.toLowerCase()}</option>)}
        </select>
      </div>
      {failed && <p role="alert" className="error">The delivery log could not be refreshed: {failed}</p>}
      {shown.length === 0 ? (
        <p className="muted">Nothing yet: announcements show here as your streamers go live.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr><th>When</th><th>Stream</th><th>State</th><th>Attempts</th></tr>
            </thead>
            <tbody>
              {shown.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} onRedrive={() => redrive(delivery)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canPageBack && (
        <button type="button" className="secondary" onClick={() => loadOlder(shown[shown.length - 1])}>
          Older deliveries
        </button>
      )}
    </section>
  );
}
