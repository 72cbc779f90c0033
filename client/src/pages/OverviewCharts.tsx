import { useMemo, useState } from 'react';
import { Card, Select, Typography } from 'antd';
import type { ParkIndicatorValueDto } from '../api/gaoxin-client';
import { useClient, useLang } from '../i18n/LangContext';
import { useAsync } from '../lib/useAsync';
import { AsyncView } from '../components/AsyncView';
import { Chart } from '../components/Chart';
import { formatValue } from '../lib/format';

/** The levels figures are made of (national, provincial, municipal…), one bar per indicator, with the table behind. */
export function Levels({ figures }: { figures: ParkIndicatorValueDto[] }) {
  const { t } = useLang();
  const { withLevels, members } = useMemo(() => {
    const withLevels = figures.filter((f) => f.breakdown.length > 0);
    return { withLevels, members: [...new Set(withLevels.flatMap((f) => f.breakdown.map((b) => b.name)))] };
  }, [figures]);
  const option = useMemo(() => ({
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: withLevels.map((f) => f.name), axisLabel: { width: 120, overflow: 'break' } },
    series: members.map((name) => ({ name, type: 'bar', stack: 'levels', label: { show: true },
      data: withLevels.map((f) => f.breakdown.find((b) => b.name === name)?.value ?? 0) })),
  }), [withLevels, members]);
  if (withLevels.length === 0) return null;
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>{t.overview.levels}</Typography.Title>}>
      <Chart option={option} label={t.overview.levels} height={240}
        table={{ head: [t.overview.indicator, ...members], rows: withLevels.map((f) => [f.name, ...members.map((m) => f.breakdown.find((b) => b.name === m)?.value ?? '—')]) }} />
    </Card>
  );
}

/** The parks compared on one indicator the reader picks, each park by name, with the table behind. */
export function ParkComparison({ figures }: { figures: ParkIndicatorValueDto[] }) {
  const { t, lang } = useLang();
  const client = useClient();
  const choices = figures.filter((f) => f.valueKind !== 'progress');
  const [indicator, setIndicator] = useState(() => choices.find((f) => f.parkCodes.length > 1)?.indicatorCode ?? choices[0]?.indicatorCode);
  const parks = useAsync((signal) => client.listParks({ limit: 200 }, signal), [client]);
  const codes = parks.status === 'loaded' ? parks.data.items.map((p) => p.code).join(',') : undefined;
  const comparison = useAsync((signal) => indicator && codes ? client.compareIndicator({ code: indicator, parks: codes }, signal) : Promise.resolve(null), [client, indicator, codes]);
  const shown = useMemo(() => comparison.status === 'loaded' && comparison.data ? comparison.data.items.filter((i) => i.value != null) : [], [comparison]);
  const option = useMemo(() => ({
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((i) => i.parkName), inverse: true, axisLabel: { width: 140, overflow: 'break' } },
    series: [{ type: 'bar', data: shown.map((i) => i.value), label: { show: true, position: 'right' } }],
  }), [shown]);
  const unit = comparison.status === 'loaded' && comparison.data ? comparison.data.unit : undefined;
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>{t.overview.comparison}</Typography.Title>}
      extra={<Select aria-label={t.overview.chooseIndicator} style={{ width: 200 }} value={indicator} onChange={setIndicator}
        options={choices.map((f) => ({ value: f.indicatorCode, label: f.name }))} />}>
      <AsyncView state={comparison} reload={comparison.reload} isEmpty={() => shown.length === 0}>
        {() => (
          <Chart option={option} label={t.overview.comparison} height={Math.max(140, 40 * shown.length)}
            table={{ head: [t.parks.title, t.value, t.asOf], rows: shown.map((i) => [i.parkName, unit ? formatValue(i.value!, unit, t, lang) : String(i.value), i.asOf ?? '—']) }} />
        )}
      </AsyncView>
    </Card>
  );
}
