import { useState, type FormEvent } from 'react';
import { api, messageOf } from './api';
import { ApiTokensCard } from './account/ApiTokensCard';
import { PROVIDER_NAMES, type Me, type Platform } from './session';

interface Props {
  me: Me;
  platform: Platform | null;
  error: string | null;
  onChange: (me: Me) => void;
  onDeleted: () => void;
}

export function AccountPage({ me, platform, error, onChange, onDeleted }: Props) {
  const [name, setName] = useState(me.displayName);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(
    error ? { kind: 'error', text: error } : null,
  );
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const linkable = (platform?.loginProviders ?? []).filter(
    (provider) => !me.identities.some((identity) => identity.provider === provider),
  );

  async function run(action: () => Promise<Me | void>, success: string) {
    try {
      const updated = await action();
      if (updated) onChange(updated);
      setMessage({ kind: 'ok', text: success });
    } catch (failure) {
      setMessage({ kind: 'error', text: messageOf(failure) });
    }
  }

  function rename(event: FormEvent) {
    event.preventDefault();
    run(() => api<Me>('PUT', '/api/me/display-name', { displayName: name }), 'Your name was saved.');
  }

  async function link(provider: string) {
    try {
      const { location } = await api<{ location: string }>('POST', `/api/me/identities/${provider}/link`);
      window.location.assign(location);
    } catch (failure) {
      setMessage({ kind: 'error', text: messageOf(failure) });
    }
  }

  async function deleteAccount() {
    try {
      await api('DELETE', '/api/me');
      onDeleted();
    } catch (failure) {
      setMessage({ kind: 'error', text: messageOf(failure) });
    }
  }

  return (
    <>
      <section className="card" aria-labelledby="account-heading">
        <h1 id="account-heading">Your account</h1>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
        <form onSubmit={rename} className="row">
          <label htmlFor="display-name">Display name</label>
          <input id="display-name" value={name} maxLength={64} onChange={(event) => setName(event.target.value)} />
          <button type="submit">Save</button>
        </form>
        {me.operatorRoleOffered && (
          <div className="offer" role="note">
            <p>Nobody operates this Stagehand yet. As the person setting it up, you can take the operator role.</p>
            <button onClick={() => run(() => api<Me>('POST', '/api/me/operator-role'), 'You are now an operator.')}>
              Become the operator
            </button>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="identities-heading">
        <h2 id="identities-heading">Linked logins</h2>
        <ul className="identities">
          {me.identities.map((identity) => (
            <li key={identity.provider} data-testid={`identity-${identity.provider}`}>
              <span className={`provider-tag ${identity.provider}`}>{PROVIDER_NAMES[identity.provider]}</span>
              <span className="who">
                {identity.displayName} <span className="muted">({identity.login})</span>
              </span>
              {identity.needsLogin && (
                <a className="warning" href="/oauth2/authorization/twitch">
                  Twitch no longer accepts Stagehand: log in with Twitch again
                </a>
              )}
              <button
                className="secondary"
                disabled={me.identities.length === 1}
                title={me.identities.length === 1 ? 'Your only way to log in cannot be unlinked' : undefined}
                onClick={() =>
                  run(
                    () => api<Me>('DELETE', `/api/me/identities/${identity.provider}`),
                    `${PROVIDER_NAMES[identity.provider]} was unlinked.`,
                  )
                }
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
        {linkable.map((provider) => (
          <button key={provider} className={`provider ${provider}`} onClick={() => link(provider)}>
            Link {PROVIDER_NAMES[provider]}
          </button>
        ))}
      </section>

      <ApiTokensCard operator={me.operator} />

      <section className="card danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete account</h2>
        <p>
          Deletes your account, your stored Twitch token and your personal data. It cannot be undone, not even by an
          operator.
        </p>
        {confirmingDelete ? (
          <div className="row">
            <button className="danger" onClick={deleteAccount}>
              Yes, delete my account
            </button>
            <button className="secondary" onClick={() => setConfirmingDelete(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <button className="danger" onClick={() => setConfirmingDelete(true)}>
            Delete my account…
          </button>
        )}
      </section>
    </>
  );
}
