import { useMemo, useState } from 'react';
import { Button, Card, Descriptions, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { IndicatorCategory, ObservationDto } from '../api/gaoxin-client';
import { useClient, useLang } from '../i18n/LangContext';
import { useAsync } from '../lib/useAsync';
import { useQueryState } from '../lib/useQueryState';
import { AsyncView } from '../components/AsyncView';
import { Chart } from '../components/Chart';
import { downloadCsv, toCsv } from '../lib/csv';
import { formatTime } from '../lib/format';
import { ZONE } from './OverviewPage';
import { parkOption } from '../lib/options';

const categories: IndicatorCategory[] = ['innovationResources', 'industry', 'infrastructure', 'publicServices', 'land'];

/** `/indicators`: the definitions, filtered by category and text (?category=&q=). */
export function IndicatorsPage() {
  const { t } = useLang();
  const client = useClient();
  const [query, setQuery] = useQueryState();
  const category = (query.get('category') ?? undefined) as IndicatorCategory | undefined;
  const q = query.get('q') ?? undefined;
  const list = useAsync((signal) => client.listIndicators({ category, q, limit: 200 }, signal), [client, category, q]);
  return (
    <section aria-labelledby="indicators-title">
      <Typography.Title level={1} id="indicators-title">{t.indicators.title}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear aria-label={t.indicators.search} placeholder={t.indicators.search} defaultValue={q}
          onSearch={(value) => setQuery({ q: value })} style={{ width: 260 }} />
        <Select allowClear aria-label={t.indicators.category} placeholder={t.indicators.category} value={category} style={{ width: 200 }}
          onChange={(value) => setQuery({ category: value })}
          options={categories.map((c) => ({ value: c, label: t.category[c] }))} />
      </Space>
      <AsyncView state={list} reload={list.reload} isEmpty={(d) => d.items.length === 0}>
        {(page) => (
          <Table rowKey="code" dataSource={page.items} pagination={false} size="small" scroll={{ x: true }} columns={[
            { title: t.indicators.title, render: (_, i) => <Link to={`/indicators/${i.code}`}>{i.name}</Link> },
            { title: t.indicators.category, render: (_, i) => t.category[i.category] },
            { title: t.indicators.unitLabel, render: (_, i) => t.unit[i.unit] || i.unit },
            { title: t.indicators.breakdown, render: (_, i) => i.breakdown?.members.map((m) => <Tag key={m.code}>{m.name}</Tag>) },
          ]} />
        )}
      </AsyncView>
    </section>
  );
}

/** `/indicators/:code`: definition, series chart, breakdown, comparison across parks, history and CSV download (?parks=&chart=). */
export function IndicatorPage() {
  const { code = '' } = useParams();
  const { t, lang } = useLang();
  const client = useClient();
  const [query, setQuery] = useQueryState();
  const parks = (query.get('parks') ?? '').split(',').filter(Boolean);
  const chart = query.get('chart') === 'bar' ? 'bar' : 'line';
  const [selected, setSelected] = useState<ObservationDto | null>(null);

  const indicator = useAsync((signal) => client.getIndicator({ code }, signal), [client, code]);
  const tree = useAsync((signal) => client.listParks({ limit: 200 }, signal), [client]);
  const series = useAsync((signal) => client.listObservations({ indicator: code, park: parks.join(',') || undefined, limit: 5000 }, signal), [client, code, parks.join(',')]);
  const comparison = useAsync(
    (signal) => tree.status === 'loaded' ? client.compareIndicator({ code, parks: tree.data.items.map((p) => p.code).join(',') }, signal) : new Promise<never>(() => {}),
    [client, code, tree.status]);
  const history = useAsync(
    (signal) => selected ? client.getObservationHistory({ indicator: selected.indicatorCode, park: selected.parkCode, period: selected.period, limit: 200 }, signal).then((page) => page.items) : Promise.resolve([]),
    [client, selected?.indicatorCode, selected?.parkCode, selected?.period]);

  const seriesOption = useMemo(() => {
    if (series.status !== 'loaded') return null;
    const byPark = new Map<string, ObservationDto[]>();
    for (const o of series.data.items) byPark.set(o.parkCode, [...(byPark.get(o.parkCode) ?? []), o]);
    const periods = [...new Set(series.data.items.map((o) => o.period))];
    return {
      tooltip: { trigger: 'axis' }, legend: { type: 'scroll' },
      xAxis: { type: 'category', data: periods }, yAxis: { type: 'value' },
      series: [...byPark.entries()].map(([park, points]) => ({
        name: park, type: chart, data: periods.map((p) => points.find((o) => o.period === p)?.value ?? null),
      })),
    };
  }, [series, chart]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <AsyncView state={indicator} reload={indicator.reload}>
        {(i) => (
          <Card title={<Typography.Title level={1} style={{ margin: 0 }}>{i.name}</Typography.Title>}>
            <Typography.Paragraph>{i.description}</Typography.Paragraph>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} title={t.indicators.definition}>
              <Descriptions.Item label={t.indicators.category}>{t.category[i.category]}</Descriptions.Item>
              <Descriptions.Item label={t.indicators.unitLabel}>{t.unit[i.unit] || i.unit}</Descriptions.Item>
              {i.breakdown && <Descriptions.Item label={i.breakdown.name}>{i.breakdown.members.map((m) => m.name).join(' / ')}</Descriptions.Item>}
              {i.totalEqualsBreakdown && <Descriptions.Item label={t.indicators.rule}>✓</Descriptions.Item>}
              {i.plannedCompletion && <Descriptions.Item label={t.indicators.planned}>{i.plannedCompletion}</Descriptions.Item>}
            </Descriptions>
          </Card>
        )}
      </AsyncView>

      <Card title={t.indicators.series} extra={
        <Space wrap>
          <Radio.Group value={chart} onChange={(e) => setQuery({ chart: e.target.value === 'line' ? undefined : e.target.value })}
            options={[{ value: 'line', label: t.indicators.line }, { value: 'bar', label: t.indicators.bar }]} optionType="button" />
          <Button disabled={series.status !== 'loaded'} onClick={() => series.status === 'loaded' && downloadCsv(`${code}.csv`, toCsv(
            ['indicator_code', 'park_code', 'period', 'breakdown_member', 'value', 'as_of', 'source', 'note'],
            series.data.items.flatMap((o) => [
              [o.indicatorCode, o.parkCode, o.period, '', o.value, o.asOf, o.source?.code, o.note],
              ...o.breakdown.map((b) => [o.indicatorCode, o.parkCode, o.period, b.member, b.value, o.asOf, o.source?.code, '']),
            ])))}>{t.downloadCsv}</Button>
        </Space>
      }>
        <AsyncView state={tree} reload={tree.reload}>
          {(page) => (
            <Select mode="multiple" allowClear aria-label={t.indicators.chooseParks} placeholder={t.indicators.chooseParks} value={parks}
              style={{ width: '100%', marginBottom: 12 }} onChange={(values: string[]) => setQuery({ parks: values.join(',') })}
              showSearch={{ optionFilterProp: 'search' }} options={page.items.map(parkOption)} />
          )}
        </AsyncView>
        <AsyncView state={series} reload={series.reload} isEmpty={(d) => d.items.length === 0}>
          {(page) => (
            <>
              {seriesOption && <Chart option={seriesOption} label={t.indicators.series} />}
              <Table<ObservationDto> rowKey={(o) => `${o.parkCode}/${o.period}`} dataSource={page.items} size="small" pagination={{ pageSize: 20 }} scroll={{ x: true }}
                rowSelection={{ type: 'radio', onChange: (_, rows) => setSelected(rows[0] ?? null) }}
                columns={[
                  { title: t.parks.title, dataIndex: 'parkCode' },
                  { title: t.period, dataIndex: 'period' },
                  { title: t.value, dataIndex: 'value', align: 'right' },
                  { title: t.indicators.breakdown, render: (_, o) => o.breakdown.map((b) => <Tag key={b.member}>{b.name} {b.value}</Tag>) },
                  { title: t.asOf, dataIndex: 'asOf' },
                  { title: t.source, render: (_, o) => o.source?.title },
                ]} />
            </>
          )}
        </AsyncView>
      </Card>

      <Card title={t.indicators.compare}>
        <AsyncView state={comparison} reload={comparison.reload}>
          {(c) => {
            const withValues = c.items.filter((item) => item.value !== null && item.value !== undefined);
            return withValues.length === 0 ? <Typography.Paragraph>{t.empty}</Typography.Paragraph> : (
              <Chart label={t.indicators.compare} option={{
                tooltip: {}, grid: { left: 140, right: 20 },
                xAxis: { type: 'value' }, yAxis: { type: 'category', data: withValues.map((item) => item.parkName) },
                series: [{ type: 'bar', data: withValues.map((item) => item.value), label: { show: true, position: 'right' } }],
              }} table={{ head: [t.parks.title, t.value], rows: withValues.map((item) => [item.parkName, item.value ?? '']) }} />
            );
          }}
        </AsyncView>
      </Card>

      <Card title={t.indicators.history}>
        {!selected ? <Typography.Paragraph type="secondary">{t.indicators.historyHint}</Typography.Paragraph> : (
          <AsyncView state={history} reload={history.reload}>
            {(revisions) => (
              <Table rowKey="version" dataSource={revisions} size="small" pagination={false} scroll={{ x: true }} columns={[
                { title: '#', dataIndex: 'version' },
                { title: t.indicators.recordedAt, render: (_, r) => formatTime(r.recordedAt, lang) },
                { title: t.indicators.recordedBy, dataIndex: 'recordedBy' },
                { title: t.indicators.oldValue, dataIndex: 'oldValue' },
                { title: t.indicators.newValue, dataIndex: 'newValue' },
                { title: t.indicators.note, dataIndex: 'note' },
              ]} />
            )}
          </AsyncView>
        )}
      </Card>
      <Typography.Text type="secondary"><Link to={`/parks/${ZONE}`}>{t.nav.parks}</Link></Typography.Text>
    </Space>
  );
}
