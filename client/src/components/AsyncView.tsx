import type { ReactNode } from 'react';
import { Alert, Button, Empty, Spin } from 'antd';
import type { AsyncState } from '../lib/useAsync';
import { useLang } from '../i18n/LangContext';

/** What shows while a page's code or data is on its way. */
export function AsyncFallback() {
  const { t } = useLang();
  return (
    <div role="status" aria-live="polite" className="async-loading">
      <Spin /> <span>{t.loading}</span>
    </div>
  );
}

/** The three states every page shows the same way: loading, failed (in words, with a retry), loaded or empty. */
export function AsyncView<T>({ state, reload, isEmpty, children }: {
  state: AsyncState<T>;
  reload: () => void;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useLang();
  if (state.status === 'loading') {
    return <AsyncFallback />;
  }
  if (state.status === 'failed') {
    return (
      <Alert
        type="error"
        role="alert"
        showIcon
        title={t.loadFailed}
        description={state.problem ? `${state.problem.title}: ${state.problem.detail ?? ''}` : t.unreachable}
        action={<Button onClick={reload}>{t.retry}</Button>}
      />
    );
  }
  if (isEmpty?.(state.data)) return <Empty description={t.empty} />;
  return <>{children(state.data)}</>;
}
