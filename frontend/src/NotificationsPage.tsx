import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, messageOf } from './api';
import { useRefresh } from './refresh';
import { DemoDiscordChannel } from './DemoDiscordChannel';
import { demoWebhookId } from './discord';
import { DELIVERY_PAGE, deliveriesPath, deliveryNote, type Delivery } from './deliveries';

type WhenOffline = 'EDIT' | 'DELETE' | 'KEEP';

interface Options {
  template: string;
  roleMentions: string[];
  languages: string[];
  titleKeywords: string[];
  announceGameChange: boolean;
  whenOffline: WhenOffline;
}

interface Subscription {
  id: string;
  target: { kind: 'STREAMER' | 'GAME'; id: string; name: string };
  options: Options;
}

interface Webhook {
  id: string;
  name: string;
  url: string;
  disabledReason: string | null;
  subscriptions: Subscription[];
}


const WHEN_OFFLINE: Record<WhenOffline, string> = {
  EDIT: 'edit the message to say it ended',
  DELETE: 'delete the message',
  KEEP: 'leave the message',
};

const list = (text: string) => text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');

type Say = (kind: 'ok' | 'error', text: string) => void;

/** A subscription's options as the form edits them: lists as comma-separated text. */
interface OptionsDraft {
  template: string;
  roles: string;
  languages: string;
  keywords: string;
  whenOffline: WhenOffline;
  gameChange: boolean;
}

const NEW_DRAFT: OptionsDraft = { template: '', roles: '', languages: '', keywords: '', whenOffline: 'EDIT',
  gameChange: false };

function draftOf(options: Options): OptionsDraft {
  return { template: options.template, roles: options.roleMentions.join(', '), languages: options.languages.join(', '),
    keywords: options.titleKeywords.join(', '), whenOffline: options.whenOffline,
    gameChange: options.announceGameChange };
}

function optionsOf(draft: OptionsDraft): Options {
  return { template: draft.template, roleMentions: list(draft.roles), languages: list(draft.languages),
    titleKeywords: list(draft.keywords), announceGameChange: draft.gameChange, whenOffline: draft.whenOffline };
}

