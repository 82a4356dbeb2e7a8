import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from './api';

export interface Identity {
  provider: 'twitch' | 'discord';
  login: string;
  displayName: string;
  needsLogin: boolean;
  linkedAt: string;
}

export interface Me {
  id: string;
  displayName: string;
  operator: boolean;
  operatorRoleOffered: boolean;
  identities: Identity[];
  registeredAt: string;
}

export interface Platform {
  demo: boolean;
  twitchSimulator: string | null;
  loginProviders: ('twitch' | 'discord')[];
  /** Emote image URL templates by provider, with `{id}`. */
  emoteImages: Record<string, string>;
}

export type Session = { state: 'loading' } | { state: 'anonymous' } | { state: 'failed' } | { state: 'in'; me: Me };

/** Who is logged in, re-read on demand after a change. */
export function useSession(): [Session, () => void, (me: Me) => void] {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const reload = useCallback(() => {
    api<Me>('GET', '/api/me')
      .then((me) => setSession({ state: 'in', me }))
      .catch((error) =>
        setSession(error instanceof ApiError && error.status === 401 ? { state: 'anonymous' } : { state: 'failed' }),
      );
  }, []);
  useEffect(reload, [reload]);
  return [session, reload, (me: Me) => setSession({ state: 'in', me })];
}

export function usePlatform(): Platform | null {
  const [platform, setPlatform] = useState<Platform | null>(null);
  useEffect(() => {
    api<Platform>('GET', '/api/platform').then(setPlatform).catch(() => setPlatform(null));
  }, []);
  return platform;
}

export const PROVIDER_NAMES: Record<string, string> = { twitch: 'Twitch', discord: 'Discord' };
