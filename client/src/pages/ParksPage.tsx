import { Breadcrumb, Card, Descriptions, List, Space, Switch, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ParkIndicatorValueDto, ParkTreeNode, ScheduleStatus } from '../api/gaoxin-client';
import { useClient, useLang } from '../i18n/LangContext';
import type { Messages } from '../i18n/messages';
import { useAsync } from '../lib/useAsync';
import { useQueryState } from '../lib/useQueryState';
import { AsyncView } from '../components/AsyncView';
import { Chart } from '../components/Chart';
import { formatValue } from '../lib/format';
import { ScorecardSection } from './ScorecardSection';
import { ScheduleTag } from '../components/StatusTags';

export function toTreeData(nodes: ParkTreeNode[], t: Messages): DataNode[] {
  return nodes.map((node) => ({
    key: node.code,
    title: (
      <span data-code={node.code}>
        <span className="park-name">{node.name}</span> <Tag>{t.kind[node.kind]}</Tag>
        {node.status && <Tag color={node.status === 'operating' ? 'green' : node.status === 'underConstruction' ? 'gold' : 'purple'}>{t.status[node.status]}</Tag>}
      </span>
    ),
    children: toTreeData(node.children, t),
  }));
}

/** `/parks`: the "one zone, many parks" tree; choosing a park opens its page. */
export function ParksPage() {
  const { t } = useLang();
  const client = useClient();
  const navigate = useNavigate();
  const tree = useAsync((signal) => client.getParkTree({}, signal), [client]);
  return (
    <section aria-labelledby="parks-title">
      <Typography.Title level={1} id="parks-title">{t.parks.title}</Typography.Title>
      <AsyncView state={tree} reload={tree.reload} isEmpty={(d) => d.length === 0}>
        {(nodes) => (
          <Tree treeData={toTreeData(nodes, t)} defaultExpandAll showLine blockNode
            onSelect={(keys) => keys[0] && navigate(`/parks/${String(keys[0])}`)} aria-label={t.parks.title} />
        )}
      </AsyncView>
    </section>
  );
}

/** The names from the zone down to a park, each with its code: the park's place in the tree. Empty if it is not there. */
export function pathTo(nodes: ParkTreeNode[], code: string): { code: string; name: string }[] {
  for (const node of nodes) {
    if (node.code === code) return [{ code: node.code, name: node.name }];
    const below = pathTo(node.children, code);
    if (below.length > 0) return [{ code: node.code, name: node.name }, ...below];
  }
  return [];
}

