import { DatePicker, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { TargetStatusDto } from '../api/gaoxin-client';
import { useClient, useLang } from '../i18n/LangContext';
import { useAsync } from '../lib/useAsync';
import { useQueryState } from '../lib/useQueryState';
import { AsyncView } from '../components/AsyncView';
import { formatValue } from '../lib/format';
import { statusColour } from '../components/StatusTags';

/** Numbers and dates stay on one line; the reason column takes the wrapping. */
const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/**
 * A park's scorecard, on the park's page: every target with actual, gap, status and why, the most urgent first, with
 * totals per status. `?on=` judges on another day and `?targets=all` adds the sub-parks' targets; both are in the URL.
 */
export function ScorecardSection({ code }: { code: string }) {
  const { t, lang } = useLang();
  const client = useClient();
  const [query, setQuery] = useQueryState();
  const on = query.get('on') ?? undefined;
  const all = query.get('targets') === 'all';
  const card = useAsync((signal) => client.getScorecard({ code, on, includeDescendants: all }, signal), [client, code, on, all]);

  return (
    <section aria-labelledby="scorecard-title">
      <Space align="center" wrap>
        <Typography.Title level={2} id="scorecard-title" style={{ margin: 0 }}>{t.targets.title}</Typography.Title>
        <label>
          {t.targets.on}{' '}
          <DatePicker value={on ? dayjs(on) : undefined} allowClear aria-label={t.targets.on}
            onChange={(day) => setQuery({ on: day ? day.format('YYYY-MM-DD') : undefined })} />
        </label>
        <label>
          <Switch checked={all} onChange={(checked) => setQuery({ targets: checked ? 'all' : undefined })} /> {t.targets.includeDescendants}
        </label>
      </Space>
      <AsyncView state={card} reload={card.reload}>
        {(c) => c.items.length === 0 ? <Typography.Paragraph>{t.targets.none}</Typography.Paragraph> : (
          <>
            <Space wrap style={{ margin: '12px 0' }} data-testid="scorecard-totals">
              {c.totals.filter((total) => total.count > 0).map((total) => (
                <Tag key={total.status} color={statusColour[total.status]} data-status={total.status}>{t.targets.statuses[total.status]} {total.count}</Tag>
              ))}
              <Typography.Text type="secondary">{t.targets.on} {c.on}</Typography.Text>
            </Space>
            <Table<TargetStatusDto> rowKey={(row) => `${row.target.indicatorCode}/${row.target.parkCode}/${row.target.period}/${row.target.member ?? ''}`}
              dataSource={c.items} pagination={false} size="small" scroll={{ x: true }}
              onRow={(row) => ({ 'data-target': `${row.target.indicatorCode}/${row.target.parkCode}/${row.target.period}${row.target.member ? '/' + row.target.member : ''}` } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                { title: t.targets.status, render: (_, row) => <Tag color={statusColour[row.status]}>{t.targets.statuses[row.status]}</Tag>,
                  sorter: (a, b) => c.items.indexOf(a) - c.items.indexOf(b), defaultSortOrder: 'ascend' },
                { title: t.targets.indicator, render: (_, row) => (
                  <span>
                    <Link to={`/indicators/${row.target.indicatorCode}`}>{row.indicatorName}</Link>
                    {row.target.member && <Tag style={{ marginLeft: 4 }}>{row.memberName ?? row.target.member}</Tag>}
                    {row.target.illustrative && <Tag style={{ marginLeft: 4 }}>{t.targets.illustrative}</Tag>}
                  </span>
                ), sorter: (a, b) => a.indicatorName.localeCompare(b.indicatorName, lang) },
                ...(all ? [{ title: t.targets.park, render: (_: unknown, row: TargetStatusDto) => <Link to={`/parks/${row.target.parkCode}`}>{row.parkName}</Link> }] : []),
                { title: t.targets.target, render: (_, row) => `${t.targets.direction[row.target.direction]} ${formatValue(row.target.value, row.target.unit, t, lang)}`, align: 'right', onCell: nowrap },
                { title: t.targets.actual, render: (_, row) => row.actual == null ? '—' : formatValue(row.actual, row.target.unit, t, lang), align: 'right', onCell: nowrap },
                { title: t.targets.gap, render: (_, row) => row.gap == null ? '—' : formatValue(row.gap, row.target.unit, t, lang), align: 'right', onCell: nowrap,
                  sorter: (a, b) => (a.gap ?? 0) - (b.gap ?? 0) },
                { title: t.targets.due, render: (_, row) => row.target.dueOn, onCell: nowrap, sorter: (a, b) => a.target.dueOn.localeCompare(b.target.dueOn) },
                { title: t.targets.why, render: (_, row) => <span className="target-why">{row.explanation}</span> },
              ]} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
