import { useState, type FormEvent } from 'react';
import { api } from '../api';
import type { RunAction } from '../refresh';
import { DeliveryLog } from './DeliveryLog';
import { DemoDiscordChannel } from './DemoDiscordChannel';
import { demoWebhookId, newDemoWebhook } from './discord';
import { OptionsEditor, SubscriptionForm } from './SubscriptionForms';
import { WHEN_OFFLINE, type Webhook } from './webhooks';

/**
 * Points the webhook at another Discord URL, checked with Discord like a new one; its subscriptions and delivery log
 * stay, and a webhook Discord disabled is in use again.
 */
function UrlEditor({ webhook, onDone, run, demo }: {
  webhook: Webhook; onDone: () => void; run: RunAction; demo: boolean;
}) {
  const [url, setUrl] = useState('');
  const field = `url-${webhook.id}`;

  function save(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api('PUT', `/api/webhooks/${webhook.id}`, { name: webhook.name, url: url.trim() });
      setUrl('');
      onDone();
    }, `${webhook.name} now posts to its new URL: Discord confirmed it.`);
  }

  return (
    <form onSubmit={save} className="row" aria-label={`New URL of ${webhook.name}`}>
      <label htmlFor={field}>New Discord webhook URL</label>
      <input id={field} className="secret" value={url} type="password" autoComplete="off"
        placeholder="https://discord.com/api/webhooks/…" onChange={(event) => setUrl(event.target.value)} />
      <button type="submit" disabled={url.trim() === ''}>Use this URL</button>
      {demo && (
        <button type="button" className="secondary"
          onClick={() => void run(async () => setUrl((await newDemoWebhook()).url),
            'A new webhook of the demo\'s Discord channel is filled in.')}>
          New demo webhook
        </button>
      )}
    </form>
  );
}

/** A webhook: its URL, its subscriptions with their options, its delivery log and, in the demo, its Discord channel. */
export function WebhookCard({ webhook, onChanged, run, demo }: {
  webhook: Webhook; onChanged: () => void; run: RunAction; demo: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [changingUrl, setChangingUrl] = useState(false);
  const act = (action: () => Promise<unknown>, success: string) => run(async () => {
    await action();
    onChanged();
  }, success);
  const demoChannel = demo ? demoWebhookId(webhook.url) : null;

  return (
    <li className="webhook" data-testid={`webhook-${webhook.name}`}>
      <div className="row">
        <strong>{webhook.name}</strong>
        <code className="muted">{webhook.url}</code>
        {webhook.disabledReason && <span className="connection failed">Disabled: {webhook.disabledReason}</span>}
        <span className="spacer" />
        <button type="button" className="secondary" onClick={() => setChangingUrl(!changingUrl)}>Change URL</button>
        <button type="button" className="secondary"
          onClick={() => act(() => api('POST', `/api/webhooks/${webhook.id}/test`), 'Test message posted: look in Discord.')}>
          Send test message
        </button>
        <button type="button" className="danger"
          onClick={() => act(() => api('DELETE', `/api/webhooks/${webhook.id}`), `${webhook.name} deleted.`)}>
          Delete
        </button>
      </div>
      {webhook.disabledReason && (
        <p className="muted">
          Discord no longer takes this webhook&apos;s messages. Give it a new URL: its subscriptions and delivery log
          stay, and abandoned announcements can be tried again.
        </p>
      )}
      {(changingUrl || webhook.disabledReason) && (
        <UrlEditor webhook={webhook} run={run} demo={demo} onDone={() => { setChangingUrl(false); onChanged(); }} />
      )}
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
                onClick={() => act(() => api('DELETE', `/api/webhooks/${webhook.id}/subscriptions/${subscription.id}`),
                  `${subscription.target.name} removed.`)}>
                Remove
              </button>
              {editing === subscription.id && (
                <OptionsEditor webhook={webhook} subscription={subscription} run={run}
                  onDone={() => { setEditing(null); onChanged(); }} />
              )}
            </li>
          ))}
        </ul>
      )}
      <SubscriptionForm webhook={webhook} onChanged={onChanged} run={run} />
      <DeliveryLog webhook={webhook} run={run} />
      {demoChannel && <DemoDiscordChannel discordWebhookId={demoChannel} />}
    </li>
  );
}
