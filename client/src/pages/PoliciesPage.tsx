import { Card, Col, DatePicker, Input, List, Row, Select, Space, Tag, Tree, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { Industry, PolicyCatalogueDto, PolicyCategory, PolicyRole, PolicyStatus, PolicySummaryDto } from '../api/gaoxin-client';
import { useClient, useLang } from '../i18n/LangContext';
import { useAsync } from '../lib/useAsync';
import { useQueryState } from '../lib/useQueryState';
import { AsyncView } from '../components/AsyncView';
import { Highlight } from '../components/Highlight';
import { parkOption } from '../lib/options';

const statuses: PolicyStatus[] = ['draft', 'pending', 'inForce', 'expired', 'repealed'];
const categories: PolicyCategory[] = ['rnd', 'talent', 'incubation', 'land', 'finance', 'industrialChain', 'planning', 'infrastructure', 'regionalDevelopment'];
const industries: Industry[] = ['marineEquipmentManufacturing', 'marineBiomedicine', 'marineElectronicInformation', 'other'];
const roles: PolicyRole[] = ['core', 'supporting', 'related'];

/** `/policies`: the "1+N" tree, search with highlighted matches, filters in the query string, and the matcher. */
export function PoliciesPage() {
  const { t } = useLang();
  const client = useClient();
  const [query, setQuery] = useQueryState();
  const filters = {
    q: query.get('q') ?? undefined,
    role: (query.get('role') ?? undefined) as PolicyRole | undefined,
    status: (query.get('status') ?? undefined) as PolicyStatus | undefined,
    issuer: query.get('issuer') ?? undefined,
    category: (query.get('category') ?? undefined) as PolicyCategory | undefined,
    park: query.get('park') ?? undefined,
    industry: (query.get('industry') ?? undefined) as Industry | undefined,
    inForceOn: query.get('inForceOn') ?? undefined,
  };
  const key = JSON.stringify(filters);
  const results = useAsync((signal) => client.listPolicies({ ...filters, limit: 50 }, signal), [client, key]);
  const catalogue = useAsync((signal) => client.getPolicyCatalogue({}, signal), [client]);
  const issuers = useAsync((signal) => client.listOrganisations({}, signal), [client]);
  const parks = useAsync((signal) => client.listParks({ limit: 200 }, signal), [client]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>{t.policies.title}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title={t.policies.catalogue} size="small">
            <AsyncView state={catalogue} reload={catalogue.reload}>
              {(data) => <Tree defaultExpandAll blockNode treeData={catalogueTree(data)} aria-label={t.policies.catalogue} />}
            </AsyncView>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={t.policies.search} size="small">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.Search allowClear enterButton aria-label={t.policies.search} placeholder={t.policies.searchPlaceholder}
                defaultValue={filters.q} key={filters.q ?? ''} onSearch={(value) => setQuery({ q: value })} />
              <Space wrap>
                <Select allowClear aria-label={t.policies.statusLabel} placeholder={t.policies.statusLabel} value={filters.status} style={{ width: 150 }}
                  onChange={(v) => setQuery({ status: v })} options={statuses.map((s) => ({ value: s, label: t.policyStatus[s] }))} />
                <Select allowClear aria-label={t.role.core} placeholder={t.role.supporting} value={filters.role} style={{ width: 130 }}
                  onChange={(v) => setQuery({ role: v })} options={roles.map((r) => ({ value: r, label: t.role[r] }))} />
                <Select allowClear aria-label={t.policies.category} placeholder={t.policies.category} value={filters.category} style={{ width: 150 }}
                  onChange={(v) => setQuery({ category: v })} options={categories.map((c) => ({ value: c, label: t.policyCategory[c] }))} />
                <Select allowClear aria-label={t.policies.industry} placeholder={t.policies.industry} value={filters.industry} style={{ width: 190 }}
                  onChange={(v) => setQuery({ industry: v })} options={industries.map((i) => ({ value: i, label: t.industry[i] }))} />
                <Select allowClear aria-label={t.policies.issuer} placeholder={t.policies.issuer} value={filters.issuer} style={{ width: 220 }}
                  onChange={(v) => setQuery({ issuer: v })}
                  showSearch={{ optionFilterProp: 'search' }} options={issuers.status === 'loaded' ? issuers.data.map(parkOption) : []} />
                <Select allowClear aria-label={t.policies.park} placeholder={t.policies.park} value={filters.park} style={{ width: 200 }}
                  onChange={(v) => setQuery({ park: v })}
                  showSearch={{ optionFilterProp: 'search' }} options={parks.status === 'loaded' ? parks.data.items.map(parkOption) : []} />
                <DatePicker aria-label={t.policies.inForceOn} placeholder={t.policies.inForceOn}
                  value={filters.inForceOn ? dayjs(filters.inForceOn) : null}
                  onChange={(d) => setQuery({ inForceOn: d ? d.format('YYYY-MM-DD') : undefined })} />
              </Space>
              <AsyncView state={results} reload={results.reload} isEmpty={(d) => d.items.length === 0}>
                {(page) => (
                  <List<PolicySummaryDto>
                    header={<span className="result-count">{page.total} {t.policies.results}</span>}
                    dataSource={page.items}
                    renderItem={(p) => (
                      <List.Item data-policy={p.id}>
                        <List.Item.Meta
                          title={<Space wrap><Link to={`/policies/${p.id}`}>{p.title}</Link><Tag>{t.role[p.role]}</Tag><Tag>{t.policyStatus[p.status]}</Tag>{p.illustrative && <Tag color="orange">{t.policies.illustrative}</Tag>}</Space>}
                          description={p.highlight ? <Highlight html={p.highlight} /> : p.summary} />
                      </List.Item>
                    )} />
                )}
              </AsyncView>
            </Space>
          </Card>
        </Col>
      </Row>
    </Space>
  );

  function catalogueTree(data: PolicyCatalogueDto) {
    const link = (p: PolicySummaryDto) => (
      <span><Link to={`/policies/${p.id}`}>{p.title}</Link> <Tag>{t.policyStatus[p.status]}</Tag></span>
    );
    return [
      ...data.cores.map((core) => ({
        key: core.policy.id, title: link(core.policy),
        children: core.supporting.map((s) => ({
          key: s.policy.id, title: link(s.policy),
          children: s.measures.map((m) => ({ key: `${s.policy.id}/${m.code}`, title: m.title, isLeaf: true })),
        })),
      })),
      { key: '__related', title: t.overview.related, children: data.related.map((r) => ({ key: r.id, title: link(r), isLeaf: true })) },
    ];
  }
}
