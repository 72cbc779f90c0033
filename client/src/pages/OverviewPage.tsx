import { lazy, Suspense } from 'react';
import { Card, Col, List, Progress, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ParkIndicatorValueDto, PolicyCatalogueDto, ProjectPage, RoundStatusDto, ScheduleStatus, ScorecardDto, TargetStatus } from '../api/gaoxin-client';
import { useClient, useLang } from '../i18n/LangContext';
import { useAsync, type AsyncState } from '../lib/useAsync';
import { useApiKey } from '../lib/apiKey';
import { AsyncView } from '../components/AsyncView';
import { formatValue } from '../lib/format';
import { ScheduleTag, statusColour } from '../components/StatusTags';

export const ZONE = 'zhanjiang-hitech-zone';

/** A request not made yet: its state stays "loading" until the page asks for it. */
const pending = <T,>() => new Promise<T>(() => {});

// The charts come after the figures: ECharts is its own chunk, fetched once the page is on screen, so the first
// figures do not wait for it (and the overview's first load stays within its budget).
const Levels = lazy(async () => ({ default: (await import('./OverviewCharts')).Levels }));
const ParkComparison = lazy(async () => ({ default: (await import('./OverviewCharts')).ParkComparison }));

/** The order a schedule needs attention in: the late first. */
const urgency: ScheduleStatus[] = ['late', 'atRisk', 'onTrack', 'unscheduled', 'done'];
const attentionTargets: TargetStatus[] = ['missed', 'late', 'atRisk'];

/**
 * `/`: the zone in one screen (数据驾驶舱): what needs attention, the headline figures with their levels, their
 * make-up as a chart, the parks compared on a chosen indicator, the works against their deadlines, and the "1+N"
 * policy system. Every element links to its page and every figure shows its date and source.
 */
export function OverviewPage() {
  const { t, lang } = useLang();
  const client = useClient();
  const figures = useAsync((signal) => client.listParkIndicators({ code: ZONE, includeDescendants: true }, signal), [client]);
  const catalogue = useAsync((signal) => client.getPolicyCatalogue({}, signal), [client]);
  // The figures are asked for first and alone: on a small machine the first figure on screen is what a visitor waits
  // for, so the attention list and the works (a few quick reads) follow once the figures are in.
  const ready = figures.status !== 'loading';
  const projects = useAsync((signal) => ready ? client.listProjects({ limit: 200 }, signal) : pending<ProjectPage>(), [client, ready]);
  const latest = figures.status === 'loaded' ? figures.data.map((f) => f.asOf).sort().at(-1) : undefined;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1}>{t.overview.title}</Typography.Title>
        <Typography.Paragraph type="secondary">{latest ? t.overview.subtitle.replace('{date}', latest) : t.overview.subtitleLoading}</Typography.Paragraph>
      </div>
      <Attention projects={projects} ready={ready} />
      <AsyncView state={figures} reload={figures.reload} isEmpty={(d) => d.length === 0}>
        {(data) => (
          <>
            <section aria-labelledby="figures-title">
              <Typography.Title level={2} id="figures-title">{t.overview.figures}</Typography.Title>
              <Row gutter={[16, 16]}>
                {data.filter((f) => f.valueKind !== 'progress').map((figure) => (
                  <Col key={figure.indicatorCode} xs={24} sm={12} lg={8} xl={6}>
                    <FigureCard figure={figure} />
                  </Col>
                ))}
              </Row>
            </section>
            <Suspense fallback={null}>
              <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
                <Col xs={24} lg={12}><Levels figures={data} /></Col>
                <Col xs={24} lg={12}><ParkComparison figures={data} /></Col>
              </Row>
            </Suspense>
          </>
        )}
      </AsyncView>
      <Works projects={projects} />
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

/**
 * What needs attention today: targets missed, late or at risk (the zone and its parks), works late or at risk, the
 * parks past the due day of each data set's latest round without a submission, and, for a key in this tab that may
 * read them, the service cases overdue. Nothing private is fetched without such a key.
 */
