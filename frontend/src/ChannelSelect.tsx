import { useEffect, useState } from 'react';
import { api, messageOf } from './api';
import type { Channel } from './ChannelsPage';

/** The account's subscribed channels and the one chosen (the first, until another is). */
export function useChosenChannel(onError: (message: string) => void) {
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [channelId, setChannelId] = useState<string>('');
  useEffect(() => {
    api<Channel[]>('GET', '/api/channels').then((list) => {
      setChannels(list);
      setChannelId((current) => current || list[0]?.id || '');
    }).catch((failure) => onError(messageOf(failure)));
  }, [onError]);
  return { channels, channelId, setChannelId };
}

export function ChannelSelect({ id, channels, channelId, onChange }: {
  id: string;
  channels: Channel[] | null;
  channelId: string;
  onChange: (channelId: string) => void;
}) {
  return (
    <div className="row">
      <label htmlFor={id}>Channel</label>
      <select id={id} value={channelId} onChange={(event) => onChange(event.target.value)}>
        {channels?.map((channel) => <option key={channel.id} value={channel.id}>{channel.displayName}</option>)}
      </select>
    </div>
  );
}
