import { Card, Col, List, Progress, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ParkIndicatorValueDto, PolicyCatalogueDto, ProgressStatus } from '../api/gaoxin-client';
import { useClient, useLang } from '../i18n/LangContext';
import { useAsync } from '../lib/useAsync';
import { AsyncView } from '../components/AsyncView';
import { formatValue } from '../lib/format';

export const ZONE = 'zhanjiang-hitech-zone';

const progressColour: Record<ProgressStatus, string> = { done: '#389e0d', onTrack: '#1677ff', atRisk: '#d48806', late: '#cf1322' };

/** `/`: the zone's headline figures, the progress of works and the "1+N" policy system. */
export function OverviewPage() {
  const { t, lang } = useLang();
  const client = useClient();
  const figures = useAsync((signal) => client.listParkIndicators({ code: ZONE, includeDescendants: true }, signal), [client]);
  const catalogue = useAsync((signal) => client.getPolicyCatalogue({}, signal), [client]);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1}>{t.overview.title}</Typography.Title>
        <Typography.Paragraph type="secondary">{t.overview.subtitle}</Typography.Paragraph>
      </div>
      <AsyncView state={figures} reload={figures.reload} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <>
            <section aria-labelledby="figures-title">
              <Typography.Title level={2} id="figures-title">{t.overview.figures}</Typography.Title>
              <Row gutter={[16, 16]}>
                {data.filter((f) => f.valueKind !== 'progress').map((figure) => (
                  <Col key={figure.indicatorCode} xs={24} sm={12} lg={8}>
                    <FigureCard figure={figure} />
                  </Col>
                ))}
              </Row>
            </section>
            <section aria-labelledby="works-title">
              <Typography.Title level={2} id="works-title">{t.overview.works}</Typography.Title>
              {data.filter((f) => f.progress).map((figure) => (
                <Card key={figure.indicatorCode} size="small" data-indicator={figure.indicatorCode}>
                  <Typography.Text strong>{figure.name}</Typography.Text>
                  <Progress percent={figure.value} strokeColor={progressColour[figure.progress!.status]} aria-label={figure.name} />
                  <Space wrap>
                    <Tag color={progressColour[figure.progress!.status]}>{t.progress[figure.progress!.status]}</Tag>
                    <span>{t.overview.due} {figure.progress!.plannedCompletion}</span>
                    <span>{t.asOf} {figure.asOf} · {t.source}: {figure.source?.title}</span>
                  </Space>
                </Card>
              ))}
            </section>
          </>
        )}
      </AsyncView>
      <section aria-labelledby="policy-title">
        <Typography.Title level={2} id="policy-title">{t.overview.policySystem}</Typography.Title>
        <AsyncView state={catalogue} reload={catalogue.reload}>
          {(data) => <PolicySystem catalogue={data} />}
        </AsyncView>
      </section>
    </Space>
  );

  function FigureCard({ figure }: { figure: ParkIndicatorValueDto }) {
    return (
      <Card size="small" data-indicator={figure.indicatorCode} title={<Link to={`/indicators/${figure.indicatorCode}`}>{figure.name}</Link>}>
        <Typography.Title level={3} style={{ margin: 0 }} className="figure-value">
          {formatValue(figure.value, figure.unit, t, lang)}
        </Typography.Title>
        {figure.breakdown.length > 0 && (
          <Space wrap style={{ marginTop: 8 }}>
            {figure.breakdown.map((part) => <Tag key={part.member}>{part.name} {part.value}</Tag>)}
          </Space>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t.asOf} {figure.asOf} · {t.source}: {figure.source?.title ?? figure.parkCodes.join(', ')}
        </Typography.Paragraph>
      </Card>
    );
  }
}

function PolicySystem({ catalogue }: { catalogue: PolicyCatalogueDto }) {
  const { t } = useLang();
  return (
    <Row gutter={[16, 16]}>
      {catalogue.cores.map((core) => (
        <Col xs={24} lg={14} key={core.policy.id}>
          <Card size="small" title={t.overview.core}>
            <Link to={`/policies/${core.policy.id}`} className="core-policy">{core.policy.title}</Link>{' '}
            <Tag>{t.policyStatus[core.policy.status]}</Tag>
            <Typography.Paragraph type="secondary">{core.policy.summary}</Typography.Paragraph>
            <Typography.Text strong>{t.overview.supporting}: {core.supporting.length}</Typography.Text>
            {core.supporting.length === 0 ? (
              <Typography.Paragraph type="secondary">{t.overview.noSupporting}</Typography.Paragraph>
            ) : (
              <List size="small" dataSource={core.supporting} renderItem={(s) => (
                <List.Item>
                  <Link to={`/policies/${s.policy.id}`}>{s.policy.title}</Link>
                  <Space>
                    <Tag>{t.policyStatus[s.policy.status]}</Tag>
                    <span>{s.measures.length} {t.overview.measures}</span>
                  </Space>
                </List.Item>
              )} />
            )}
          </Card>
        </Col>
      ))}
      <Col xs={24} lg={10}>
        <Card size="small" title={t.overview.related}>
          <List size="small" dataSource={catalogue.related} renderItem={(r) => (
            <List.Item><Link to={`/policies/${r.id}`}>{r.title}</Link><Tag>{t.policyStatus[r.status]}</Tag></List.Item>
          )} />
        </Card>
      </Col>
    </Row>
  );
}
