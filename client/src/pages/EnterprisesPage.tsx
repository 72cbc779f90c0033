import { Alert, Card, Descriptions, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { ConditionResult, EnterpriseDto, Industry, MatchStatus } from '../api/gaoxin-client';
import { useLang } from '../i18n/LangContext';
import type { Messages } from '../i18n/messages';
import { useApiKey } from '../lib/apiKey';
import { useAsync } from '../lib/useAsync';
import { useQueryState } from '../lib/useQueryState';
import { formatTime } from '../lib/format';
import { AsyncView } from '../components/AsyncView';
import { KeyField } from '../components/KeyField';

const industries: Industry[] = ['marineEquipmentManufacturing', 'marineBiomedicine', 'marineElectronicInformation', 'other'];

/** A status in words and a colour; never by colour alone. */
function StatusTag({ status, t }: { status: MatchStatus; t: Messages }) {
  const color = { met: 'green', unknown: 'gold', partial: 'blue', notMet: 'default' }[status];
  return <Tag color={color}>{t.enterprises.status[status]}</Tag>;
}

/** Each condition: what it asks, what the record says and of when. */
function Conditions({ conditions, t }: { conditions: ConditionResult[]; t: Messages }) {
  return (
    <ul className="conditions">
      {conditions.map((c, i) => (
        <li key={i}>
          <Tag color={c.outcome === 'met' ? 'green' : c.outcome === 'notMet' ? 'red' : 'gold'}>{t.outcome[c.outcome]}</Tag>
          {c.requirement}: {c.explanation}{c.factDate ? ` (${c.factDate})` : ''}
        </li>
      ))}
    </ul>
  );
}

/** `/enterprises?q=&industry=`: the registry, for keys that may read it. */
export function EnterprisesPage() {
  const { t, lang } = useLang();
  const { apiKey, setApiKey, keyed } = useApiKey(lang);
  const [query, setQuery] = useQueryState();
  const q = query.get('q') ?? undefined;
  const industry = (query.get('industry') as Industry | null) ?? undefined;
  const page = useAsync((signal) => apiKey ? keyed.listEnterprises({ q, industry, limit: 200 }, signal) : Promise.resolve(null), [keyed, apiKey, q, industry]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section aria-labelledby="enterprises-title">
        <Typography.Title level={1} id="enterprises-title">{t.enterprises.title}</Typography.Title>
        <Typography.Paragraph>{t.enterprises.intro}</Typography.Paragraph>
        <Space wrap align="end">
          <KeyField apiKey={apiKey} setApiKey={setApiKey} t={t} />
          <Input.Search aria-label={t.enterprises.search} placeholder={t.enterprises.search} defaultValue={q} allowClear style={{ width: 280 }}
            onSearch={(value) => setQuery({ q: value || undefined })} />
          <Select aria-label={t.enterprises.industries} allowClear placeholder={t.enterprises.industries} style={{ width: 220 }} value={industry}
            options={industries.map((i) => ({ value: i, label: t.industry[i] }))} onChange={(value) => setQuery({ industry: value || undefined })} />
          <Link to="/enterprises/match-events">{t.enterprises.events}</Link>
        </Space>
      </section>
      {!apiKey ? <Alert type="info" showIcon title={t.enterprises.needKey} /> : (
        <AsyncView state={page} reload={page.reload} isEmpty={(p) => !p || p.items.length === 0}>
          {(p) => p && (
            <Table<EnterpriseDto> rowKey="code" dataSource={p.items} pagination={{ pageSize: 20 }} columns={[
              { title: t.enterprises.enterprise, render: (_, e) => <><Link to={`/enterprises/${e.code}`}>{e.name}</Link>{e.illustrative && <Tag style={{ marginLeft: 8 }}>{t.targets.illustrative}</Tag>}</> },
              { title: t.enterprises.park, render: (_, e) => e.parkName ?? t.enterprises.unknown },
              { title: t.enterprises.industries, render: (_, e) => e.industries.map((i) => t.industry[i]).join(lang === 'zh-CN' ? '、' : ', ') || t.enterprises.unknown },
              { title: t.enterprises.creditCode, render: (_, e) => e.creditCode ?? t.enterprises.unknown },
            ]} />
          )}
        </AsyncView>
      )}
    </Space>
  );
}

/** `/enterprises/:code?on=`: one enterprise's record, its history in parks, and the measures it qualifies for, with why. */
export function EnterprisePage() {
  const { code = '' } = useParams();
  const { t, lang } = useLang();
  const { apiKey, setApiKey, keyed } = useApiKey(lang);
  const [query, setQuery] = useQueryState();
  const on = query.get('on') ?? undefined;
  const enterprise = useAsync((signal) => keyed.getEnterprise({ code }, signal), [keyed, code]);
  const matches = useAsync((signal) => keyed.getEnterpriseMatches({ code, on }, signal), [keyed, code, on]);
  const list = (items: string[]) => items.join(lang === 'zh-CN' ? '、' : ', ') || t.enterprises.unknown;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {!apiKey && <KeyField apiKey={apiKey} setApiKey={setApiKey} t={t} />}
      <AsyncView state={enterprise} reload={enterprise.reload}>
        {(e) => (
          <Card title={<Typography.Title level={1} style={{ margin: 0 }}>{e.name}</Typography.Title>}
            extra={<>{e.illustrative && <Tag>{t.targets.illustrative}</Tag>}<Link to="/enterprises">{t.enterprises.title}</Link></>}>
            <Descriptions column={{ xs: 1, md: 2 }} items={[
              { key: 'credit', label: t.enterprises.creditCode, children: e.creditCode ?? t.enterprises.unknown },
              { key: 'park', label: t.enterprises.park, children: e.parkCode ? <Link to={`/parks/${e.parkCode}`}>{e.parkName}</Link> : t.enterprises.unknown },
              { key: 'since', label: t.enterprises.since, children: e.inParkSince ?? t.enterprises.unknown },
              { key: 'registered', label: t.enterprises.registeredOn, children: e.registeredOn ?? t.enterprises.unknown },
              { key: 'industries', label: t.enterprises.industries, children: list(e.industries.map((i) => t.industry[i])) },
              { key: 'source', label: t.source, children: e.source?.title ?? '—' },
              { key: 'recorded', label: t.enterprises.recorded, children: `${formatTime(e.recordedAt, lang)} · ${e.recordedBy}` },
            ]} />
            <Typography.Title level={2}>{t.enterprises.qualifications}</Typography.Title>
            <Table rowKey={(q) => `${q.kind}-${q.from}`} size="small" pagination={false} dataSource={e.qualifications} columns={[
              { title: t.enterprises.qualifications, render: (_, q) => t.qualification[q.kind] },
              { title: t.enterprises.from, render: (_, q) => q.from ?? t.enterprises.unknown },
              { title: t.enterprises.until, render: (_, q) => q.until ?? '—' },
            ]} />
            <Typography.Title level={2}>{t.enterprises.figures}</Typography.Title>
            <Table rowKey="year" size="small" pagination={false} dataSource={e.figures} columns={[
              { title: t.enterprises.year, dataIndex: 'year' },
              { title: t.enterprises.rndSpend, render: (_, f) => f.rndSpend ?? '—' },
              { title: t.enterprises.headcount, render: (_, f) => f.headcount ?? '—' },
              { title: t.enterprises.revenue, render: (_, f) => f.revenue ?? '—' },
            ]} />
            <Typography.Title level={2}>{t.enterprises.parkHistory}</Typography.Title>
            <List size="small" dataSource={e.parkHistory} renderItem={(s) => (
              <List.Item>{s.parkName}: {s.since ?? t.enterprises.unknown} → {s.until ?? '…'}</List.Item>
            )} />
          </Card>
        )}
      </AsyncView>
      <section aria-labelledby="matches-title">
        <Typography.Title level={2} id="matches-title">{t.enterprises.matches}</Typography.Title>
        <label>{t.enterprises.on} <Input type="date" style={{ width: 170 }} defaultValue={on} aria-label={t.enterprises.on}
          onChange={(ev) => setQuery({ on: ev.currentTarget.value || undefined })} /></label>
        <AsyncView state={matches} reload={matches.reload} isEmpty={(m) => m.items.length === 0}>
          {(m) => (
            <>
              <Typography.Paragraph>{t.enterprises.maxTotal}: {m.maxTotalSupport} · {t.policies.maxTotalIfUnknown}: {m.maxTotalSupportIfUnknownsMet}</Typography.Paragraph>
              {m.missing.length > 0 && <Alert type="warning" showIcon title={`${t.enterprises.missing}: ${m.missing.map((k) => t.enterprises.condition[k]).join(lang === 'zh-CN' ? '、' : ', ')}`} />}
              <List dataSource={m.items} renderItem={(item) => (
                <List.Item>
                  <div>
                    <StatusTag status={item.status} t={t} />
                    <Link to={`/policies/${item.policy.id}`}>{item.policy.title}</Link> · {item.measure.title}
                    {item.maxSupport != null && <Typography.Text type="secondary"> · {item.maxSupport} {t.policies.tenThousandYuan}</Typography.Text>}
                    <Conditions conditions={item.conditions} t={t} />
                  </div>
                </List.Item>
              )} />
            </>
          )}
        </AsyncView>
      </section>
    </Space>
  );
}

