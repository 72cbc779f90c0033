import { useMemo, useState } from 'react';
import { Alert, Card, Checkbox, Descriptions, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { CaseDto, DependencyRef, ScheduleDto, TimelineItem } from '../api/gaoxin-client';
import { useClient, useLang } from '../i18n/LangContext';
import type { Messages } from '../i18n/messages';
import { useApiKey } from '../lib/apiKey';
import { useAsync } from '../lib/useAsync';
import { useQueryState } from '../lib/useQueryState';
import { formatTime } from '../lib/format';
import { parkOption } from '../lib/options';
import { AsyncView } from '../components/AsyncView';
import { Chart } from '../components/Chart';
import { KeyField } from '../components/KeyField';
import { ScheduleTag } from '../components/StatusTags';

const refKey = (r: DependencyRef) => (r.milestoneCode ? `${r.projectCode}/${r.milestoneCode}` : r.projectCode);

/** A link to what a dependency names: the project's page (a milestone is on it). */
function RefLink({ reference, names }: { reference: DependencyRef; names: Map<string, string> }) {
  return <Link to={`/projects/${reference.projectCode}`}>{names.get(refKey(reference)) ?? refKey(reference)}</Link>;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * The works as a Gantt chart drawn in HTML: each project a row with its bar (actual dates where known, else planned,
 * as wide as their precision), its milestones as diamonds, today as a line, and what it waits for in words. The dates
 * are in the text as well as in the picture, so the chart reads without seeing it. `names` names what rows depend on,
 * undated works included.
 */
function Gantt({ items, names, from, to, on, t }: { items: TimelineItem[]; names: Map<string, string>; from: string; to: string; on: string; t: Messages }) {
  const start = dayNumber(from);
  const span = dayNumber(to) - start + 1;
  const at = (iso: string) => Math.min(100, Math.max(0, ((dayNumber(iso) - start) / span) * 100));
  const rows = items.filter((i) => !i.ref.milestoneCode);
  const years = Array.from({ length: Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 }, (_, i) => Number(from.slice(0, 4)) + i);
  return (
    <div className="gantt">
      <div className="gantt-row" aria-hidden="true">
        <span />
        <div className="gantt-scale">{years.map((y) => <span key={y} style={{ left: `${at(`${y}-01-01`)}%` }}>{y}</span>)}</div>
      </div>
      <ol aria-label={t.projects.timeline}>
        {rows.map((p) => {
          const milestones = items.filter((m) => m.ref.projectCode === p.ref.projectCode && m.ref.milestoneCode);
          const dependsOn = [...p.dependsOn, ...milestones.flatMap((m) => m.dependsOn)];
          return (
            <li key={p.ref.projectCode} data-project={p.ref.projectCode}>
              <div className="gantt-label">
                <Link to={`/projects/${p.ref.projectCode}`}>{p.name}</Link> <ScheduleTag status={p.schedule} t={t} />
                <Typography.Text type="secondary">
                  {[p.planned && `${t.projects.planned} ${p.planned}`, p.actual && `${t.projects.actual} ${p.actual}`, p.percentComplete != null && `${p.percentComplete}%`].filter(Boolean).join(' · ')}
                </Typography.Text>
                {milestones.map((m) => (
                  <span key={m.ref.milestoneCode} className="gantt-milestone-text">
                    ◆ {m.name.split(' · ').pop()} {m.actual ?? m.planned} <ScheduleTag status={m.schedule} t={t} />
                  </span>
                ))}
              </div>
              <div className="gantt-track" aria-hidden="true">
                {/* With no start on record, the bar fades in from the window's edge: it began before, when is not known. */}
                {(p.start || p.end) && (
                  <span className={`gantt-bar gantt-${p.schedule}${p.start ? '' : ' gantt-open-start'}${p.end ? '' : ' gantt-open-end'}`}
                    style={{ left: `${p.start ? at(p.start) : 0}%`, width: `${Math.max(0.6, (p.end ? at(p.end) : 100) - (p.start ? at(p.start) : 0))}%` }} />
                )}
                {milestones.map((m) => <span key={m.ref.milestoneCode} className={`gantt-diamond gantt-${m.schedule}`} style={{ left: `${at(m.end!)}%` }} />)}
                {on >= from && on <= to && <span className="gantt-today" style={{ left: `${at(on)}%` }} />}
              </div>
              {dependsOn.length > 0 && (
                <div className="gantt-deps">
                  {t.projects.dependsOn}: {dependsOn.map((d, i) => <span key={refKey(d)}>{i > 0 && ' · '}<RefLink reference={d} names={names} /></span>)}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** `/projects?park=&from=&to=&on=`: the zone's works on a timeline, with the undated ones beside it. */
export function ProjectsPage() {
  const { t } = useLang();
  const client = useClient();
  const [query, setQuery] = useQueryState();
  const park = query.get('park') ?? undefined;
  const from = query.get('from') ?? '2023-01-01';
  const to = query.get('to') ?? '2024-12-31';
  const on = query.get('on') ?? undefined;
  const parks = useAsync((signal) => client.listParks({ limit: 200 }, signal), [client]);
  const timeline = useAsync((signal) => client.getProjectTimeline({ from, to, park, on }, signal), [client, from, to, park, on]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section aria-labelledby="projects-title">
        <Typography.Title level={1} id="projects-title">{t.projects.title}</Typography.Title>
        <Typography.Paragraph>{t.projects.intro} <Link to="/projects/cases">{t.projects.cases}</Link></Typography.Paragraph>
        <Space wrap align="end">
          <Select aria-label={t.projects.park} allowClear placeholder={t.projects.allParks} style={{ width: 240 }} value={park}
            showSearch={{ optionFilterProp: 'search' }} options={parks.status === 'loaded' ? parks.data.items.map(parkOption) : []}
            onChange={(value) => setQuery({ park: value || undefined })} />
          <label>{t.projects.from}<br /><Input type="date" aria-label={t.projects.from} value={from} onChange={(e) => e.target.value && setQuery({ from: e.target.value })} /></label>
          <label>{t.projects.to}<br /><Input type="date" aria-label={t.projects.to} value={to} onChange={(e) => e.target.value && setQuery({ to: e.target.value })} /></label>
          <label>{t.projects.on}<br /><Input type="date" aria-label={t.projects.on} value={on ?? ''} onChange={(e) => setQuery({ on: e.target.value || undefined })} /></label>
        </Space>
      </section>
      <AsyncView state={timeline} reload={timeline.reload}>
        {(tl) => (
          <>
            <Card title={<Typography.Title level={2} style={{ margin: 0 }}>{t.projects.timeline}</Typography.Title>}
              extra={`${t.projects.on} ${tl.on}`}>
              {tl.items.length === 0 ? <Typography.Text>{t.empty}</Typography.Text> : <Gantt items={tl.items} names={new Map([...tl.items, ...tl.undated].map((i) => [refKey(i.ref), i.name]))} from={tl.from} to={tl.to} on={tl.on} t={t} />}
            </Card>
            <Card title={<Typography.Title level={2} style={{ margin: 0 }}>{t.projects.undated}</Typography.Title>}>
              <List size="small" dataSource={tl.undated} renderItem={(p) => (
                <List.Item data-project={p.ref.projectCode}>
                  <Link to={`/projects/${p.ref.projectCode}`}>{p.name}</Link>
                  <span>{p.status && <Tag>{t.projectStatus[p.status]}</Tag>}<ScheduleTag status={p.schedule} t={t} /></span>
                </List.Item>
              )} />
            </Card>
          </>
        )}
      </AsyncView>
    </Space>
  );
}

function ScheduleText({ schedule, t }: { schedule: ScheduleDto; t: Messages }) {
  return <><ScheduleTag status={schedule.status} t={t} /> {schedule.reason}</>;
}

/** `/projects/:code?on=&milestone=`: one project, its progress, milestones, what it waits for and its funding. */
export function ProjectPage() {
  const { code = '' } = useParams();
  const { t, lang } = useLang();
  const client = useClient();
  const [query, setQuery] = useQueryState();
  const on = query.get('on') ?? undefined;
  const milestone = query.get('milestone') ?? undefined;
  const project = useAsync((signal) => client.getProject({ code, on }, signal), [client, code, on]);
  const prerequisites = useAsync((signal) => client.getProjectPrerequisites({ code, milestone, on }, signal), [client, code, milestone, on]);
  const progressOption = useMemo(() => project.status !== 'loaded' || project.data.progressHistory.length === 0 ? null : {
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: project.data.progressHistory.map((p) => p.asOf) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    tooltip: { trigger: 'axis' },
    series: [{ type: 'line', data: project.data.progressHistory.map((p) => p.percent), label: { show: true, formatter: '{c}%' } }],
  }, [project]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <AsyncView state={project} reload={project.reload}>
        {(p) => (
          <Card title={<Typography.Title level={1} style={{ margin: 0 }}>{p.name}</Typography.Title>}
            extra={<>{p.illustrative && <Tag>{t.targets.illustrative}</Tag>}<Link to="/projects">{t.projects.title}</Link></>}>
            {p.descriptions && <Typography.Paragraph>{lang === 'en' ? p.descriptions.en : p.descriptions.zh}</Typography.Paragraph>}
            <Descriptions column={{ xs: 1, md: 2 }} items={[
              { key: 'status', label: t.projects.status, children: <Tag>{t.projectStatus[p.status]}</Tag> },
              { key: 'schedule', label: `${t.projects.schedule} (${p.on})`, children: <ScheduleText schedule={p.schedule} t={t} /> },
              { key: 'kind', label: t.projects.kind, children: t.projectKind[p.kind] },
              { key: 'park', label: t.projects.park, children: p.parkCode ? <Link to={`/parks/${p.parkCode}`}>{p.parkName}</Link> : t.projects.allParks },
              { key: 'responsible', label: t.projects.responsible, children: p.responsibleName ?? '—' },
              { key: 'percent', label: t.projects.percent, children: p.percentComplete != null ? `${p.percentComplete}%` : '—' },
              { key: 'plannedStart', label: t.projects.plannedStart, children: p.plannedStart ?? '—' },
              { key: 'plannedCompletion', label: t.projects.plannedCompletion, children: p.plannedCompletion ?? '—' },
              { key: 'actualStart', label: t.projects.actualStart, children: p.actualStart ?? '—' },
              { key: 'actualCompletion', label: t.projects.actualCompletion, children: p.actualCompletion ?? '—' },
              ...(p.phaseOf ? [{ key: 'phaseOf', label: t.projects.phaseOf, children: <Link to={`/projects/${p.phaseOf}`}>{p.phaseOf}</Link> }] : []),
              ...(p.phases.length > 0 ? [{ key: 'phases', label: t.projects.phases, children: <>{p.phases.map((c, i) => <span key={c}>{i > 0 && ' · '}<Link to={`/projects/${c}`}>{c}</Link></span>)}</> }] : []),
              { key: 'source', label: t.source, children: p.source?.title ?? '—' },
              { key: 'recorded', label: t.enterprises.recorded, children: `${formatTime(p.recordedAt, lang)} · ${p.recordedBy}` },
            ]} />
            {progressOption && (
              <>
                <Typography.Title level={2}>{t.projects.progress}</Typography.Title>
                <Chart option={progressOption} label={t.projects.progress} height={220}
                  table={{ head: [t.asOf, t.projects.percent], rows: p.progressHistory.map((h) => [h.asOf, `${h.percent}%`]) }} />
              </>
            )}
            {p.milestoneSchedules.length > 0 && (
              <>
                <Typography.Title level={2}>{t.projects.milestones}</Typography.Title>
                <Table rowKey="code" size="small" pagination={false} dataSource={p.milestoneSchedules} columns={[
                  { title: t.projects.milestone, render: (_, m) => <Link to={`?milestone=${m.code}${on ? `&on=${on}` : ''}`}>{m.name}</Link> },
                  { title: t.projects.planned, render: (_, m) => m.planned ?? '—' },
                  { title: t.projects.actual, render: (_, m) => m.actual ?? '—' },
                  { title: t.projects.schedule, render: (_, m) => <ScheduleText schedule={m.schedule} t={t} /> },
                ]} />
              </>
            )}
            {p.statusReports.length > 0 && (
              <>
                <Typography.Title level={2}>{t.projects.statusReports}</Typography.Title>
                <List size="small" dataSource={p.statusReports} renderItem={(r) => (
                  <List.Item>{r.asOf} · <Tag>{t.projectStatus[r.status]}</Tag>{r.note && (lang === 'en' ? r.note.en : r.note.zh)}</List.Item>
                )} />
              </>
            )}
            {p.funding.length > 0 && (
              <>
                <Typography.Title level={2}>{t.projects.funding}</Typography.Title>
                <Table rowKey={(f) => `${f.kind}-${f.state}`} size="small" pagination={false} dataSource={p.funding} columns={[
                  { title: t.projects.funding, render: (_, f) => t.fundingKind[f.kind] },
                  { title: t.projects.status, render: (_, f) => t.fundingState[f.state] },
                  { title: t.projects.amount, render: (_, f) => f.amount ?? '—' },
                  { title: t.projects.reason, render: (_, f) => f.note ? (lang === 'en' ? f.note.en : f.note.zh) : '—' },
                ]} />
              </>
            )}
            <section aria-labelledby="prerequisites-title">
              <Typography.Title level={2} id="prerequisites-title">{t.projects.prerequisites}</Typography.Title>
              <Select aria-label={t.projects.prerequisitesOf} style={{ width: 320, marginBottom: 12 }} value={milestone ?? ''}
                onChange={(value) => setQuery({ milestone: value || undefined })}
                options={[{ value: '', label: t.projects.completion }, ...p.milestoneSchedules.map((m) => ({ value: m.code, label: m.name }))]} />
              <AsyncView state={prerequisites} reload={prerequisites.reload}>
                {(pr) => (
                  <>
                    <Typography.Paragraph>
                      <ScheduleText schedule={pr.of.schedule} t={t} />
                      {' '}{t.projects.remaining}: {pr.remaining} · {t.projects.late}: {pr.late.length}
                    </Typography.Paragraph>
                    {pr.prerequisites.length === 0 ? <Typography.Text>{t.projects.none}</Typography.Text> : (
                      <Table rowKey={(x) => refKey(x.ref)} size="small" pagination={false} dataSource={pr.prerequisites} columns={[
                        { title: t.projects.project, render: (_, x) => <><Link to={`/projects/${x.ref.projectCode}`}>{x.name}</Link>{x.critical && <Tag color="purple" style={{ marginLeft: 8 }}>{t.projects.critical}</Tag>}</> },
                        { title: t.projects.schedule, render: (_, x) => <ScheduleText schedule={x.schedule} t={t} /> },
                        { title: t.projects.expectedBy, render: (_, x) => x.expectedBy ?? '—' },
                      ]} />
                    )}
                  </>
                )}
              </AsyncView>
            </section>
          </Card>
        )}
      </AsyncView>
    </Space>
  );
}

/** The steps of a case in a line each: department, procedure, and working days left or over. */
function Steps({ c, t }: { c: CaseDto; t: Messages }) {
  return (
    <ul className="conditions">
      {c.timing.map((s) => (
        <li key={s.index}>
          {s.overdue && <Tag color="red">{t.cases.overdue}</Tag>}
          {t.procedure[s.procedure]} · {s.departmentName} · {
            s.done ? t.cases.done
              : s.remainingWorkingDays == null ? (s.elapsedWorkingDays == null ? t.cases.notStarted : '—')
              : s.remainingWorkingDays < 0 ? t.cases.overdueBy.replace('{n}', String(-s.remainingWorkingDays))
              : t.cases.left.replace('{n}', String(s.remainingWorkingDays))}
          {s.dueOn && !s.done ? ` (${s.dueOn})` : ''}
        </li>
      ))}
    </ul>
  );
}

/** `/projects/cases?overdue=&department=`: the one-to-one service's cases, overdue first, for keys that may see them. */
export function CasesPage() {
  const { t, lang } = useLang();
  const client = useClient();
  const { apiKey, setApiKey, keyed } = useApiKey(lang);
  const [query, setQuery] = useQueryState();
  const overdue = query.get('overdue') === 'true' ? true : undefined;
  const department = query.get('department') ?? undefined;
  const [on] = useState<string | undefined>(() => query.get('on') ?? undefined);
  const organisations = useAsync((signal) => client.listOrganisations({}, signal), [client]);
  const cases = useAsync((signal) => apiKey ? keyed.listCases({ overdue, department, on, limit: 200 }, signal) : Promise.resolve(null), [keyed, apiKey, overdue, department, on]);
  const missing = cases.status === 'loaded' && cases.data ? [...new Set(cases.data.items.flatMap((c) => c.calendarMissingYears))] : [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section aria-labelledby="cases-title">
        <Typography.Title level={1} id="cases-title">{t.cases.title}</Typography.Title>
        <Typography.Paragraph>{t.cases.intro}</Typography.Paragraph>
        <Space wrap align="end">
          <KeyField apiKey={apiKey} setApiKey={setApiKey} t={t} />
          <Select aria-label={t.cases.department} allowClear placeholder={t.cases.department} style={{ width: 280 }} value={department}
            showSearch={{ optionFilterProp: 'label' }} onChange={(value) => setQuery({ department: value || undefined })}
            options={organisations.status === 'loaded' ? organisations.data.map((o) => ({ value: o.code, label: o.name })) : []} />
          <Checkbox checked={overdue === true} onChange={(e) => setQuery({ overdue: e.target.checked ? 'true' : undefined })}>{t.cases.overdueOnly}</Checkbox>
        </Space>
      </section>
      {missing.length > 0 && <Alert type="warning" showIcon title={`${t.cases.calendarMissing} ${missing.join(', ')}`} />}
      {!apiKey ? <Alert type="info" showIcon title={t.cases.needKey} /> : (
        <AsyncView state={cases} reload={cases.reload} isEmpty={(p) => !p || p.items.length === 0}>
          {(p) => p && (
            <Table<CaseDto> rowKey="code" dataSource={p.items} pagination={{ pageSize: 20 }} columns={[
              { title: t.cases.code, render: (_, c) => <span data-case={c.code}>{c.code}</span> },
              { title: t.cases.enterprise, render: (_, c) => <>{c.enterpriseName ?? c.enterpriseCode}{c.illustrative && <Tag style={{ marginLeft: 8 }}>{t.targets.illustrative}</Tag>}</> },
              { title: t.projects.park, render: (_, c) => c.parkName ?? c.parkCode },
              { title: t.cases.state, render: (_, c) => t.caseState[c.state] },
              { title: t.cases.overdue, render: (_, c) => c.overdue ? <Tag color="red">{t.cases.overdue}</Tag> : <Tag>{t.cases.onTime}</Tag> },
              { title: t.cases.steps, render: (_, c) => <Steps c={c} t={t} /> },
              { title: t.cases.opened, render: (_, c) => c.openedOn },
            ]} />
          )}
        </AsyncView>
      )}
    </Space>
  );
}