/** `/parks/:code`: a park's facts and all its indicators, sub-parks rolled up on request (?descendants=true). */
export function ParkPage() {
  const { code = '' } = useParams();
  const { t, lang } = useLang();
  const client = useClient();
  const [query, setQuery] = useQueryState();
  const descendants = query.get('descendants') === 'true';
  const park = useAsync((signal) => client.getPark({ code }, signal), [client, code]);
  const parentCode = park.status === 'loaded' ? park.data.parentCode ?? undefined : undefined;
  // People read names: the parent is shown by its name (its code stays in the link).
  const parent = useAsync((signal) => parentCode ? client.getPark({ code: parentCode }, signal) : Promise.resolve(null), [client, parentCode]);
  const figures = useAsync((signal) => client.listParkIndicators({ code, includeDescendants: descendants }, signal), [client, code, descendants]);
  const tree = useAsync((signal) => client.getParkTree({}, signal), [client]);
  const path = tree.status === 'loaded' ? pathTo(tree.data, code) : [];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {path.length > 0 && (
        <Breadcrumb items={[{ title: <Link to="/parks">{t.nav.parks}</Link> },
          ...path.map((step, i) => ({ title: i === path.length - 1 ? step.name : <Link to={`/parks/${step.code}`}>{step.name}</Link> }))]} />
      )}
      <AsyncView state={park} reload={park.reload}>
        {(p) => (
          <Card title={<Typography.Title level={1} style={{ margin: 0 }}>{p.name}</Typography.Title>}>
            <Typography.Paragraph>{p.description}</Typography.Paragraph>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} title={t.parks.facts}>
              <Descriptions.Item label={t.parks.kindLabel}>{t.kind[p.kind]}</Descriptions.Item>
              {p.parentCode && <Descriptions.Item label={t.parks.parent}><Link to={`/parks/${p.parentCode}`}>{parent.status === 'loaded' && parent.data ? parent.data.name : p.parentCode}</Link></Descriptions.Item>}
              {p.status && <Descriptions.Item label={t.parks.statusLabel}>{t.status[p.status]}</Descriptions.Item>}
              {p.accreditationLevel && <Descriptions.Item label={t.parks.level}>{t.level[p.accreditationLevel]}</Descriptions.Item>}
              {p.landArea && <Descriptions.Item label={t.parks.landArea}>{p.landArea.value} {t.unit[p.landArea.unit === 'squareMetre' ? 'squareMetre' : p.landArea.unit]}</Descriptions.Item>}
              {p.source && <Descriptions.Item label={t.source}>{p.source.title} ({p.source.publishedOn})</Descriptions.Item>}
            </Descriptions>
          </Card>
        )}
      </AsyncView>
      <section aria-labelledby="park-indicators">
        <Space align="center" wrap>
          <Typography.Title level={2} id="park-indicators" style={{ margin: 0 }}>{t.parks.indicators}</Typography.Title>
          <label>
            <Switch checked={descendants} onChange={(on) => setQuery({ descendants: on ? 'true' : undefined })} /> {t.parks.includeDescendants}
          </label>
        </Space>
        <AsyncView state={figures} reload={figures.reload}>
          {(data) => data.length === 0 ? <Typography.Paragraph>{t.parks.noIndicators}</Typography.Paragraph> : (
            <Table<ParkIndicatorValueDto> rowKey="indicatorCode" dataSource={data} pagination={false} size="small" scroll={{ x: true }}
              columns={[
                { title: t.indicators.title, render: (_, f) => <Link to={`/indicators/${f.indicatorCode}`}>{f.name}</Link> },
                { title: t.value, render: (_, f) => formatValue(f.value, f.unit, t, lang), align: 'right' },
                { title: t.indicators.breakdown, render: (_, f) => f.breakdown.length === 0 ? null : (
                  <div style={{ minWidth: 160 }}>
                    <Chart height={90} label={`${f.name} ${t.indicators.breakdown}`} option={{
                      grid: { left: 60, right: 10, top: 5, bottom: 5 },
                      xAxis: { type: 'value', show: false },
                      yAxis: { type: 'category', data: f.breakdown.map((b) => b.name) },
                      series: [{ type: 'bar', data: f.breakdown.map((b) => b.value), label: { show: true, position: 'right' } }],
                    }} table={{ head: [t.indicators.breakdown, t.value], rows: f.breakdown.map((b) => [b.name, formatValue(b.value, f.unit, t, lang)]) }} />
                  </div>
                ) },
                { title: t.asOf, dataIndex: 'asOf' },
                { title: t.source, render: (_, f) => f.rolledUp ? <Tag>{t.parks.rolledUp}</Tag> : f.source?.title },
              ]} />
          )}
        </AsyncView>
      </section>
      <ScorecardSection code={code} />
      <ParkWorks code={code} />
    </Space>
  );
}

/** The works in a park and the parks within it, the late first, each with its schedule and due date. */
function ParkWorks({ code }: { code: string }) {
  const { t } = useLang();
  const client = useClient();
  const projects = useAsync((signal) => client.listProjects({ park: code, limit: 200 }, signal), [client, code]);
  const order: ScheduleStatus[] = ['late', 'atRisk', 'onTrack', 'unscheduled', 'done'];
  return (
    <section aria-labelledby="park-works">
      <Typography.Title level={2} id="park-works">{t.projects.title}</Typography.Title>
      <AsyncView state={projects} reload={projects.reload}>
        {(page) => page.items.length === 0 ? <Typography.Paragraph>{t.projects.none}</Typography.Paragraph> : (
          <List size="small" dataSource={[...page.items].sort((a, b) => order.indexOf(a.schedule.status) - order.indexOf(b.schedule.status))} renderItem={(p) => (
            <List.Item data-project={p.code}>
              <span><ScheduleTag status={p.schedule.status} t={t} /><Link to={`/projects/${p.code}`}>{p.name}</Link></span>
              <span>{t.projectStatus[p.status]}{p.schedule.dueBy ? ` · ${t.projects.dueBy} ${p.schedule.dueBy}` : ''}</span>
            </List.Item>
          )} />
        )}
      </AsyncView>
    </section>
  );
}
