import { useState } from 'react';
import { Button, Card, DatePicker, Form, InputNumber, List, Select, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import type { Eligibility, Industry, PolicyMatchResult, Qualification } from '../api/gaoxin-client';
import { problemOf } from '../api/client';
import { useClient, useLang } from '../i18n/LangContext';
import { useAsync } from '../lib/useAsync';
import { downloadCsv, toCsv } from '../lib/csv';
import { parkOption } from '../lib/options';

const industries: Industry[] = ['marineEquipmentManufacturing', 'marineBiomedicine', 'marineElectronicInformation', 'other'];
const qualifications: Qualification[] = ['highTechEnterprise', 'techSme', 'incubatingEnterprise', 'specialisedSme'];
const eligibilityColour: Record<Eligibility, string> = { eligible: 'green', possiblyEligible: 'gold', notEligible: 'default' };

interface ProfileForm {
  parkCode?: string;
  industry?: Industry;
  qualifications?: Qualification[];
  rndSpend?: number;
  headcount?: number;
  registeredOn?: Dayjs;
  date?: Dayjs;
}

/** `/calculator` (政策计算器): an enterprise's profile in, the measures it may claim out, each condition explained. */
export function CalculatorPage() {
  const { t } = useLang();
  return (
    <section aria-labelledby="calculator-title">
      <Typography.Title level={1} id="calculator-title">{t.nav.calculator}</Typography.Title>
      <MatcherCard />
    </section>
  );
}

/** The policy matcher: an enterprise's profile in, the measures it may claim out, each condition explained. */
export function MatcherCard() {
  const { t } = useLang();
  const client = useClient();
  const parks = useAsync((signal) => client.listParks({ limit: 200 }, signal), [client]);
  const [result, setResult] = useState<PolicyMatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function match(values: ProfileForm) {
    setBusy(true);
    setError(null);
    try {
      setResult(await client.matchPolicies({ body: {
        profile: {
          parkCode: values.parkCode, industry: values.industry, qualifications: values.qualifications,
          rndSpend: values.rndSpend, headcount: values.headcount, registeredOn: values.registeredOn?.format('YYYY-MM-DD'),
        },
        date: values.date?.format('YYYY-MM-DD'),
      } }));
    } catch (e) {
      const problem = problemOf(e);
      setError(problem ? `${problem.title}: ${problem.detail ?? ''}` : t.unreachable);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t.policies.matcher} size="small">
      <Typography.Paragraph type="secondary">{t.policies.matcherIntro}</Typography.Paragraph>
      <Form<ProfileForm> layout="vertical" onFinish={match} initialValues={{ date: dayjs() }} className="matcher-form">
        <Space wrap align="start">
          <Form.Item name="parkCode" label={t.policies.park}>
            <Select allowClear style={{ width: 220 }} showSearch={{ optionFilterProp: 'search' }} options={parks.status === 'loaded' ? parks.data.items.map(parkOption) : []} />
          </Form.Item>
          <Form.Item name="industry" label={t.policies.industry}>
            <Select allowClear style={{ width: 200 }} options={industries.map((i) => ({ value: i, label: t.industry[i] }))} />
          </Form.Item>
          <Form.Item name="qualifications" label={t.policies.qualifications}>
            <Select mode="multiple" allowClear style={{ width: 260 }} options={qualifications.map((q) => ({ value: q, label: t.qualification[q] }))} />
          </Form.Item>
          <Form.Item name="rndSpend" label={t.policies.rndSpend}><InputNumber min={0} /></Form.Item>
          <Form.Item name="headcount" label={t.policies.headcount}><InputNumber min={0} precision={0} /></Form.Item>
          <Form.Item name="registeredOn" label={t.policies.registeredOn}><DatePicker /></Form.Item>
          <Form.Item name="date" label={t.policies.date}><DatePicker /></Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={busy}>{t.policies.match}</Button>
      </Form>
      {error && <Typography.Paragraph type="danger" role="alert">{error}</Typography.Paragraph>}
      {result && (
        <section aria-live="polite" className="match-result">
          <Space size="large" wrap style={{ margin: '16px 0' }}>
            <Statistic title={t.policies.maxTotal} value={result.maxTotalSupport} suffix={t.policies.tenThousandYuan} />
            <Statistic title={t.policies.maxTotalIfUnknown} value={result.maxTotalSupportIfUnknownsMet} suffix={t.policies.tenThousandYuan} />
            <Button onClick={() => downloadCsv(`policy-matches-${result.date}.csv`, toCsv(
              [t.policies.eligibilityLabel, t.policies.measures, t.policies.title, t.policies.cap, t.policies.conditions],
              result.items.map((item) => [t.eligibility[item.eligibility], item.measure.title, item.policy.title, item.maxSupport,
                item.conditions.map((c) => `${t.outcome[c.outcome]}: ${c.requirement}`).join('; ')])))}>{t.downloadCsv}</Button>
          </Space>
          <List dataSource={result.items} renderItem={(item) => (
            <List.Item data-measure={item.measure.code}>
              <List.Item.Meta
                title={<Space wrap><Tag color={eligibilityColour[item.eligibility]}>{t.eligibility[item.eligibility]}</Tag>{item.measure.title}<Link to={`/policies/${item.policy.id}`}>{item.policy.title}</Link></Space>}
                description={
                  <ul className="conditions">
                    {item.conditions.map((c, i) => (
                      <li key={i}><Tag color={c.outcome === 'met' ? 'green' : c.outcome === 'notMet' ? 'red' : 'default'}>{t.outcome[c.outcome]}</Tag>{c.requirement} — {c.explanation}</li>
                    ))}
                  </ul>
                } />
              {item.maxSupport !== null && item.maxSupport !== undefined && <span>{item.maxSupport} {t.policies.tenThousandYuan}</span>}
            </List.Item>
          )} />
        </section>
      )}
    </Card>
  );
}