function Attention({ projects, ready }: { projects: AsyncState<ProjectPage> & { reload: () => void }; ready: boolean }) {
  const { t, lang } = useLang();
  const client = useClient();
  const { apiKey, keyed } = useApiKey(lang);
  const scorecard = useAsync((signal) => ready ? client.getScorecard({ code: ZONE, includeDescendants: true }, signal) : pending<ScorecardDto>(), [client, ready]);
  // A key without the cases scope is answered 403: then there is simply nothing to say about cases.
  const cases = useAsync((signal) => ready && apiKey ? keyed.listCases({ overdue: true, limit: 200 }, signal).catch(() => null) : Promise.resolve(null), [keyed, apiKey, ready]);
  const targets = scorecard.status === 'loaded' ? scorecard.data.items.filter((i) => attentionTargets.includes(i.status)) : [];
  // A work needs attention when it, or one of its milestones, is late or at risk (the laboratory's move-in is a milestone).
  const works = projects.status === 'loaded' ? projects.data.items.flatMap((p) => [
    { key: p.code, name: p.name, schedule: p.schedule, code: p.code },
    ...p.milestoneSchedules.map((m) => ({ key: `${p.code}/${m.code}`, name: `${p.name} · ${m.name}`, schedule: m.schedule, code: p.code })),
  ]).filter((w) => w.schedule.status === 'late' || w.schedule.status === 'atRisk') : [];
  const overdueCases = cases.status === 'loaded' && cases.data ? cases.data.items : null;
  // Each data set's latest round whose period has ended (the first of listRounds' default span), with its late parks.
  const rounds = useAsync(async (signal) => {
    if (!ready) return pending<RoundStatusDto[]>();
    const sets = await client.listDataSets({}, signal);
    const matrices = await Promise.all(sets.map((s) => client.listRounds({ dataSet: s.code }, signal)));
    return matrices.flatMap((m) => m.rounds.slice(0, 1));
  }, [client, ready]);
  const lateRounds = rounds.status === 'loaded'
    ? rounds.data.map((r) => ({ round: r.round, late: r.parks.filter((p) => p.onTime === false && ['notStarted', 'inProgress', 'returned'].includes(p.state)) }))
      .filter((r) => r.late.length > 0)
    : [];
  const items = [
    ...targets.map((i) => ({ key: `target-${i.target.indicatorCode}-${i.target.parkCode}-${i.target.period}-${i.target.member ?? ''}`,
      tag: <Tag color={statusColour[i.status]}>{t.targets.statuses[i.status]}</Tag>, link: `/parks/${i.target.parkCode}`,
      text: `${t.overview.target} · ${i.indicatorName} · ${i.parkName} · ${i.target.period}` })),
    ...works.sort((a, b) => urgency.indexOf(a.schedule.status) - urgency.indexOf(b.schedule.status) || (a.schedule.dueBy ?? '').localeCompare(b.schedule.dueBy ?? ''))
      .map((w) => ({ key: `project-${w.key}`, tag: <ScheduleTag status={w.schedule.status} t={t} />, link: `/projects/${w.code}`,
        text: `${t.overview.work} · ${w.name}${w.schedule.dueBy ? ` · ${t.projects.dueBy} ${w.schedule.dueBy}` : ''}` })),
    ...lateRounds.map((r) => ({ key: `round-${r.round.dataSetCode}-${r.round.period}`, tag: <Tag color="red">{t.rounds.late}</Tag>,
      link: `/rounds?set=${r.round.dataSetCode}&to=${r.round.period}`,
      text: `${t.overview.round} · ${r.round.dataSetName} · ${r.round.period} · ${t.overview.parksNotSubmitted.replace('{n}', String(r.late.length))}` })),
  ];
  return (
    <section aria-labelledby="attention-title">
      <Typography.Title level={2} id="attention-title">{t.overview.attention}</Typography.Title>
      <Card size="small">
        <Space wrap style={{ marginBottom: 8 }}>
          <span>{t.overview.targetsNeedingAttention}: <strong>{scorecard.status === 'loaded' ? targets.length : '…'}</strong></span>
          <span>{t.overview.worksNeedingAttention}: <strong>{projects.status === 'loaded' ? works.length : '…'}</strong></span>
          {lateRounds.length > 0 && <Link to="/rounds">{t.overview.roundsNeedingAttention}: <strong>{lateRounds.reduce((n, r) => n + r.late.length, 0)}</strong></Link>}
          {overdueCases && <Link to="/projects/cases?overdue=true">{t.overview.overdueCases}: <strong>{overdueCases.length}</strong></Link>}
        </Space>
        {items.length === 0 ? <Typography.Paragraph type="secondary">{t.overview.nothingNeedsAttention}</Typography.Paragraph> : (
          // Every item stays in the list (the most urgent first); a long list scrolls inside its card.
          <div className="attention-list">
            <List size="small" dataSource={items} renderItem={(item) => (
              <List.Item data-attention={item.key}><span>{item.tag}<Link to={item.link}>{item.text}</Link></span></List.Item>
            )} />
          </div>
        )}
      </Card>
    </section>
  );
}

/** The works against their deadlines: how many stand where, and the dated ones with their due date and progress. */
function Works({ projects }: { projects: AsyncState<ProjectPage> & { reload: () => void } }) {
  const { t } = useLang();
  return (
    <section aria-labelledby="works-title">
      <Typography.Title level={2} id="works-title">{t.overview.works}</Typography.Title>
      <AsyncView state={projects} reload={projects.reload} isEmpty={(p) => p.items.length === 0}>
        {(page) => {
          const dated = page.items.filter((p) => p.schedule.dueBy || p.percentComplete != null || p.milestoneSchedules.some((m) => m.planned))
            .sort((a, b) => urgency.indexOf(a.schedule.status) - urgency.indexOf(b.schedule.status) || (a.schedule.dueBy ?? '').localeCompare(b.schedule.dueBy ?? ''));
          return (
            <Card size="small" extra={<Link to="/projects">{t.projects.timeline}</Link>}>
              <Space wrap style={{ marginBottom: 8 }}>
                {urgency.map((status) => (
                  <span key={status}><ScheduleTag status={status} t={t} />{page.items.filter((p) => p.schedule.status === status).length}</span>
                ))}
              </Space>
              <List size="small" dataSource={dated.slice(0, 8)} renderItem={(p) => (
                <List.Item data-project={p.code}>
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <Space wrap><ScheduleTag status={p.schedule.status} t={t} /><Link to={`/projects/${p.code}`}>{p.name}</Link>
                      <Typography.Text type="secondary">{[p.plannedCompletion && `${t.overview.due} ${p.plannedCompletion}`, p.milestoneSchedules.map((m) => `${m.name} ${m.actual ?? m.planned ?? ''}`).join(' · ')].filter(Boolean).join(' · ')}</Typography.Text>
                    </Space>
                    {p.percentComplete != null && <Progress percent={p.percentComplete} size="small" aria-label={`${p.name} ${t.projects.percent}`} />}
                  </Space>
                </List.Item>
              )} />
            </Card>
          );
        }}
      </AsyncView>
    </section>
  );
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
