import { useCallback } from 'react';
import { createClient } from './api/client';
import { useLang } from './i18n/LangContext';
import type { Lang } from './i18n/messages';
import { ParkTreePage } from './parks/ParkTreePage';

export function App() {
  const { lang, t, setLang } = useLang();
  const loadTree = useCallback((lang: Lang, signal: AbortSignal) => createClient(lang).getParkTree(signal), []);
  return (
    <>
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        <button
          type="button"
          lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}
          aria-label={t.switchToLabel}
          onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t.switchTo}
        </button>
      </header>
      <main>
        <ParkTreePage load={loadTree} />
      </main>
    </>
  );
}
