import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { languages, messages, type Lang, type Messages } from './messages';
import { createClient } from '../api/client';
import { namedOperations, type Operations } from '../api/operations';

const storageKey = 'gaoxin.lang';

interface LangState {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
  client: Operations;
}

const LangContext = createContext<LangState | null>(null);

/** The language a visitor chose last time, else Chinese. */
export function initialLang(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Lang {
  const saved = storage?.getItem(storageKey);
  return languages.includes(saved as Lang) ? (saved as Lang) : 'zh-CN';
}

export function LangProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixed ?? initialLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    globalThis.localStorage?.setItem(storageKey, next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, t: messages[lang] as Messages, setLang, client: namedOperations(createClient(lang)) }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error('useLang() needs a <LangProvider> above it');
  return state;
}

/**
 * The API, speaking the chosen language, with every operation taking its parameters by name (see api/operations.ts);
 * a new one when the language changes, so pages reload.
 */
export function useClient(): Operations {
  return useLang().client;
}
