import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { WebhookDeliveryDto, WebhookDto, WebhookStatus } from '../api/gaoxin-client';
import { failureText } from '../api/client';
import { useLang } from '../i18n/LangContext';
import type { Messages } from '../i18n/messages';
import { useApiKey } from '../lib/apiKey';
import { useAsync } from '../lib/useAsync';
import { formatTime } from '../lib/format';
import { parkOption } from '../lib/options';
import { AsyncView } from '../components/AsyncView';
import { KeyField } from '../components/KeyField';

/** A status in words and a colour; never by colour alone. */
function StatusTag({ webhook, t }: { webhook: WebhookDto; t: Messages }) {
  const color: Record<WebhookStatus, string> = { active: 'green', paused: 'default', disabled: 'red' };
  return <Tag color={color[webhook.status]}>{t.webhooks.status[webhook.status]}{webhook.failingSince ? ` · ${t.webhooks.failing}` : ''}</Tag>;
}

/** A secret, shown the one time the API gives it, with the warning that it will not be shown again. */
function SecretOnce({ secret, t }: { secret: string; t: Messages }) {
  return (
    <Alert type="warning" showIcon role="status" title={t.webhooks.secretOnce}
      description={<Typography.Text code copyable={{ text: secret }}>{secret}</Typography.Text>} />
  );
}

