import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ApiException, type ParkTreeNode } from '../api/gaoxin-client';
import { LangProvider } from '../i18n/LangContext';
import type { Lang } from '../i18n/messages';
import { ParkTreePage } from './ParkTreePage';

afterEach(cleanup);

// Illustrative tree for the component test only; the real one comes from the seeded API in the browser tests.
const tree: ParkTreeNode[] = [
  {
    code: 'zone', kind: 'zone', name: '高新区', status: 'operating',
    children: [
      { code: 'park-a', kind: 'park', name: '甲园区', status: 'underConstruction', children: [
        { code: 'incubator-a', kind: 'incubator', name: '甲孵化器', accreditationLevel: 'national', children: [] },
      ] },
    ],
  },
];

function renderPage(lang: Lang, load: (lang: Lang) => Promise<ParkTreeNode[]>) {
  return render(
    <LangProvider lang={lang}>
      <ParkTreePage load={load} />
    </LangProvider>,
  );
}

describe('ParkTreePage', () => {
  it('nests each park under its parent, with kind, level and status in Chinese', async () => {
    renderPage('zh-CN', async () => tree);
    const incubator = (await screen.findByText('甲孵化器')).closest('li')!;
    expect(within(incubator).getByText('孵化器')).toBeTruthy();
    expect(within(incubator).getByText('国家级')).toBeTruthy();
    const park = incubator.parentElement!.closest('li')!;
    expect(park.getAttribute('data-code')).toBe('park-a');
    expect(within(park).getByText('建设中')).toBeTruthy();
  });

  it('asks for the tree in the chosen language and labels it in English', async () => {
    const asked: Lang[] = [];
    renderPage('en', async (lang) => {
      asked.push(lang);
      return tree;
    });
    expect(await screen.findByText('Incubator')).toBeTruthy();
    expect(screen.getByText('Parks (one zone, many parks)')).toBeTruthy();
    expect(asked).toEqual(['en']);
  });

  it('shows the problem the API reported, in words, with a retry button', async () => {
    const problem = { title: '服务暂不可用', detail: '数据库暂时无法访问，请稍后重试。', status: 503, code: 'server.database-unavailable' };
    renderPage('zh-CN', async () => {
      throw new ApiException('error', 503, JSON.stringify(problem), {}, problem);
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('数据库暂时无法访问');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeTruthy();
  });

  it('says so when there are no parks', async () => {
    renderPage('en', async () => []);
    expect(await screen.findByText('No parks yet.')).toBeTruthy();
  });
});
