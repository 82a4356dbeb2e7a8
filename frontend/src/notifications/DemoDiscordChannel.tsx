import { usePolled } from '../refresh';
import { embedColor, type DiscordMessage } from './discord';

const REFRESH_MS = 2000;

/** The demo Discord channel a webhook posts into, shown the way Discord shows it, live. */
export function DemoDiscordChannel({ discordWebhookId }: { discordWebhookId: string }) {
  const { data: messages, failed } =
    usePolled<DiscordMessage[]>(`/api/demo/discord/webhooks/${discordWebhookId}/messages`, REFRESH_MS);

  return (
    <section className="discord" aria-label="Demo Discord channel" data-testid="demo-discord">
      <h4># go-live <span className="muted">(the demo's Discord channel)</span></h4>
      {failed && <p role="alert" className="error">The demo channel could not be loaded: {failed}</p>}
      {messages && messages.length === 0 && <p className="muted">No message yet: send a test, or go live.</p>}
      {messages && messages.map((message) => (
        <article key={message.id} className="discord-message" data-testid="discord-message">
          <p>
            <strong>{message.author.username}</strong>{' '}
            <span className="muted">
              <time dateTime={message.timestamp}>{new Date(message.timestamp).toLocaleTimeString()}</time>
              {message.edited_timestamp && ' (edited)'}
            </span>
          </p>
          {message.content && <p>{message.content}</p>}
          {message.embeds.map((embed, index) => (
            <div key={index} className="discord-embed" style={{ borderLeftColor: embedColor(embed.color) }}>
              {embed.author && <p className="muted">{embed.author.name}</p>}
              {embed.title && <p><strong>{embed.url ? <a href={embed.url}>{embed.title}</a> : embed.title}</strong></p>}
              {embed.description && <p>{embed.description}</p>}
              {embed.fields && embed.fields.length > 0 && (
                <dl>
                  {embed.fields.map((field) => (
                    <div key={field.name}><dt>{field.name}</dt><dd>{field.value}</dd></div>
                  ))}
                </dl>
              )}
              {embed.footer && <p className="muted">{embed.footer.text}</p>}
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}