/** `/policies/:id/measures/:code/eligible`: the reverse view, who qualifies for one measure and why. */
export function EligibleEnterprisesPage() {
  const { id = '', code = '' } = useParams();
  const { t, lang } = useLang();
  const { apiKey, setApiKey, keyed } = useApiKey(lang);
  const page = useAsync((signal) => apiKey ? keyed.listEligibleEnterprises({ id, code, limit: 200 }, signal) : Promise.resolve(null), [keyed, apiKey, id, code]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <KeyField apiKey={apiKey} setApiKey={setApiKey} t={t} />
      {!apiKey ? <Alert type="info" showIcon title={t.enterprises.needKey} /> : (
        <AsyncView state={page} reload={page.reload}>
          {(p) => p && (
            <section aria-labelledby="eligible-title">
              <Typography.Title level={1} id="eligible-title">{t.enterprises.eligible}: {p.measure.title}</Typography.Title>
              <Typography.Paragraph>
                <Link to={`/policies/${p.policy.id}`}>{p.policy.title}</Link> · {t.enterprises.on} {p.on}
                {p.measure.grantWithoutApplication && <Tag color="green" style={{ marginLeft: 8 }}>{t.enterprises.complete}</Tag>}
              </Typography.Paragraph>
              <Space wrap>{Object.entries(p.counts).map(([status, n]) => <Tag key={status}>{t.enterprises.status[status as MatchStatus]}: {n}</Tag>)}</Space>
              <List dataSource={p.items} renderItem={(e) => (
                <List.Item>
                  <div>
                    <StatusTag status={e.status} t={t} />
                    <Link to={`/enterprises/${e.enterpriseCode}`}>{e.enterpriseName}</Link>
                    {e.parkName && <Typography.Text type="secondary"> · {e.parkName}</Typography.Text>}
                    {e.illustrative && <Tag style={{ marginLeft: 8 }}>{t.targets.illustrative}</Tag>}
                    <Conditions conditions={e.conditions} t={t} />
                  </div>
                </List.Item>
              )} />
            </section>
          )}
        </AsyncView>
      )}
    </Space>
  );
}

