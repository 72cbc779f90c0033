import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { ParkRoundSummaryDto, RoundAction, RoundState, RoundStatusDto } from '../api/gaoxin-client';
import { failureText } from '../api/client';
import { useClient, useLang } from '../i18n/LangContext';
import type { Messages } from '../i18n/messages';
import { useApiKey } from '../lib/apiKey';
import { useAsync } from '../lib/useAsync';
import { useQueryState } from '../lib/useQueryState';
import { formatTime } from '../lib/format';
import { AsyncView } from '../components/AsyncView';
import { KeyField } from '../components/KeyField';

const stateColour: Record<RoundState, string> = {
  notStarted: 'default', inProgress: 'gold', submitted: 'blue', returned: 'volcano', approved: 'cyan', published: 'green',
};

/** A park's state in words and a colour; never by colour alone. */
export function RoundStateTag({ state, t }: { state: RoundState; t: Messages }) {
  return <Tag color={stateColour[state]}>{t.roundState[state]}</Tag>;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** One cell of the matrix: state, completeness, late, open warnings, each in words. */
function Cell({ set, period, park, t }: { set: string; period: string; park: ParkRoundSummaryDto; t: Messages }) {
  return (
    <Link to={`/rounds/${set}/${period}/${park.parkCode}`} data-cell={`${period}/${park.parkCode}`}>
      <RoundStateTag state={park.state} t={t} />
      <span>{percent(park.completeness)}</span>
      {park.onTime === false && <Tag color="red" style={{ marginLeft: 4 }}>{t.rounds.late}</Tag>}
      {park.openWarnings > 0 && <Tag color="orange" style={{ marginLeft: 4 }}>{t.rounds.openWarnings} {park.openWarnings}</Tag>}
    </Link>
  );
}

/** `/rounds?set=&to=`: the parks × rounds matrix of a data set, newest round first. */
export function RoundsPage() {
  const { t } = useLang();
  const client = useClient();
  const [query, setQuery] = useQueryState();
  const sets = useAsync((signal) => client.listDataSets({}, signal), [client]);
  const chosen = query.get('set') ?? (sets.status === 'loaded' ? sets.data[0]?.code : undefined);
  const to = query.get('to') ?? undefined;
  const matrix = useAsync((signal) => chosen ? client.listRounds({ dataSet: chosen, to }, signal) : Promise.resolve(null), [client, chosen, to]);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section aria-labelledby="rounds-title">
        <Typography.Title level={1} id="rounds-title">{t.rounds.title}</Typography.Title>
        <Typography.Paragraph>{t.rounds.intro}</Typography.Paragraph>
        <Space wrap align="end">
          <Select aria-label={t.rounds.dataSet} style={{ width: 320 }} value={chosen} placeholder={t.rounds.dataSet}
            options={sets.status === 'loaded' ? sets.data.map((s) => ({ value: s.code, label: s.name })) : []}
            onChange={(value) => setQuery({ set: value, to: undefined })} />
          <label>{t.rounds.to}<br />
            <Input aria-label={t.rounds.to} style={{ width: 140 }} defaultValue={to} placeholder="2024-Q1"
              onPressEnter={(e) => setQuery({ to: e.currentTarget.value.trim() || undefined })}
              onBlur={(e) => setQuery({ to: e.currentTarget.value.trim() || undefined })} />
          </label>
        </Space>
      </section>
      {sets.status === 'loaded' && sets.data.length === 0 && <Alert type="info" showIcon title={t.rounds.noSets} />}
      <AsyncView state={matrix} reload={matrix.reload} isEmpty={(m) => !m || m.rounds.length === 0}>
        {(m) => m && (
          <Card title={<Typography.Title level={2} style={{ margin: 0 }}>{m.dataSet.name}{m.dataSet.illustrative && <Tag style={{ marginLeft: 8 }}>{t.targets.illustrative}</Tag>}</Typography.Title>}>
            <Table<ParkRoundSummaryDto> rowKey="parkCode" size="small" pagination={false} scroll={{ x: true }}
              dataSource={m.rounds[0].parks}
              columns={[
                { title: t.rounds.park, fixed: 'left', render: (_, p) => <Link to={`/parks/${p.parkCode}`}>{p.parkName}</Link> },
                ...m.rounds.map((r: RoundStatusDto) => ({
                  key: r.round.period,
                  title: (
                    <span>
                      <strong>{r.round.period}</strong><br />
                      <Typography.Text type="secondary">{t.rounds.due} {r.round.dueOn}</Typography.Text><br />
                      <Typography.Text type="secondary">
                        {t.rounds.submittedOf.replace('{n}', String(r.parks.filter((p) => !['notStarted', 'inProgress', 'returned'].includes(p.state)).length)).replace('{m}', String(r.parks.length))}
                      </Typography.Text>
                    </span>
                  ),
                  render: (_: unknown, p: ParkRoundSummaryDto) => {
                    const cell = r.parks.find((x) => x.parkCode === p.parkCode);
                    return cell ? <Cell set={m.dataSet.code} period={r.round.period} park={cell} t={t} /> : '—';
                  },
                })),
              ]} />
          </Card>
        )}
      </AsyncView>
    </Space>
  );
}

