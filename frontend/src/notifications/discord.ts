import { api } from '../api';

/** Messages of the demo's simulated Discord channel, as Discord's API returns them, and how to word them. */

export interface DiscordEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  thumbnail?: { url: string };
  image?: { url: string };
  footer?: { text: string };
  author?: { name: string };
}

export interface DiscordMessage {
  id: string;
  content: string;
  embeds: DiscordEmbed[];
  timestamp: string;
  edited_timestamp: string | null;
  author: { username: string };
}

/** The Discord webhook id of a (masked) webhook URL that points at the demo's simulated Discord; null otherwise. */
export function demoWebhookId(url: string): string | null {
  const match = /\/discord\/api\/webhooks\/(\d+)\//.exec(url);
  return match ? match[1] : null;
}

/** An embed's colour as CSS, Discord's grey when it has none. */
export function embedColor(color: number | undefined): string {
  return color === undefined ? '#4f545c' : `#${color.toString(16).padStart(6, '0')}`;
}

/** A new webhook of the demo's simulated Discord channel (demo mode only). */
export function newDemoWebhook(): Promise<{ id: string; url: string }> {
  return api<{ id: string; url: string }>('POST', '/api/demo/discord/webhooks');
}
