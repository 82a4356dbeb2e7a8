import { useState, type FormEvent } from 'react';
import { api } from '../api';
import type { RunAction } from '../refresh';
import {
  NEW_DRAFT, WHEN_OFFLINE, draftOf, optionsOf, type OptionsDraft, type Subscription, type Webhook, type WhenOffline,
} from './webhooks';

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

/** Subscribes the webhook to a streamer or a game, with the message and filters of the announcements. */
export function SubscriptionForm({ webhook, onChanged, run }: {
  webhook: Webhook; onChanged: () => void; run: RunAction;
}) {
  const [kind, setKind] = useState<'streamer' | 'game'>('streamer');
  const [target, setTarget] = useState('');
  const [draft, setDraft] = useState<OptionsDraft>(NEW_DRAFT);
  const field = `subscribe-${webhook.id}`;

  function subscribe(event: FormEvent) {
    event.preventDefault();
    const chosen = target.trim();
    void run(async () => {
      await api('POST', `/api/webhooks/${webhook.id}/subscriptions`, { [kind]: chosen, options: optionsOf(draft) });
      setTarget('');
      onChanged();
    }, `${webhook.name} now announces ${chosen}.`);
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
export function OptionsEditor({ webhook, subscription, onDone, run }: {
  webhook: Webhook; subscription: Subscription; onDone: () => void; run: RunAction;
}) {
  const [draft, setDraft] = useState<OptionsDraft>(draftOf(subscription.options));

  function save(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await api('PUT', `/api/webhooks/${webhook.id}/subscriptions/${subscription.id}`, { options: optionsOf(draft) });
      onDone();
    }, `${subscription.target.name}'s announcements changed.`);
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
