/** Talks to Stagehand's API: sends the CSRF token on every state-changing request and reads problem documents. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The value of a cookie in a `document.cookie`-shaped string. */
export function cookieValue(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Headers for a request: JSON, and the CSRF token (from the XSRF-TOKEN cookie) unless it only reads. */
export function requestHeaders(method: string, cookies: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (hasBody) headers['Content-Type'] = 'application/json';
  const token = cookieValue(cookies, 'XSRF-TOKEN');
  if (method !== 'GET' && token) headers['X-XSRF-TOKEN'] = token;
  return headers;
}

/** What to tell the person when a request failed: the problem document's detail when there is one. */
export async function failureMessage(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { detail?: string; title?: string };
    if (problem.detail) return problem.detail;
    if (problem.title) return problem.title;
  } catch {
    // not JSON: fall through
  }
  return `The request failed (${response.status}).`;
}

/** What to tell the person about a failed action or load: the problem's detail, or the error's message. */
export function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: requestHeaders(method, document.cookie, body !== undefined),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(response.status, await failureMessage(response));
  // 202 and 204 answers carry no body.
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}
