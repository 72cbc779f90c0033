import { describe, expect, it } from 'vitest';
import type { ParkTreeNode } from '../api/gaoxin-client';
import { pathTo } from './ParksPage';

const node = (code: string, name: string, children: ParkTreeNode[] = []): ParkTreeNode => ({ code, name, kind: 'park', children });

describe('pathTo', () => {
  const tree = [node('zone', '湛江国家高新区', [node('haidong', '海东园区', [node('haidong-incubator', '孵化器')]), node('haichuang', '海创中心')])];

  it('names every park from the zone down to the one asked for', () => {
    expect(pathTo(tree, 'haidong-incubator').map((p) => p.name)).toEqual(['湛江国家高新区', '海东园区', '孵化器']);
  });

  it('is empty for a park not in the tree', () => {
    expect(pathTo(tree, 'atlantis')).toEqual([]);
  });
});
