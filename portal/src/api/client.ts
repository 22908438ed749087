import { errorFromAnswer, unreachableError } from './api-error';

/**
 * Calls the API of the same origin (the portal is served by the API's own process) with the
 * session cookie; a non-2xx answer throws an ApiRequestError carrying the API's error body.
 */
export async function apiGet<T>(path: string, init: { signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'GET',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      ...(init.signal && { signal: init.signal }),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw unreachableError();
  }
  return answerOf<T>(response);
}

/**
 * Sends JSON to the API with the session cookie (the browser sends the page's Origin, which the
 * API requires of a write that carries the cookie).
 */
export async function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
  } catch {
    throw unreachableError();
  }
  return answerOf<T>(response);
}

export const apiPost = <T>(path: string, body: unknown) => apiSend<T>('POST', path, body);

/** The answer's JSON body, or the ApiRequestError it stands for. */
async function answerOf<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw errorFromAnswer(response.status, body);
  return body as T;
}
