import { loginErrorMessage } from './pages';
import { PROVIDER_NAMES, type Platform } from './session';

export function LoginPage({ platform, error }: { platform: Platform | null; error: string | null }) {
  const providers = platform?.loginProviders ?? ['twitch'];
  return (
    <section className="card login" aria-labelledby="login-heading">
      <h1 id="login-heading">Log in to Stagehand</h1>
      <p>
        Streamers log in with Twitch; Discord server admins can log in with Discord. You can link both to one account
        later.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="login-buttons">
        {providers.map((provider) => (
          <a key={provider} className={`button provider ${provider}`} href={`/oauth2/authorization/${provider}`}>
            Log in with {PROVIDER_NAMES[provider]}
          </a>
        ))}
      </div>
    </section>
  );
}

export function loginError(search: string): string | null {
  return loginErrorMessage(new URLSearchParams(search).get('error'));
}
