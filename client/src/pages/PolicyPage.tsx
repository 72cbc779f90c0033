import { Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { MeasureConditions, SupportMeasureDto } from '../api/gaoxin-client';
import { useClient, useLang } from '../i18n/LangContext';
import type { Messages } from '../i18n/messages';
import { useAsync } from '../lib/useAsync';
import { AsyncView } from '../components/AsyncView';
import { formatTime } from '../lib/format';

export function describeConditions(c: MeasureConditions, t: Messages): string[] {
  return [
    ...(c.parks?.length ? [`${t.policies.park}: ${c.parks.join(', ')}`] : []),
    ...(c.industries?.length ? [`${t.policies.industry}: ${c.industries.map((i) => t.industry[i]).join(', ')}`] : []),
    ...(c.qualifications ?? []).map((q) => t.qualification[q]),
    ...(c.minRndSpend !== undefined && c.minRndSpend !== null ? [`${t.policies.rndSpend} ≥ ${c.minRndSpend}`] : []),
    ...(c.minHeadcount !== undefined && c.minHeadcount !== null ? [`${t.policies.headcount} ≥ ${c.minHeadcount}`] : []),
    ...(c.minYearsRegistered !== undefined && c.minYearsRegistered !== null ? [`≥ ${c.minYearsRegistered} y`] : []),
    ...(c.maxYearsRegistered !== undefined && c.maxYearsRegistered !== null ? [`≤ ${c.maxYearsRegistered} y`] : []),
  ];
}

/** `/policies/:id`: a document with its measures, relations, full text and versions. */
export function PolicyPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const client = useClient();
  const policy = useAsync((signal) => client.getPolicy({ id }, signal), [client, id]);
  const versions = useAsync((signal) => client.listPolicyVersions({ id, limit: 200 }, signal).then((page) => page.items), [client, id]);

  return (
    <AsyncView state={policy} reload={policy.reload}>
      {(p) => (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card title={<Typography.Title level={1} style={{ margin: 0, whiteSpace: 'normal' }}>{p.summary.title}</Typography.Title>}>
            <Space wrap style={{ marginBottom: 12 }}>
              <Tag>{t.role[p.summary.role]}</Tag>
              <Tag color={p.summary.status === 'inForce' ? 'green' : undefined}>{t.policyStatus[p.summary.status]}</Tag>
              {p.summary.illustrative && <Tag color="orange">{t.policies.illustrative}</Tag>}
            </Space>
            <Typography.Paragraph>{p.summary.summary}</Typography.Paragraph>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              {p.summary.documentNumber && <Descriptions.Item label={t.policies.documentNumber}>{p.summary.documentNumber}</Descriptions.Item>}
              {p.summary.issuer && <Descriptions.Item label={t.policies.issuer}>{p.summary.issuer.name}</Descriptions.Item>}
              {p.summary.issuedOn && <Descriptions.Item label={t.policies.issued}>{p.summary.issuedOn}</Descriptions.Item>}
              {p.summary.effectiveFrom && <Descriptions.Item label={t.policies.effective}>{p.summary.effectiveFrom}</Descriptions.Item>}
              {p.summary.expiresOn && <Descriptions.Item label={t.policies.expires}>{p.summary.expiresOn}</Descriptions.Item>}
              {p.summary.categories.length > 0 && <Descriptions.Item label={t.policies.category}>{p.summary.categories.map((c) => t.policyCategory[c]).join(', ')}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title={t.policies.measures} size="small">
            {p.measures.length === 0 ? <Empty description={t.policies.noMeasures} /> : (
              <Table<SupportMeasureDto> rowKey="code" dataSource={p.measures} pagination={false} size="small" scroll={{ x: true }} columns={[
                { title: t.policies.measures, render: (_, m) => <><strong>{m.title}</strong><div>{m.description}</div>
                  <Link to={`/policies/${p.id}/measures/${m.code}/eligible`}>{t.enterprises.whoQualifies}</Link></> },
                { title: t.policies.amount, dataIndex: 'amount' },
                { title: t.policies.rate, dataIndex: 'rate' },
                { title: t.policies.cap, dataIndex: 'cap' },
                { title: t.policies.conditions, render: (_, m) => describeConditions(m.conditions, t).map((c) => <Tag key={c}>{c}</Tag>) },
              ]} />
            )}
          </Card>
          {p.relations.length > 0 && (
            <Card title={t.policies.relations} size="small">
              <List dataSource={p.relations} renderItem={(r) => (
                <List.Item>
                  {r.outgoing ? t.policies.outgoing : t.policies.incoming} {t.relation[r.kind]} <Link to={`/policies/${r.other.id}`}>{r.other.title}</Link>
                  {r.effectiveOn && <Tag>{r.effectiveOn}</Tag>}
                </List.Item>
              )} />
            </Card>
          )}
          <Card title={t.policies.body} size="small">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.body}</Typography.Paragraph>
          </Card>
          <Card title={t.policies.versions} size="small">
            <AsyncView state={versions} reload={versions.reload}>
              {(list) => (
                <List dataSource={list} renderItem={(v) => (
                  <List.Item>{t.policies.version} {v.version} · {formatTime(v.recordedAt, lang)} · {v.recordedBy} · {lang === 'en' ? v.content.titles.en : v.content.titles.zh}</List.Item>
                )} />
              )}
            </AsyncView>
          </Card>
        </Space>
      )}
    </AsyncView>
  );
}
