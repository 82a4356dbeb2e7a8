import { describe, expect, it } from 'vitest';
import { demoWebhookId, embedColor } from './discord';

describe('demoWebhookId', () => {
  it('finds the webhook id in a masked URL of the simulated Discord, and nothing in a real one', () => {
    expect(demoWebhookId('http://127.0.0.1:41000/discord/api/webhooks/900000000000000012/••••ab12'))
      .toBe('900000000000000012');
    expect(demoWebhookId('https://discord.com/api/webhooks/900000000000000012/••••ab12')).toBeNull();
  });
});

describe('embedColor', () => {
  it('writes Discord\'s integer colours as CSS, grey when there is none', () => {
    expect(embedColor(0x9146ff)).toBe('#9146ff');
    expect(embedColor(255)).toBe('#0000ff');
    expect(embedColor(undefined)).toBe('#4f545c');
  });
});
