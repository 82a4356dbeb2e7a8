import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, messageOf } from './api';
import { EMPTY_ROOM, applyFrame, roomSocketUrl, type RoomFrame, type RoomState } from './rooms';

interface Style {
  name: string;
  prompt: string;
  rules: unknown;
}

interface Room {
  roomId: { slug: string };
  title: string;
  style: Style;
}

/** An operator's choice of the room's style among those the rooms have. */
function StylePicker({ room, styles, onChanged }: { room: Room; styles: Style[]; onChanged: (style: Style) => void }) {
  const [error, setError] = useState<string | null>(null);
  async function choose(name: string) {
    const style = styles.find((candidate) => candidate.name === name);
    if (!style) return;
    try {
      await api('PUT', `/api/rooms/${room.roomId.slug}/style`, style);
      onChanged(style);
      setError(null);
    } catch (failure) {
      setError(messageOf(failure));
    }
  }
  return (
    <div className="row">
      <label htmlFor="room-style">Style of {room.title}</label>
      <select id="room-style" value={room.style.name} onChange={(event) => void choose(event.target.value)}>
        {styles.map((style) => <option key={style.name} value={style.name}>{style.name}</option>)}
      </select>
      {error && <span role="alert" className="error">{error}</span>}
    </div>
  );
}

/** One room, live over its WebSocket: anyone reads; a logged-in chatter sends. */
function Room({ slug, styleName }: { slug: string; styleName: string }) {
  const [state, setState] = useState<RoomState>(EMPTY_ROOM);
  const [connected, setConnected] = useState(false);
  const [text, setText] = useState('');
  const socket = useRef<WebSocket | null>(null);
  const sent = useRef(0);
  const list = useRef<HTMLOListElement | null>(null);

  const lastSeen = useRef<string | null>(null);

  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
    lastSeen.current = state.messages.at(-1)?.messageId ?? null;
  }, [state.messages]);

  useEffect(() => {
    let closed = false;
    let retry: number | undefined;
    function connect() {
      // Back after a disconnect: the room sends what was said meanwhile before the live messages.
      const ws = new WebSocket(roomSocketUrl(location, slug, lastSeen.current));
      socket.current = ws;
      ws.onopen = () => setConnected(true);
      ws.onmessage = (event) => setState((current) => applyFrame(current, JSON.parse(event.data as string) as RoomFrame));
      ws.onclose = () => {
        setConnected(false);
        if (!closed) retry = window.setTimeout(connect, 2000);
      };
    }
    connect();
    return () => {
      closed = true;
      window.clearTimeout(retry);
      socket.current?.close();
    };
  }, [slug]);

  function send(event: FormEvent) {
    event.preventDefault();
    if (!text.trim() || !socket.current) return;
    sent.current += 1;
    socket.current.send(JSON.stringify({ type: 'send', text, clientId: `c${sent.current}` }));
    setText('');
  }

  return (
    <section className="room" aria-labelledby="room-heading" data-testid={`room-${slug}`}
      data-state={connected ? 'connected' : 'connecting'}>
      <h2 id="room-heading">{state.title || slug} <span className="muted">· {styleName} style</span></h2>
      <ol className="room-messages" aria-live="polite" ref={list}>
        {state.messages.map((message) => (
          <li key={message.messageId} data-testid="room-message">
            <strong>{message.senderName}</strong>{' '}
            <span>{message.styled}</span>
            <span className="muted original" title={`${message.stylist}${message.fellBack ? `: ${message.fellBack}` : ''}`}>
              {' '}({message.original})
            </span>
          </li>
        ))}
      </ol>
      {(state.skipped > 0 || state.dropped > 0) && (
        <p className="muted">
          Busy room: {state.skipped} messages not shown to keep it readable
          {state.dropped > 0 ? `, ${state.dropped} lost while this page lagged` : ''}.
        </p>
      )}
      {state.missed && (
        <p className="muted" data-testid="room-missed">
          Some messages said while this page was disconnected are not shown: {state.missed}
        </p>
      )}
      {state.canSend ? (
        <form className="row" onSubmit={send}>
          <label htmlFor="room-text" className="visually-hidden">Message</label>
          <input id="room-text" value={text} maxLength={500} placeholder={`Say something (in ${styleName} style)`}
            onChange={(event) => setText(event.target.value)} />
          <button type="submit">Send</button>
        </form>
      ) : (
        <p className="muted" data-testid="read-only">Read-only: <a href="/">log in</a> to chat.</p>
      )}
      {state.refusal && <p role="alert" className="error">{state.refusal}</p>}
    </section>
  );
}

/** The chat rooms: pick one, read along, and chat when logged in; operators pick each room's style. */
export function ChatRoomsPage({ operator = false }: { operator?: boolean }) {
  const [rooms, setRooms] = useState<Room[] | null>(null);
  const [slug, setSlug] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<Room[]>('GET', '/api/rooms').then((list) => {
      setRooms(list);
      setSlug((current) => current || list[0]?.roomId.slug || '');
    }).catch((failure) => setError(messageOf(failure)));
  }, []);

  const chosen = rooms?.find((room) => room.roomId.slug === slug);
  return (
    <section className="card" aria-labelledby="rooms-heading">
      <h1 id="rooms-heading">Chat rooms</h1>
      <p className="muted">Every message is rewritten in the room&apos;s style as it is sent; the original is kept beside it.</p>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="rooms">
        <ul className="room-list" aria-label="Rooms">
          {rooms?.map((room) => (
            <li key={room.roomId.slug}>
              <button className={room.roomId.slug === slug ? '' : 'secondary'}
                aria-pressed={room.roomId.slug === slug} onClick={() => setSlug(room.roomId.slug)}>
                {room.title}
              </button>
            </li>
          ))}
        </ul>
        {chosen && <Room key={slug} slug={slug} styleName={chosen.style.name} />}
      </div>
      {operator && chosen && rooms && (
        <StylePicker room={chosen} styles={distinctStyles(rooms)} onChanged={(style) => setRooms(rooms.map(
          (room) => (room.roomId.slug === slug ? { ...room, style } : room)))} />
      )}
    </section>
  );
}

/** Every style the rooms have, once by name. */
function distinctStyles(rooms: Room[]): Style[] {
  return [...new Map(rooms.map((room) => [room.style.name, room.style])).values()];
}
