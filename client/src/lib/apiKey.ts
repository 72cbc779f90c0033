import { useMemo, useState } from 'react';
import { createClient } from '../api/client';
import { namedOperations, type Operations } from '../api/operations';
import type { Lang } from '../i18n/messages';

const keyStorage = 'gaoxin.apiKey';

/**
 * The API key a person typed in, kept in this tab only (sessionStorage: gone when the tab closes), and a client that
 * sends it. Pages of private data (enterprises) and the import page share it, so it is typed once.
 */
export function useApiKey(lang: Lang): { apiKey: string; setApiKey: (key: string) => void; keyed: Operations } {
  const [apiKey, setKey] = useState(() => globalThis.sessionStorage?.getItem(keyStorage) ?? '');
  const keyed = useMemo(() => namedOperations(createClient(lang, '', apiKey.trim() || undefined)), [lang, apiKey]);
  const setApiKey = (key: string) => {
    setKey(key);
    globalThis.sessionStorage?.setItem(keyStorage, key);
  };
  return { apiKey, setApiKey, keyed };
}