/** `/rounds/:set/:period/:park`: a park's round, its checks, explanations, the steps the key may take, its history. */
export function ParkRoundPage() {
  const { set = '', period = '', park = '' } = useParams();
  const { t, lang } = useLang();
  const client = useClient();
  const { apiKey, setApiKey, keyed } = useApiKey(lang);
  // With a key, the page asks as that key: the answer says which steps it may take.
  const round = useAsync((signal) => (apiKey ? keyed : client).getParkRound({ dataSet: set, period, park }, signal), [client, keyed, apiKey, set, period, park]);
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [hours, setHours] = useState(24);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const act = async (action: RoundAction) => {
    setBusy(true);
    setOutcome(null);
    const where = { dataSet: set, period, park };
    try {
      if (action === 'submit') {
        const given = Object.entries(explanations).filter(([, text]) => text.trim()).map(([ruleCode, text]) => ({ ruleCode, text: text.trim() }));
        await keyed.submitRound({ ...where, body: { comment: comment || undefined, explanations: given } });
      } else if (action === 'unlock') {
        await keyed.unlockRound({ ...where, body: { reason: comment, hours } });
      } else {
        const send = { approve: keyed.approveRound, return: keyed.returnRound, publish: keyed.publishRound, reopen: keyed.reopenRound }[action];
        await send({ ...where, body: { comment: comment || undefined } });
      }
      setOutcome({ ok: true, text: `${t.rounds.done}${t.roundAction[action]}` });
      setComment('');
      round.reload();
    } catch (e) {
      setOutcome({ ok: false, text: failureText(e, t.unreachable) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}><Link to={`/rounds?set=${set}&to=${period}`}>{t.rounds.title}</Link></Typography.Paragraph>
      <AsyncView state={round} reload={round.reload}>
        {(r) => (
          <>
            <section aria-labelledby="round-title">
              <Typography.Title level={1} id="round-title">{r.status.parkName} · {r.round.dataSetName} · {r.round.period}</Typography.Title>
              <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
                { key: 'state', label: t.projects.status, children: <span data-state={r.status.state}><RoundStateTag state={r.status.state} t={t} /></span> },
                { key: 'completeness', label: t.rounds.completeness, children: `${r.status.present} / ${r.status.expected} (${percent(r.status.completeness)})` },
                { key: 'due', label: t.rounds.due, children: <>{r.round.dueOn}{r.status.onTime != null && <Tag color={r.status.onTime ? 'green' : 'red'} style={{ marginLeft: 8 }}>{r.status.onTime ? t.rounds.onTime : t.rounds.late}</Tag>}</> },
                { key: 'closes', label: t.rounds.closes, children: r.round.closesOn ?? t.rounds.never },
                ...(r.status.approvedBy ? [{ key: 'approved', label: t.rounds.approvedBy, children: `${r.status.approvedBy} · ${formatTime(r.status.approvedAt!, lang)}` }] : []),
                ...(r.status.publishedAt ? [{ key: 'published', label: t.rounds.publishedAt, children: formatTime(r.status.publishedAt, lang) }] : []),
              ]} />
              {r.status.comment && <Alert type={r.status.state === 'returned' ? 'warning' : 'info'} showIcon title={r.status.comment} style={{ marginTop: 12 }} />}
              {r.status.lock && (
                <Alert type="warning" showIcon style={{ marginTop: 12 }} data-lock={r.status.lock.reason}
                  title={`${t.rounds.lock}: ${t.rounds.lockReason[r.status.lock.reason as keyof Messages['rounds']['lockReason']] ?? r.status.lock.reason}${r.status.lock.by ? ` · ${r.status.lock.by}` : ''}${r.status.lock.at ? ` · ${formatTime(r.status.lock.at, lang)}` : ''}${r.status.lock.reason === 'closed' ? ` · ${t.rounds.closes} ${r.status.lock.closesOn}` : ''}`}
                  description={r.status.lock.howToUnlock} />
              )}
              {r.status.unlock && <Alert type="info" showIcon style={{ marginTop: 12 }} title={`${t.rounds.unlockedUntil} ${formatTime(r.status.unlock.until, lang)} · ${r.status.unlock.grantedBy}: ${r.status.unlock.reason}`} />}
            </section>

            <Card title={<Typography.Title level={2} style={{ margin: 0 }}>{t.rounds.figures}</Typography.Title>}>
              <Table rowKey="indicatorCode" size="small" pagination={false} dataSource={r.figures} scroll={{ x: true }} columns={[
                { title: t.rounds.indicator, render: (_, f) => <Link to={`/indicators/${f.indicatorCode}`}>{f.indicatorName}</Link> },
                { title: r.round.period, render: (_, f) => f.value ?? <Tag>{t.roundState.notStarted}</Tag> },
                { title: t.rounds.previous, render: (_, f) => f.previousValue ?? '—' },
                { title: t.rounds.lastYear, render: (_, f) => f.lastYearValue ?? '—' },
              ]} />
            </Card>

            <Card title={<Typography.Title level={2} style={{ margin: 0 }}>{t.rounds.violations}</Typography.Title>}>
              {r.violations.length === 0 ? <Typography.Text>{t.rounds.noViolations}</Typography.Text> : (
                <List dataSource={r.violations} renderItem={(v) => (
                  <List.Item data-rule={v.ruleCode}>
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <span><Tag color={v.severity === 'error' ? 'red' : 'orange'}>{t.rounds.severity[v.severity]}</Tag><strong>{v.rule}</strong></span>
                      <span>{v.message}</span>
                      <Typography.Text type="secondary">{v.advice}</Typography.Text>
                      {v.explanation && <span>{t.rounds.explanation}: {v.explanation}{v.explainedBy && ` (${v.explainedBy})`}</span>}
                      {v.severity === 'warning' && r.allowedActions.includes('submit') && (
                        <Input.TextArea aria-label={`${t.rounds.explanation}: ${v.rule}`} placeholder={t.rounds.explainHere} autoSize maxLength={2000}
                          value={explanations[v.ruleCode] ?? v.explanation ?? ''} onChange={(e) => setExplanations({ ...explanations, [v.ruleCode]: e.target.value })} />
                      )}
                    </Space>
                  </List.Item>
                )} />
              )}
            </Card>

            <Card title={<Typography.Title level={2} style={{ margin: 0 }}>{t.rounds.actions}</Typography.Title>}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">{t.rounds.keyHint}</Typography.Text>
                <KeyField apiKey={apiKey} setApiKey={setApiKey} t={t} />
                {r.allowedActions.length > 0 && (
                  <>
                    <label>{t.rounds.comment}<br />
                      <Input.TextArea aria-label={t.rounds.comment} autoSize maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} style={{ maxWidth: 640 }} />
                    </label>
                    {r.allowedActions.includes('unlock') && (
                      <label>{t.rounds.hours}<br /><InputNumber aria-label={t.rounds.hours} min={1} max={168} value={hours} onChange={(value) => setHours(value ?? 24)} /></label>
                    )}
                    <Space wrap>
                      {r.allowedActions.map((a) => (
                        <Button key={a} autoInsertSpace={false} type={a === 'submit' || a === 'approve' ? 'primary' : 'default'} danger={a === 'return' || a === 'reopen'} loading={busy}
                          onClick={() => act(a)}>{t.roundAction[a]}</Button>
                      ))}
                    </Space>
                  </>
                )}
                {outcome && <Alert role="status" type={outcome.ok ? 'success' : 'error'} showIcon title={outcome.text} />}
              </Space>
            </Card>

            <Card title={<Typography.Title level={2} style={{ margin: 0 }}>{t.rounds.history}</Typography.Title>}>
              {r.history.length === 0 ? <Typography.Text>{t.empty}</Typography.Text> : (
                <List size="small" dataSource={r.history} renderItem={(e) => (
                  <List.Item>
                    {formatTime(e.at, lang)} · {e.by} · {t.roundAction[e.action]} ({t.roundState[e.from]} → {t.roundState[e.to]}){e.comment && ` · ${e.comment}`}
                  </List.Item>
                )} />
              )}
            </Card>
          </>
        )}
      </AsyncView>
    </Space>
  );
}