/** The message and filters of a subscription, for a new one and for changing one in place. */
function OptionsFields({ field, draft, onChange }: {
  field: string; draft: OptionsDraft; onChange: (draft: OptionsDraft) => void;
}) {
  const set = (changes: Partial<OptionsDraft>) => onChange({ ...draft, ...changes });
  return (
    <>
      <label htmlFor={`${field}-template`}>
        Text above the embed (optional): {'{{streamer}}'}, {'{{title}}'}, {'{{game}}'}, {'{{url}}'},
        {' {{viewers}}'}, {'{{login}}'}, {'{{thumbnail}}'}
      </label>
      <textarea id={`${field}-template`} rows={2} maxLength={2000} value={draft.template}
        onChange={(event) => set({ template: event.target.value })} />
      <div className="row">
        <label htmlFor={`${field}-roles`}>Roles to ping (ids)</label>
        <input id={`${field}-roles`} value={draft.roles} placeholder="112233445566778899"
          onChange={(event) => set({ roles: event.target.value })} />
        <label htmlFor={`${field}-languages`}>Languages</label>
        <input id={`${field}-languages`} value={draft.languages} placeholder="en, de"
          onChange={(event) => set({ languages: event.target.value })} />
        <label htmlFor={`${field}-keywords`}>Title keywords</label>
        <input id={`${field}-keywords`} value={draft.keywords} placeholder="speedrun, any%"
          onChange={(event) => set({ keywords: event.target.value })} />
      </div>
      <div className="row">
        <label htmlFor={`${field}-offline`}>When the stream ends</label>
        <select id={`${field}-offline`} value={draft.whenOffline}
          onChange={(event) => set({ whenOffline: event.target.value as WhenOffline })}>
          {Object.entries(WHEN_OFFLINE).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <label>
          <input type="checkbox" checked={draft.gameChange}
            onChange={(event) => set({ gameChange: event.target.checked })} />
          {' '}Announce game changes
        </label>
      </div>
    </>
  );
}

function SubscriptionForm({ webhook, onChanged, say }: { webhook: Webhook; onChanged: () => void; say: Say }) {
  const [kind, setKind] = useState<'streamer' | 'game'>('streamer');
  const [target, setTarget] = useState('');
  const [draft, setDraft] = useState<OptionsDraft>(NEW_DRAFT);
  const field = `subscribe-${webhook.id}`;

  async function subscribe(event: FormEvent) {
    event.preventDefault();
    try {
      await api('POST', `/api/webhooks/${webhook.id}/subscriptions`,
        { [kind]: target.trim(), options: optionsOf(draft) });
      say('ok', `${webhook.name} now announces ${target.trim()}.`);
      setTarget('');
      onChanged();
    } catch (failure) {
      say('error', messageOf(failure));
    }
  }

  return (
    <form onSubmit={subscribe} className="subscribe" aria-label={`Subscribe ${webhook.name}`}>
      <div className="row">
        <select aria-label="Watch" value={kind} onChange={(event) => setKind(event.target.value as 'streamer' | 'game')}>
          <option value="streamer">Streamer</option>
          <option value="game">Game</option>
        </select>
        <input id={`${field}-target`} aria-label={kind === 'streamer' ? 'Twitch login' : 'Game name'} value={target}
          placeholder={kind === 'streamer' ? 'Twitch login' : 'Game, e.g. Just Chatting'} maxLength={100}
          onChange={(event) => setTarget(event.target.value)} />
        <button type="submit" disabled={target.trim() === ''}>Subscribe</button>
      </div>
      <details>
        <summary>Message and filters</summary>
        <OptionsFields field={field} draft={draft} onChange={setDraft} />
      </details>
    </form>
  );
}

/** A subscription's options, changed in place: what it follows and its deliveries stay. */
function OptionsEditor({ webhook, subscription, onDone, say }: {
  webhook: Webhook; subscription: Subscription; onDone: () => void; say: Say;
}) {
  const [draft, setDraft] = useState<OptionsDraft>(draftOf(subscription.options));

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await api('PUT', `/api/webhooks/${webhook.id}/subscriptions/${subscription.id}`, { options: optionsOf(draft) });
      say('ok', `${subscription.target.name}'s announcements changed.`);
      onDone();
    } catch (failure) {
      say('error', messageOf(failure));
    }
  }

  return (
    <form onSubmit={save} className="subscribe" aria-label={`Options of ${subscription.target.name}`}>
      <OptionsFields field={`edit-${subscription.id}`} draft={draft} onChange={setDraft} />
      <div className="row">
        <button type="submit">Save</button>
        <button type="button" className="secondary" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

function DeliveryNote({ delivery }: { delivery: Delivery }) {
  const note = deliveryNote(delivery, Date.now());
  return note ? <div className="muted">{note}</div> : null;
}

/**
 * A webhook's delivery log: its newest page, refreshed every 5 s, and older pages on request (kept as they were
 * loaded), of one state or all, filtered by the server.
 */
function DeliveryLog({ webhook, say }: { webhook: Webhook; say: Say }) {
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

  async function loadOlder() {
    const shown = [...(deliveries ?? []), ...older];
    try {
      const page = await api<Delivery[]>('GET', deliveriesPath(webhook.id, state, shown[shown.length - 1].cursor));
      setOlder([...older, ...page]);
      setMore(page.length === DELIVERY_PAGE);
    } catch (failure) {
      say('error', messageOf(failure));
    }
  }

  async function redrive(delivery: Delivery) {
    try {
      await api('POST', `/api/webhooks/${webhook.id}/deliveries/${encodeURIComponent(delivery.id)}/redrive`);
      say('ok', `Trying ${delivery.streamer}'s announcement again.`);
      load();
    } catch (failure) {
      say('error', messageOf(failure));
    }
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
          {['DELIVERED', 'RETRYING', 'ABANDONED', 'SKIPPED'].map((value) => (
            <option key={value} value={value}>{value.toLowerCase()}</option>
          ))}
        </select>
      </div>
      {failed && <p role="alert" className="error">The delivery log could not be refreshed: {failed}</p>}
      {shown.length === 0 ? (
        <p className="muted">Nothing yet: announcements show here as your streamers go live.</p>
      ) : (
        <table>
          <thead>
            <tr><th>When</th><th>Stream</th><th>State</th><th>Attempts</th></tr>
          </thead>
          <tbody>
            {shown.map((delivery) => (
              <tr key={delivery.id} data-testid={`delivery-${delivery.state}`}>
                <td>{new Date(delivery.createdAt).toLocaleString()}</td>
                <td>
                  <strong>{delivery.streamer}</strong>{delivery.reason === 'GAME_CHANGED' ? ' switched game' : ''}
                  <div className="muted">{delivery.title} · {delivery.game}</div>
                </td>
                <td>
                  <span className={`state ${delivery.state.toLowerCase()}`}>{delivery.state.toLowerCase()}</span>
                  {delivery.why && <div className="muted">{delivery.why}</div>}
                  <DeliveryNote delivery={delivery} />
                  {delivery.ended && <div className="muted">{delivery.ended}</div>}
                  {delivery.state === 'ABANDONED' && (
                    <button type="button" className="secondary" onClick={() => redrive(delivery)}>Try again</button>
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
            ))}
          </tbody>
        </table>
      )}
      {canPageBack && (
        <button type="button" className="secondary" onClick={() => void loadOlder()}>Older deliveries</button>
      )}
    </section>
  );
}

function WebhookCard({ webhook, onChanged, say, demo }: {
  webhook: Webhook; onChanged: () => void; say: Say; demo: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, success: string) {
    try {
      await action();
      say('ok', success);
      onChanged();
    } catch (failure) {
      say('error', messageOf(failure));
    }
  }

  return (
    <li className="webhook" data-testid={`webhook-${webhook.name}`}>
      <div className="row">
        <strong>{webhook.name}</strong>
        <code className="muted">{webhook.url}</code>
        {webhook.disabledReason && <span className="connection failed">Disabled: {webhook.disabledReason}</span>}
        <span className="spacer" />
        <button type="button" className="secondary"
          onClick={() => run(() => api('POST', `/api/webhooks/${webhook.id}/test`), 'Test message posted: look in Discord.')}>
          Send test message
        </button>
        <button type="button" className="danger"
          onClick={() => run(() => api('DELETE', `/api/webhooks/${webhook.id}`), `${webhook.name} deleted.`)}>
          Delete
        </button>
      </div>
      {webhook.subscriptions.length === 0 ? (
        <p className="muted">Not subscribed to anything yet.</p>
      ) : (
        <ul className="subscriptions">
          {webhook.subscriptions.map((subscription) => (
            <li key={subscription.id}>
              {subscription.target.kind === 'STREAMER' ? 'Streamer' : 'Game'} <strong>{subscription.target.name}</strong>
              <span className="muted">
                {subscription.options.languages.length > 0 && ` · ${subscription.options.languages.join(', ')}`}
                {subscription.options.titleKeywords.length > 0
                  && ` · title has ${subscription.options.titleKeywords.join(' or ')}`}
                {` · then ${WHEN_OFFLINE[subscription.options.whenOffline]}`}
              </span>
              <button type="button" className="secondary"
                onClick={() => setEditing(editing === subscription.id ? null : subscription.id)}>
                Edit
              </button>
              <button type="button" className="secondary"
                onClick={() => run(() => api('DELETE', `/api/webhooks/${webhook.id}/subscriptions/${subscription.id}`),
                  `${subscription.target.name} removed.`)}>
                Remove
              </button>
              {editing === subscription.id && (
                <OptionsEditor webhook={webhook} subscription={subscription} say={say}
                  onDone={() => { setEditing(null); onChanged(); }} />
              )}
            </li>
          ))}
        </ul>
      )}
      <SubscriptionForm webhook={webhook} onChanged={onChanged} say={say} />
      <DeliveryLog webhook={webhook} say={say} />
      {demo && demoWebhookId(webhook.url) && <DemoDiscordChannel discordWebhookId={demoWebhookId(webhook.url)!} />}
    </li>
  );
}

/** @param demo whether Stagehand runs on the simulator, whose Discord channel a newcomer can try notifications with */
export function NotificationsPage({ demo }: { demo: boolean }) {
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [name, setName] = useState('Go-live announcements');
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const say: Say = (kind, text) => setMessage({ kind, text });

  const load = useCallback(() => {
    api<Webhook[]>('GET', '/api/webhooks').then(setWebhooks).catch((failure) => say('error', messageOf(failure)));
  }, []);

  useEffect(load, [load]);

  async function register(event: FormEvent) {
    event.preventDefault();
    try {
      await api('POST', '/api/webhooks', { name, url: url.trim() });
      say('ok', `${name} added: Discord confirmed the webhook.`);
      setUrl('');
      load();
    } catch (failure) {
      say('error', messageOf(failure));
    }
  }

  async function fillDemoChannel() {
    try {
      const made = await api<{ id: string; url: string }>('POST', '/api/demo/discord/webhooks');
      setName('Demo Discord channel');
      setUrl(made.url);
      say('ok', 'A webhook of the demo\'s Discord channel is filled in: add it, and its messages show below it.');
    } catch (failure) {
      say('error', messageOf(failure));
    }
  }

  return (
    <section className="card" aria-labelledby="notifications-heading">
      <h1 id="notifications-heading">Notifications</h1>
      <p>
        Post to a Discord channel the moment a streamer you follow, or anyone streaming a game you care about, goes
        live. In Discord: channel settings, Integrations, Webhooks, New Webhook, Copy Webhook URL.
      </p>
      <form onSubmit={register} className="row">
        <label htmlFor="webhook-name">Name</label>
        <input id="webhook-name" value={name} maxLength={64} onChange={(event) => setName(event.target.value)} />
        <label htmlFor="webhook-url">Discord webhook URL</label>
        <input id="webhook-url" className="secret" value={url} type="password" autoComplete="off"
          placeholder="https://discord.com/api/webhooks/…" onChange={(event) => setUrl(event.target.value)} />
        <button type="submit" disabled={url.trim() === ''}>Add webhook</button>
        {demo && (
          <button type="button" className="secondary" onClick={() => void fillDemoChannel()}>
            Use the demo Discord channel
          </button>
        )}
      </form>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
      {webhooks === null ? (
        <p aria-busy="true">Loading…</p>
      ) : webhooks.length === 0 ? (
        <p className="muted">No webhooks yet.</p>
      ) : (
        <ul className="webhooks">
          {webhooks.map((webhook) => (
            <WebhookCard key={webhook.id} webhook={webhook} onChanged={load} say={say} demo={demo} />
          ))}
        </ul>
      )}
    </section>
  );
}
