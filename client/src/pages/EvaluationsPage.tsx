import { Card, Input, List, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { NodeScoreDto, ParkResultDto } from '../api/gaoxin-client';
import { useClient, useLang } from '../i18n/LangContext';
import { useAsync } from '../lib/useAsync';
import { useQueryState } from '../lib/useQueryState';
import { AsyncView } from '../components/AsyncView';
import { Chart } from '../components/Chart';

const points = (value: number) => (Math.round(value * 100) / 100).toString();

/** Every node of a result by code, to name the missing inputs. */
function nodeNames(node: NodeScoreDto, names = new Map<string, string>()): Map<string, string> {
  names.set(node.code, node.name);
  node.children?.forEach((child) => nodeNames(child, names));
  return names;
}

/** `/evaluations`: the evaluation schemes. */
export function EvaluationsPage() {
  const { t } = useLang();
  const client = useClient();
  const schemes = useAsync((signal) => client.listSchemes({ limit: 200 }, signal), [client]);
  return (
    <section aria-labelledby="evaluations-title">
      <Typography.Title level={1} id="evaluations-title">{t.evaluations.title}</Typography.Title>
      <AsyncView state={schemes} reload={schemes.reload} isEmpty={(page) => page.items.length === 0}>
        {(page) => (
          <List dataSource={page.items} renderItem={(scheme) => (
            <List.Item>
              <Link to={`/evaluations/${scheme.code}`}>{scheme.name}</Link>
              {scheme.illustrative && <Tag style={{ marginLeft: 8 }}>{t.targets.illustrative}</Tag>}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>v{scheme.version}</Typography.Text>
            </List.Item>
          )} />
        )}
      </AsyncView>
    </section>
  );
}

/**
 * `/evaluations/:scheme?period=&compare=&park=`: the ranking for a period, each park's points by dimension, and one
 * park's score explained node by node (with what moved it since the compared period). All choices live in the URL.
 */
export function EvaluationPage() {
  const { scheme = '' } = useParams();
  const { t, lang } = useLang();
  const client = useClient();
  const [query, setQuery] = useQueryState();
  const period = query.get('period') ?? String(new Date().getFullYear() - 1);
  const compare = query.get('compare') ?? undefined;
  const park = query.get('park') ?? undefined;
  const definition = useAsync((signal) => client.getScheme({ code: scheme }, signal), [client, scheme]);
  const results = useAsync((signal) => client.getEvaluationResults({ scheme, period }, signal), [client, scheme, period]);
  const explain = useAsync((signal) => park
    ? client.explainEvaluation({ scheme, park, period, comparePeriod: compare }, signal)
    : Promise.resolve(null), [client, scheme, period, compare, park]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <AsyncView state={definition} reload={definition.reload}>
        {(s) => (
          <Card title={<Typography.Title level={1} style={{ margin: 0 }}>{s.name}</Typography.Title>}>
            <Typography.Paragraph>{lang === 'zh-CN' ? s.descriptions.zh : s.descriptions.en}</Typography.Paragraph>
            <Space wrap>
              <label>{t.evaluations.period} <Input style={{ width: 110 }} defaultValue={period} aria-label={t.evaluations.period}
                onPressEnter={(e) => setQuery({ period: e.currentTarget.value || undefined })} onBlur={(e) => setQuery({ period: e.currentTarget.value || undefined })} /></label>
              <label>{t.evaluations.compare} <Input style={{ width: 110 }} defaultValue={compare} aria-label={t.evaluations.compare} allowClear
                onPressEnter={(e) => setQuery({ compare: e.currentTarget.value || undefined })} onBlur={(e) => setQuery({ compare: e.currentTarget.value || undefined })} /></label>
              <Tag>v{s.version}</Tag>
              <Tag>{t.evaluations.missing[s.missingInputs]}</Tag>
              {s.illustrative && <Tag>{t.targets.illustrative}</Tag>}
            </Space>
          </Card>
        )}
      </AsyncView>

      <AsyncView state={results} reload={results.reload} isEmpty={(r) => r.parks.length === 0}>
        {(r) => {
          const dimensions = r.parks[0]?.root.children ?? [];
          return (
            <section aria-labelledby="ranking-title">
              <Typography.Title level={2} id="ranking-title">{t.evaluations.ranking} · {r.period}</Typography.Title>
              <Table<ParkResultDto> rowKey="parkCode" dataSource={r.parks} pagination={false} size="small" scroll={{ x: true }}
                onRow={(row) => ({ 'data-park': row.parkCode } as React.HTMLAttributes<HTMLElement>)}
                columns={[
                  { title: t.evaluations.rank, dataIndex: 'rank', sorter: (a, b) => a.rank - b.rank, defaultSortOrder: 'ascend' },
                  { title: t.targets.park, render: (_, row) => <Typography.Link onClick={() => setQuery({ park: row.parkCode })}>{row.parkName}</Typography.Link> },
                  { title: t.evaluations.total, render: (_, row) => points(row.total), align: 'right', sorter: (a, b) => a.total - b.total },
                  ...dimensions.map((dimension, i) => ({
                    title: dimension.name, align: 'right' as const,
                    render: (_: unknown, row: ParkResultDto) => points(row.root.children?.[i]?.contribution ?? 0),
                  })),
                  { title: t.evaluations.missingInputs, render: (_, row) => {
                    const names = nodeNames(row.root);
                    return row.missingInputs.map((code) => <Tag key={code}>{names.get(code) ?? code}</Tag>);
                  } },
                ]} />
              <Chart label={t.evaluations.contributions} height={60 + 36 * r.parks.length} option={{
                tooltip: { trigger: 'axis' },
                legend: { data: dimensions.map((d) => d.name) },
                grid: { left: 140, right: 20, top: 40, bottom: 20 },
                xAxis: { type: 'value' },
                yAxis: { type: 'category', data: r.parks.map((p) => p.parkName).reverse() },
                series: dimensions.map((d, i) => ({
                  name: d.name, type: 'bar', stack: 'total',
                  data: r.parks.map((p) => Math.round((p.root.children?.[i]?.contribution ?? 0) * 100) / 100).reverse(),
                })),
              }} />
            </section>
          );
        }}
      </AsyncView>

      {park && (
        <AsyncView state={explain} reload={explain.reload}>
          {(e) => e && (
            <section aria-labelledby="explain-title" data-testid="explain">
              <Typography.Title level={2} id="explain-title">{t.evaluations.explain} · {e.result.parkName}</Typography.Title>
              <Typography.Paragraph>
                {t.evaluations.total} {points(e.result.total)} · {t.evaluations.rank} {e.result.rank}
                {e.compared && ` · ${e.comparedPeriod}: ${points(e.compared.total)} · ${t.evaluations.rank} ${e.compared.rank}`}
              </Typography.Paragraph>
              <List size="small" dataSource={e.lines} renderItem={(line) => (
                <List.Item style={{ paddingLeft: 16 * line.depth }}>{line.text}</List.Item>
              )} />
              {e.movers.length > 0 && (
                <>
                  <Typography.Title level={4}>{t.evaluations.movers}</Typography.Title>
                  <List size="small" dataSource={e.movers} renderItem={(line) => <List.Item data-mover={line.code}>{line.text}</List.Item>} />
                </>
              )}
            </section>
          )}
        </AsyncView>
      )}
    </Space>
  );
}
