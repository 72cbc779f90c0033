import { useCallback, useEffect, useState } from 'react';
import type { ParkTreeNode } from '../api/gaoxin-client';
import { problemOf } from '../api/client';
import { useLang } from '../i18n/LangContext';
import type { Lang } from '../i18n/messages';
import { ParkTree } from './ParkTree';

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; nodes: ParkTreeNode[] }
  | { kind: 'failed'; message: string };

/** Loads the park tree in the chosen language; reloads when the language changes. */
export function ParkTreePage({ load }: { load: (lang: Lang, signal: AbortSignal) => Promise<ParkTreeNode[]> }) {
  const { lang, t } = useLang();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    load(lang, controller.signal).then(
      (nodes) => setState({ kind: 'loaded', nodes }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const problem = problemOf(error);
        setState({ kind: 'failed', message: problem ? `${problem.title}: ${problem.detail ?? ''}` : t.unreachable });
      },
    );
    return () => controller.abort();
  }, [lang, load, attempt, t]);

  return (
    <section aria-labelledby="parks-title" aria-busy={state.kind === 'loading'}>
      <h2 id="parks-title">{t.parksTitle}</h2>
      {state.kind === 'loading' && <p role="status">{t.loading}</p>}
      {state.kind === 'failed' && (
        <div role="alert">
          <p>
            {t.loadFailed}: {state.message}
          </p>
          <button type="button" onClick={retry}>
            {t.retry}
          </button>
        </div>
      )}
      {state.kind === 'loaded' && (state.nodes.length === 0 ? <p>{t.empty}</p> : <ParkTree nodes={state.nodes} />)}
    </section>
  );
}
