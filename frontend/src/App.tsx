import { useEffect, useState, type MouseEvent } from 'react';
import { AccountPage } from './AccountPage';
import { AdminPage } from './AdminPage';
import { AnalyticsPage } from './AnalyticsPage';
import { ClipsPage } from './clips/ClipsPage';
import { HighlightsPage } from './HighlightsPage';
import { api } from './api';
import { ChannelsPage } from './ChannelsPage';
import { ChatRoomsPage } from './ChatRoomsPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { OverlaysPage } from './overlays/OverlaysPage';
import { LoginPage, loginError } from './LoginPage';
import { PAGES, pageFor } from './pages';
import { useSession, usePlatform, type Me, type Platform } from './session';
import { SystemStatus } from './SystemStatus';
import { useTheme } from './theme';

/** The path the browser shows, kept in step with history navigation. */
function useLocation(): [string, (path: string) => void] {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (next: string) => {
    window.history.pushState(null, '', next);
    setPath(next);
    window.scrollTo(0, 0);
  };
  return [path, navigate];
}

function DemoBanner({ platform }: { platform: Platform | null }) {
  if (!platform?.demo) return null;
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <strong>Demo mode.</strong> Stagehand is connected to a simulated Twitch: the channels pixelpanda,
      speedrunsam and chesscat are live and chatting, and logging in with Twitch approves you as demostreamer.
      {platform.twitchSimulator && (
        <>
          {' '}
          Simulator controls: <a href={platform.twitchSimulator}>{platform.twitchSimulator}</a>.
        </>
      )}{' '}
      Set TWITCH_CLIENT_ID and TWITCH_CLIENT_SECRET to use the real Twitch.
    </div>
  );
}

function Navigation({ me, path, navigate }: { me: Me; path: string; navigate: (path: string) => void }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(target);
  };
  return (
    <nav aria-label="Main">
      <ul>
        {PAGES.filter((page) => !page.operatorOnly || me.operator).map((page) => (
          <li key={page.path}>
            <a
              href={page.path}
              aria-current={page.path === path ? 'page' : undefined}
              onClick={(event) => follow(event, page.path)}
            >
              {page.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Overview({ me }: { me: Me }) {
  const needsLogin = me.identities.some((identity) => identity.needsLogin);
  return (
    <>
      <section className="card" aria-labelledby="welcome-heading">
        <h1 id="welcome-heading">Welcome, {me.displayName}</h1>
        {needsLogin && (
          <p role="alert" className="error">
            Twitch no longer accepts Stagehand&apos;s token for your channel, so clips and alerts for it are paused.{' '}
            <a href="/oauth2/authorization/twitch">Log in with Twitch again</a> to resume.
          </p>
        )}
        <p>Everything Stagehand does for your stream is in the navigation: pick a feature to set it up.</p>
      </section>
      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">System status</h2>
        <SystemStatus operator={me.operator} />
      </section>
    </>
  );
}

function Content({ me, platform, path, onChange, onDeleted }: {
  me: Me;
  platform: Platform | null;
  path: string;
  onChange: (me: Me) => void;
  onDeleted: () => void;
}) {
  const page = pageFor(path);
  if (!page || (page.operatorOnly && !me.operator)) return <NotFound path={path} />;
  if (page.path === '/') return <Overview me={me} />;
  if (page.path === '/account') {
    return (
      <AccountPage me={me} platform={platform} error={loginError(window.location.search)} onChange={onChange}
        onDeleted={onDeleted} />
    );
  }
  if (page.path === '/admin') return <AdminPage />;
  if (page.path === '/channels') return <ChannelsPage />;
  if (page.path === '/overlays') return <OverlaysPage />;
  if (page.path === '/notifications') return <NotificationsPage demo={platform?.demo ?? false} />;
  if (page.path === '/analytics') return <AnalyticsPage platform={platform} />;
  if (page.path === '/clips') return <ClipsPage />;
  if (page.path === '/highlights') return <HighlightsPage />;
  if (page.path === '/rooms') return <ChatRoomsPage operator={me.operator} />;
  return <NotFound path={path} />;
}

function NotFound({ path }: { path: string }) {
  return (
    <section className="card">
      <h1>Not found</h1>
      <p>There is no page at {path}.</p>
    </section>
  );
}

export function App() {
  const platform = usePlatform();
  const [session, reload, setMe] = useSession();
  const [path, navigate] = useLocation();
  const [theme, toggleTheme] = useTheme();

  async function logOut() {
    await api('POST', '/logout');
    navigate('/');
    reload();
  }

  return (
    <>
      <a className="skip" href="#content">
        Skip to content
      </a>
      <DemoBanner platform={platform} />
      <header className="top">
        <span className="brand">Stagehand</span>
        <span className="tagline">chat overlays, go-live alerts, analytics and highlights for your stream</span>
        <span className="spacer" />
        <button className="secondary" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
        {session.state === 'in' && (
          <>
            <span className="who" data-testid="who">
              {session.me.displayName}
            </span>
            <button className="secondary" onClick={logOut}>
              Log out
            </button>
          </>
        )}
      </header>
      <div className="layout">
        {session.state === 'in' && <Navigation me={session.me} path={path} navigate={navigate} />}
        <main id="content">
          {session.state === 'loading' && <p aria-busy="true">Loading…</p>}
          {session.state === 'failed' && <p role="alert">Stagehand is not answering. Try again in a moment.</p>}
          {session.state === 'anonymous' && path === '/rooms' && <ChatRoomsPage />}
          {session.state === 'anonymous' && path === '/highlights' && <HighlightsPage />}
          {session.state === 'anonymous' && path !== '/rooms' && path !== '/highlights' && (
            <>
              <LoginPage platform={platform} error={loginError(window.location.search)} />
              <p className="muted">
                Or, without logging in, <a href="/rooms">read the chat rooms</a> or
                watch the <a href="/highlights">highlights</a>.
              </p>
            </>
          )}
          {session.state === 'in' && (
            <Content me={session.me} platform={platform} path={path} onChange={setMe}
              onDeleted={() => { navigate('/'); reload(); }} />
          )}
        </main>
      </div>
    </>
  );
}
