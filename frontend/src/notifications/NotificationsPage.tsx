import { useCallback, useState, type FormEvent } from 'react';
import { api, messageOf } from '../api';
import { ActionOutcome } from '../ActionOutcome';
import { useAction, useRefresh } from '../refresh';
import { newDemoWebhook } from './discord';
import { WebhookCard } from './WebhookCard';
import type { Webhook } from './webhooks';

/** @param demo whether Stagehand runs on the simulator, whose Discord channel a newcomer can try notifications with */
export function NotificationsPage({ demo }: { demo: boolean }) {
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [name, setName] = useState('Go-live announcements');
  const [url, setUrl] = useState('');
  const { outcome, run } = useAction();

  const load = useCallback(() => {
    api<Webhook[]>('GET', '/api/webhooks').then((loaded) => {
      setWebhooks(loaded);
      setFailed(null);
    }).catch((failure) => setFailed(messageOf(failure)));
  }, []);

  // Refreshed, so that a webhook Discord stops taking shows as disabled without a reload.
  useRefresh(load, 5000);

  function register(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api('POST', '/api/webhooks', { name, url: url.trim() });
      setUrl('');
      load();
    }, `${name} added: Discord confirmed the webhook.`);
  }

  function fillDemoChannel() {
    void run(async () => {
      const made = await newDemoWebhook();
      setName('Demo Discord channel');
      setUrl(made.url);
    }, 'A webhook of the demo\'s Discord channel is filled in: add it, and its messages show below it.');
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
          <button type="button" className="secondary" onClick={fillDemoChannel}>Use the demo Discord channel</button>
        )}
      </form>
      <ActionOutcome outcome={outcome} />
      {webhooks === null ? (
        failed ? <p role="alert" className="error">Your webhooks could not be loaded: {failed}</p>
          : <p aria-busy="true">Loading…</p>
      ) : webhooks.length === 0 ? (
        <p className="muted">No webhooks yet.</p>
      ) : (
        <ul className="webhooks">
          {webhooks.map((webhook) => (
            <WebhookCard key={webhook.id} webhook={webhook} onChanged={load} run={run} demo={demo} />
          ))}
        </ul>
      )}
    </section>
  );
}