/** `/enterprises/match-events`: the match feed, newest last, as a follower would read it. */
export function MatchEventsPage() {
  const { t, lang } = useLang();
  const { apiKey, setApiKey, keyed } = useApiKey(lang);
  const page = useAsync((signal) => apiKey ? keyed.listMatchEvents({ limit: 500 }, signal) : Promise.resolve(null), [keyed, apiKey]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section aria-labelledby="events-title">
        <Typography.Title level={1} id="events-title">{t.enterprises.events}</Typography.Title>
        <Typography.Paragraph>{t.enterprises.eventsIntro}</Typography.Paragraph>
        <KeyField apiKey={apiKey} setApiKey={setApiKey} t={t} />
      </section>
      {!apiKey ? <Alert type="info" showIcon title={t.enterprises.needKey} /> : (
        <AsyncView state={page} reload={page.reload} isEmpty={(p) => !p || p.items.length === 0}>
          {(p) => p && (
            <Table rowKey="position" dataSource={p.items} pagination={{ pageSize: 50 }} columns={[
              { title: t.enterprises.changedAt, render: (_, e) => formatTime(e.changedAt, lang) },
              { title: t.enterprises.events, render: (_, e) => <Tag color={e.kind === 'newlyEligible' ? 'green' : e.kind === 'noLongerEligible' ? 'red' : 'blue'}>{t.enterprises.eventKind[e.kind]}</Tag> },
              { title: t.enterprises.enterprise, render: (_, e) => <Link to={`/enterprises/${e.enterpriseCode}`}>{e.enterpriseName ?? e.enterpriseCode}</Link> },
              { title: t.enterprises.measure, render: (_, e) => <Link to={`/policies/${e.policyId}/measures/${e.measureCode}/eligible`}>{e.measureTitle ?? `${e.policyId} / ${e.measureCode}`}</Link> },
              { title: t.enterprises.complete, render: (_, e) => (e.grantWithoutApplication ? '✓' : '') },
            ]} />
          )}
        </AsyncView>
      )}
    </Space>
  );
}
