import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, cookieValue, failureMessage, messageOf, requestHeaders } from './api';

describe('cookieValue', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(cookieValue('a=1; XSRF-TOKEN=abc%3D%3D; b=2', 'XSRF-TOKEN')).toBe('abc==');
    expect(cookieValue('a=1', 'XSRF-TOKEN')).toBeUndefined();
  });
});

describe('requestHeaders', () => {
  it('sends the CSRF token only with state-changing requests', () => {
    expect(requestHeaders('GET', 'XSRF-TOKEN=t', false)['X-XSRF-TOKEN']).toBeUndefined();
    expect(requestHeaders('POST', 'XSRF-TOKEN=t', false)['X-XSRF-TOKEN']).toBe('t');
    expect(requestHeaders('DELETE', 'XSRF-TOKEN=t', false)['X-XSRF-TOKEN']).toBe('t');
  });

  it('declares JSON only when there is a body', () => {
    expect(requestHeaders('PUT', '', true)['Content-Type']).toBe('application/json');
    expect(requestHeaders('POST', '', false)['Content-Type']).toBeUndefined();
  });
});

describe('failureMessage', () => {
  it('prefers the problem detail', async () => {
    const response = new Response(JSON.stringify({ title: 'Bad Request', detail: 'A display name cannot be empty' }), {
      status: 400,
    });
    expect(await failureMessage(response)).toBe('A display name cannot be empty');
  });

  it('says something useful when the body is not a problem document', async () => {
    expect(await failureMessage(new Response('<html>', { status: 502 }))).toBe('The request failed (502).');
  });
});

describe('messageOf', () => {
  it('tells the error\'s message, or what was thrown', () => {
    expect(messageOf(new ApiError(409, 'Subscribe the channel first'))).toBe('Subscribe the channel first');
    expect(messageOf('offline')).toBe('offline');
  });
});

describe('api', () => {
  afterEach(() => vi.unstubAllGlobals());

  function answering(response: Response) {
    vi.stubGlobal('document', { cookie: 'XSRF-TOKEN=t' });
    vi.stubGlobal('fetch', vi.fn(async () => response));
  }

  it('reads a JSON answer', async () => {
    answering(new Response('{"id":"w1"}', { status: 200 }));
    expect(await api<{ id: string }>('GET', '/api/webhooks/w1')).toEqual({ id: 'w1' });
  });

  it('takes an accepted request without a body as done', async () => {
    answering(new Response(null, { status: 202 }));
    await expect(api('POST', '/api/webhooks/w1/deliveries/n1/redrive')).resolves.toBeUndefined();
  });

  it('throws the problem\'s detail for a refusal', async () => {
    answering(new Response('{"detail":"give it a new URL first"}', { status: 409 }));
    await expect(api('POST', '/api/x')).rejects.toEqual(new ApiError(409, 'give it a new URL first'));
  });
});
