import type { ParkKind, ParkStatus, AccreditationLevel } from '../api/gaoxin-client';

export type Lang = 'zh-CN' | 'en';
export const languages: Lang[] = ['zh-CN', 'en'];

/** Every text the app shows, in both languages. zh-CN is the default. */
export const messages = {
  'zh-CN': {
    appTitle: '湛江国家高新区发展数据平台',
    switchTo: 'English',
    switchToLabel: '切换到英文',
    parksTitle: '园区（一区多园）',
    loading: '加载中…',
    empty: '暂无园区。',
    loadFailed: '加载失败',
    retry: '重试',
    unreachable: '无法连接服务器，请检查网络后重试。',
    kind: {
      zone: '高新区', park: '园区', incubator: '孵化器', makerSpace: '众创空间', industrialPark: '产业园', researchBase: '研发基地',
    } satisfies Record<ParkKind, string>,
    status: {
      planned: '规划中', underConstruction: '建设中', operating: '运营中',
    } satisfies Record<ParkStatus, string>,
    level: {
      national: '国家级', provincial: '省级', municipal: '市级',
    } satisfies Record<AccreditationLevel, string>,
  },
  en: {
    appTitle: 'Zhanjiang National High-tech Zone Data Platform',
    switchTo: '中文',
    switchToLabel: 'Switch to Chinese',
    parksTitle: 'Parks (one zone, many parks)',
    loading: 'Loading…',
    empty: 'No parks yet.',
    loadFailed: 'Could not load',
    retry: 'Retry',
    unreachable: 'The server cannot be reached; check the connection and retry.',
    kind: {
      zone: 'Zone', park: 'Park', incubator: 'Incubator', makerSpace: 'Maker space', industrialPark: 'Industrial park', researchBase: 'Research base',
    } satisfies Record<ParkKind, string>,
    status: {
      planned: 'Planned', underConstruction: 'Under construction', operating: 'Operating',
    } satisfies Record<ParkStatus, string>,
    level: {
      national: 'National', provincial: 'Provincial', municipal: 'Municipal',
    } satisfies Record<AccreditationLevel, string>,
  },
} as const;

export type Messages = (typeof messages)[Lang];