/** `/webhooks`: the subscriptions a key manages, and a new one. */
export function WebhooksPage() {
  const { t, lang } = useLang();
  const { apiKey, setApiKey, keyed } = useApiKey(lang);
  const navigate = useNavigate();
  const list = useAsync((signal) => apiKey ? keyed.listWebhooks({ limit: 200 }, signal) : Promise.resolve(null), [keyed, apiKey]);
  const types = useAsync((signal) => apiKey ? keyed.listWebhookEventTypes({}, signal) : Promise.resolve([]), [keyed, apiKey]);
  const parks = useAsync((signal) => keyed.listParks({ limit: 200 }, signal), [keyed]);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function create(values: { url: string; eventTypes: string[]; parkCode?: string; description?: string }) {
    setSaving(true);
    setError(null);
    setSecret(null);
    try {
      const created = await keyed.createWebhook({ body: { ...values, parkCode: values.parkCode ?? null, description: values.description || null, active: true } });
      setSecret(created.secret);
      list.reload();
    } catch (e) {
      setError(failureText(e, t.unreachable));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section aria-labelledby="webhooks-title">
        <Typography.Title level={1} id="webhooks-title">{t.webhooks.title}</Typography.Title>
        <Typography.Paragraph>{t.webhooks.intro}</Typography.Paragraph>
        <KeyField apiKey={apiKey} setApiKey={setApiKey} t={t} />
      </section>
      {!apiKey ? <Alert type="info" showIcon title={t.webhooks.needKey} /> : (
        <>
          <AsyncView state={list} reload={list.reload} isEmpty={(p) => !p || p.items.length === 0}>
            {(p) => p && (
              <Table<WebhookDto> rowKey="id" dataSource={p.items} pagination={{ pageSize: 20 }}
                onRow={(w) => ({ onDoubleClick: () => navigate(`/webhooks/${w.id}`) })} columns={[
                  { title: t.webhooks.url, render: (_, w) => <Link to={`/webhooks/${w.id}`}>{w.url}</Link> },
                  { title: t.webhooks.statusLabel, render: (_, w) => <StatusTag webhook={w} t={t} /> },
                  { title: t.webhooks.eventTypes, render: (_, w) => w.eventTypes.length },
                  { title: t.webhooks.park, render: (_, w) => w.parkCode ?? t.webhooks.wholeZone },
                  { title: t.webhooks.lastDelivered, render: (_, w) => w.lastDeliveredAt ? formatTime(w.lastDeliveredAt, lang) : '—' },
                ]} />
            )}
          </AsyncView>
          <Card title={t.webhooks.create}>
            <Form layout="vertical" onFinish={create} style={{ maxWidth: 640 }}>
              <Form.Item name="url" label={t.webhooks.url} rules={[{ required: true, message: t.webhooks.urlRequired }]}>
                <Input placeholder="https://" autoComplete="off" />
              </Form.Item>
              <Form.Item name="eventTypes" label={t.webhooks.eventTypes} rules={[{ required: true, message: t.webhooks.typesRequired }]}>
                <Select mode="multiple" allowClear optionFilterProp="label" loading={types.status === 'loading'}
                  options={(types.status === 'loaded' ? types.data : []).map((e) => ({ value: e.type, label: e.private ? `${e.title} (${t.webhooks.private})` : e.title }))} />
              </Form.Item>
              <Form.Item name="parkCode" label={t.webhooks.park} extra={t.webhooks.parkHelp}>
                <Select allowClear showSearch optionFilterProp="search" placeholder={t.webhooks.wholeZone}
                  options={(parks.status === 'loaded' ? parks.data.items : []).map(parkOption)} />
              </Form.Item>
              <Form.Item name="description" label={t.webhooks.description}>
                <Input maxLength={500} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>{t.webhooks.create}</Button>
            </Form>
          </Card>
          {secret && <SecretOnce secret={secret} t={t} />}
          {error && <Alert type="error" role="alert" showIcon title={error} />}
        </>
      )}
    </Space>
  );
}

/** `/webhooks/:id`: a subscription, its delivery log, and what an administrator does with it. */
export function WebhookPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const { apiKey, setApiKey, keyed } = useApiKey(lang);
  const navigate = useNavigate();
  const webhook = useAsync((signal) => apiKey ? keyed.getWebhook({ id }, signal) : Promise.resolve(null), [keyed, apiKey, id]);
  const log = useAsync((signal) => apiKey ? keyed.listWebhookDeliveries({ id, limit: 100 }, signal) : Promise.resolve(null), [keyed, apiKey, id]);
  const types = useAsync((signal) => apiKey ? keyed.listWebhookEventTypes({}, signal) : Promise.resolve([]), [keyed, apiKey]);
  const titleOf = (type: string) => (types.status === 'loaded' ? types.data.find((e) => e.type === type)?.title : undefined) ?? type;
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  /** Runs an action; it answers what happened, and whether that is what was wanted (a ping can fail). */
  async function act(action: () => Promise<string | { type: 'success' | 'error'; text: string }>) {
    setMessage(null);
    setSecret(null);
    try {
      const result = await action();
      setMessage(typeof result === 'string' ? { type: 'success', text: result } : result);
    } catch (e) {
      setMessage({ type: 'error', text: failureText(e, t.unreachable) });
    }
    webhook.reload();
    log.reload();
  }

  const setStatus = (w: WebhookDto, status: WebhookStatus) => act(async () => {
    await keyed.updateWebhook({ id, if_Match: `"${w.version}"`, body: { url: w.url, eventTypes: w.eventTypes, parkCode: w.parkCode ?? null, description: w.description ?? null, status } });
    return t.webhooks.status[status];
  });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>{t.webhooks.one} <Typography.Text code>{id}</Typography.Text></Typography.Title>
      <Link to="/webhooks">{t.webhooks.back}</Link>
      {!apiKey ? <KeyField apiKey={apiKey} setApiKey={setApiKey} t={t} /> : (
        <AsyncView state={webhook} reload={webhook.reload}>
          {(w) => w && (
            <>
              <Descriptions bordered column={1} size="small" items={[
                { key: 'url', label: t.webhooks.url, children: w.url },
                { key: 'status', label: t.webhooks.statusLabel, children: <><StatusTag webhook={w} t={t} />{w.disabledDetail && <Typography.Paragraph>{w.disabledDetail}</Typography.Paragraph>}</> },
                { key: 'types', label: t.webhooks.eventTypes, children: w.eventTypes.map((e) => <Tag key={e} title={e}>{titleOf(e)}</Tag>) },
                { key: 'park', label: t.webhooks.park, children: w.parkCode ?? t.webhooks.wholeZone },
                { key: 'description', label: t.webhooks.description, children: w.description ?? '—' },
                { key: 'owner', label: t.webhooks.owner, children: w.ownerKey },
                { key: 'last', label: t.webhooks.lastDelivered, children: w.lastDeliveredAt ? formatTime(w.lastDeliveredAt, lang) : '—' },
                { key: 'failing', label: t.webhooks.failingSince, children: w.failingSince ? `${formatTime(w.failingSince, lang)}${w.nextAttemptAt ? ` · ${t.webhooks.nextAttempt} ${formatTime(w.nextAttemptAt, lang)}` : ''}` : '—' },
                { key: 'rotation', label: t.webhooks.previousSecret, children: w.previousSecretExpiresAt ? formatTime(w.previousSecretExpiresAt, lang) : '—' },
              ]} />
              <Space wrap>
                <Button onClick={() => act(async () => {
                  const ping = await keyed.pingWebhook({ id });
                  return ping.outcome === 'succeeded'
                    ? { type: 'success', text: `${t.webhooks.pingOk} (${ping.responseStatus}, ${ping.latencyMs} ms)` }
                    : { type: 'error', text: `${t.webhooks.pingFailed}: ${ping.error ?? ping.responseStatus}` };
                })}>{t.webhooks.ping}</Button>
                {w.status === 'active'
                  ? <Button onClick={() => setStatus(w, 'paused')}>{t.webhooks.pause}</Button>
                  : <Button type="primary" onClick={() => setStatus(w, 'active')}>{t.webhooks.resume}</Button>}
                <Popconfirm title={t.webhooks.rotateConfirm} onConfirm={() => act(async () => {
                  const rotated = await keyed.rotateWebhookSecret({ id, body: { overlapHours: 24 } });
                  setSecret(rotated.secret);
                  return t.webhooks.rotated;
                })}><Button>{t.webhooks.rotate}</Button></Popconfirm>
                <Popconfirm title={t.webhooks.deleteConfirm} onConfirm={async () => {
                  try {
                    await keyed.deleteWebhook({ id, if_Match: `"${w.version}"` });
                    navigate('/webhooks');
                  } catch (e) {
                    setMessage({ type: 'error', text: failureText(e, t.unreachable) });
                  }
                }}><Button danger>{t.webhooks.delete}</Button></Popconfirm>
              </Space>
              {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'} showIcon title={message.text} />}
              {secret && <SecretOnce secret={secret} t={t} />}
            </>
          )}
        </AsyncView>
      )}
      {apiKey && (
        <section aria-labelledby="deliveries-title">
          <Typography.Title level={2} id="deliveries-title">{t.webhooks.log}</Typography.Title>
          <AsyncView state={log} reload={log.reload} isEmpty={(p) => !p || p.items.length === 0}>
            {(p) => p && (
              <Table<WebhookDeliveryDto> rowKey="id" dataSource={p.items} size="small" pagination={{ pageSize: 20 }} columns={[
                { title: t.webhooks.at, render: (_, d) => formatTime(d.attemptedAt, lang) },
                { title: t.webhooks.kind, render: (_, d) => t.webhooks.kinds[d.kind] },
                { title: t.webhooks.events, render: (_, d) => d.eventCount ? `${d.eventCount} (${d.firstEventId} … ${d.lastEventId})` : '—' },
                { title: t.webhooks.attempt, dataIndex: 'attempt' },
                { title: t.webhooks.outcome, render: (_, d) => <Tag color={d.outcome === 'succeeded' ? 'green' : 'red'}>{t.webhooks.outcomes[d.outcome]}</Tag> },
                { title: t.webhooks.response, render: (_, d) => d.responseStatus ?? d.error ?? '—' },
                { title: t.webhooks.latency, render: (_, d) => `${d.latencyMs} ms` },
                { title: t.webhooks.nextAttempt, render: (_, d) => d.nextAttemptAt ? formatTime(d.nextAttemptAt, lang) : '—' },
              ]} />
            )}
          </AsyncView>
        </section>
      )}
    </Space>
  );
}
