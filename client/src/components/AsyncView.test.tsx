import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { LangProvider } from '../i18n/LangContext';
import type { Lang } from '../i18n/messages';
import type { AsyncState } from '../lib/useAsync';
import { AsyncView } from './AsyncView';

afterEach(cleanup);

function renderView(state: AsyncState<string[]>, lang: Lang = 'zh-CN', reload = () => {}) {
  return render(
    <LangProvider lang={lang}>
      <AsyncView state={state} reload={reload} isEmpty={(d) => d.length === 0}>
        {(data) => <ul>{data.map((d) => <li key={d}>{d}</li>)}</ul>}
      </AsyncView>
    </LangProvider>,
  );
}

describe('AsyncView', () => {
  it('says it is loading, for screen readers too', () => {
    renderView({ status: 'loading' });
    expect(screen.getByRole('status').textContent).toContain('加载中');
  });

  it('shows the problem the API reported in words, with a retry that reloads', () => {
    const reload = vi.fn();
    renderView({ status: 'failed', problem: { title: '服务暂不可用', detail: '数据库暂时无法访问，请稍后重试。', status: 503, code: 'server.database-unavailable' } }, 'zh-CN', reload);
    expect(screen.getByRole('alert').textContent).toContain('数据库暂时无法访问');
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('says the server cannot be reached when there is no problem body', () => {
    renderView({ status: 'failed' }, 'en');
    expect(screen.getByRole('alert').textContent).toContain('cannot be reached');
  });

  it('shows an empty state, and the data when there is some', () => {
    const { rerender } = renderView({ status: 'loaded', data: [] }, 'en');
    expect(screen.getByText('Nothing here yet.')).toBeTruthy();
    rerender(
      <LangProvider lang="en">
        <AsyncView state={{ status: 'loaded', data: ['海东园区'] }} reload={() => {}}>{(data) => <p>{data[0]}</p>}</AsyncView>
      </LangProvider>,
    );
    expect(screen.getByText('海东园区')).toBeTruthy();
  });
});
