import { useState, type FormEvent } from 'react';
import { ActionOutcome } from '../ActionOutcome';
import { api } from '../api';
import { useAction, usePolled } from '../refresh';

/** A personal API token as the list shows it; `token` only in the answer that made it. */
export interface ApiToken {
  id: string;
  name: string;
  access: 'read' | 'read-write';
  admin: boolean;
  createdAt: string;
  expiresAt: string;
  token: string | null;
}

const REFRESH_MS = 60_000;

/** Personal API tokens for scripts: made (shown once), listed with what they may do, revoked. */
export function ApiTokensCard({ operator }: { operator: boolean }) {
  const { data: tokens, failed, reload } = usePolled<ApiToken[]>('/api/me/tokens', REFRESH_MS);
  const { outcome, run } = useAction();
  const [name, setName] = useState('');
  const [days, setDays] = useState(90);
  const [write, setWrite] = useState(false);
  const [admin, setAdmin] = useState(false);
  const [made, setMade] = useState<ApiToken | null>(null);

  function make(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const token = await api<ApiToken>('POST', '/api/me/tokens', { name, expiresInDays: days, write, admin });
      setMade(token);
      setName('');
      reload();
    }, 'Made: copy the token now, it is not shown again.');
  }

  function revoke(token: ApiToken) {
    void run(async () => {
      await api('DELETE', `/api/me/tokens/${token.id}`);
      if (made?.id === token.id) setMade(null);
      reload();
    }, `${token.name} was revoked: scripts using it are refused from now on.`);
  }

  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        For your own scripts: send <code>Authorization: Bearer &lt;token&gt;</code> to the API (no CSRF token
        needed). A token reads your data; a read-write one may change it too. Only its hash is kept. Every route is
        in <a href="/api-docs">the API's description</a>.
      </p>
      <ActionOutcome outcome={outcome} />
      {failed && <p role="alert" className="error">{failed}</p>}
      {made?.token && (
        <p data-testid="new-token">
          <strong>{made.name}:</strong> <code className="secret">{made.token}</code>
        </p>
      )}
      {tokens && tokens.length > 0 ? (
        <ul className="tokens" data-testid="api-tokens">
          {tokens.map((token) => (
            <li key={token.id} className="row">
              <span>
                <strong>{token.name}</strong> · {token.access}{token.admin ? ' · operator API' : ''} · expires{' '}
                {new Date(token.expiresAt).toLocaleDateString()}
              </span>
              <button className="secondary" onClick={() => revoke(token)}>Revoke</button>
            </li>
          ))}
        </ul>
      ) : (
        tokens && <p className="muted">No tokens yet.</p>
      )}
      <form className="row" onSubmit={make}>
        <label>
          Name <input value={name} maxLength={60} required onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          Expires in{' '}
          <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
            <option value={7}>7 days</option>
            <option value={30}>30 days</option>
            <option value={90}>90 days</option>
            <option value={365}>a year</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={write} onChange={(event) => setWrite(event.target.checked)} /> may change
          data
        </label>
        {operator && (
          <label>
            <input type="checkbox" checked={admin} onChange={(event) => setAdmin(event.target.checked)} /> operator
            API
          </label>
        )}
        <button type="submit">Make a token</button>
      </form>
    </section>
  );
}
