import { ApiException, GaoxinClient, type Problem } from './gaoxin-client';
import type { Lang } from '../i18n/messages';

/**
 * The one way the app talks to the API: the generated client, with every request carrying the chosen language and,
 * for writes, the API key. `baseUrl` is empty because the API serves the app (and Vite's dev server proxies to it).
 */
export function createClient(lang: Lang, baseUrl = '', apiKey?: string): GaoxinClient {
  return new GaoxinClient(baseUrl, {
    fetch: (url, init) => {
      const headers = new Headers(init?.headers);
      headers.set('Accept-Language', lang);
      if (apiKey) headers.set('Authorization', `Bearer ${apiKey}`);
      // A file body (imports) is sent as its own type: the generated client names only the first type the operation accepts.
      if (init?.body instanceof Blob && init.body.type) headers.set('Content-Type', init.body.type);
      return globalThis.fetch(url, { ...init, headers });
    },
  });
}

/** The problem details behind a failed call, when the API sent some. */
export function problemOf(error: unknown): Problem | undefined {
  if (ApiException.isApiException(error)) {
    const result = (error as ApiException & { result?: unknown }).result;
    if (result && typeof result === 'object' && 'code' in result) return result as Problem;
    try {
      const parsed: unknown = JSON.parse(error.response);
      if (parsed && typeof parsed === 'object' && 'code' in parsed) return parsed as Problem;
    } catch {
      /* not JSON: no problem details */
    }
  }
  return undefined;
}
