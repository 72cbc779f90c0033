import { ApiException, GaoxinClient, type Problem } from './gaoxin-client';
import type { Lang } from '../i18n/messages';

const consistencyHeader = 'Gaoxin-Consistency';

/** A write-ahead log position as PostgreSQL writes it (`16/B374D848`), as a number that orders them. */
export function logPosition(token: string): bigint | undefined {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(token);
  return match ? (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`) : undefined;
}

/**
 * The newest consistency token this tab's writes were given, kept for the tab's life (sessionStorage, so a reload keeps
 * it). Reads send it, so that after saving, every page shows what was saved even when the API reads from a standby that
 * has not replayed it yet (see the README's cluster).
 */
const tokenKey = 'gaoxin.consistency';
const tabStorage = typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
let lastWrite: { token: string; position: bigint } | undefined = (() => {
  const token = tabStorage?.getItem(tokenKey);
  const position = token ? logPosition(token) : undefined;
  return token && position !== undefined ? { token, position } : undefined;
})();

export function rememberWrite(token: string | null): void {
  const position = token ? logPosition(token) : undefined;
  if (token && position !== undefined && (!lastWrite || position > lastWrite.position)) {
    lastWrite = { token, position };
    tabStorage?.setItem(tokenKey, token);
  }
}

export function readToken(): string | undefined {
  return lastWrite?.token;
}

/**
 * The one way the app talks to the API: the generated client, with every request carrying the chosen language, the
 * API key for writes, and on reads the token of this tab's last write. `baseUrl` is empty because the API serves the
 * app (and Vite's dev server proxies to it).
 */
export function createClient(lang: Lang, baseUrl = '', apiKey?: string): GaoxinClient {
  return new GaoxinClient(baseUrl, {
    fetch: async (url, init) => {
      const headers = new Headers(init?.headers);
      headers.set('Accept-Language', lang);
      if (apiKey) headers.set('Authorization', `Bearer ${apiKey}`);
      // A file body (imports) is sent as its own type: the generated client names only the first type the operation accepts.
      if (init?.body instanceof Blob && init.body.type) headers.set('Content-Type', init.body.type);
      // The generated client sends the header empty when no token is passed: fill it with this tab's, or leave it out.
      headers.delete(consistencyHeader);
      const token = readToken();
      if ((init?.method ?? 'GET') === 'GET' && token) headers.set(consistencyHeader, token);
      const response = await globalThis.fetch(url, { ...init, headers });
      rememberWrite(response.headers.get(consistencyHeader));
      return response;
    },
  });
}

/** A thrown value that is itself problem details: what the generated client throws for every declared error answer. */
function isProblem(value: unknown): value is Problem {
  return !!value && typeof value === 'object' && typeof (value as Problem).code === 'string' && typeof (value as Problem).status === 'number';
}

/**
 * The problem details behind a failed call, when the API sent some. The generated client throws the parsed problem
 * itself for the statuses an operation declares (404, 422…) and an `ApiException` only for the rest, so both are read;
 * anything else (a failed fetch) has none and is shown as the network failure it is.
 */
export function problemOf(error: unknown): Problem | undefined {
  if (isProblem(error)) return error;
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

/**
 * What went wrong, in the API's words when it said something (with each broken rule of a refused submission), else
 * that the server could not be reached: the one sentence a page shows for a failed write.
 */
export function failureText(error: unknown, unreachable: string): string {
  const problem = problemOf(error);
  if (!problem) return unreachable;
  const violations = problem.violations?.map((v) => `${v.rule}: ${v.message}`).join(' ') ?? '';
  return `${problem.title}: ${problem.detail ?? ''} ${violations}`.trim();
}
