import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Statistic, Table, Typography, Upload } from 'antd';
import type { ImportKind, ImportReportDto } from '../api/gaoxin-client';
import { Link } from 'react-router-dom';
import { problemOf } from '../api/client';
import { useApiKey } from '../lib/apiKey';
import { useLang } from '../i18n/LangContext';

const kinds: ImportKind[] = ['observations', 'parks', 'indicators', 'policies', 'targets', 'schemes', 'enterprises'];

/** The content type a file is sent as, from its name (the API detects GB18030 in CSV by itself). */
export function contentTypeOf(fileName: string): string | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'application/x-ndjson';
  return undefined;
}

/** `/import`: choose a kind and a file, dry-run it, read the report, then import. The key lives in this tab only. */
export function ImportPage() {
  const { t, lang } = useLang();
  const [kind, setKind] = useState<ImportKind>('observations');
  const [file, setFile] = useState<File | null>(null);
  const { apiKey, setApiKey, keyed } = useApiKey(lang);
  const [report, setReport] = useState<ImportReportDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const body = new Blob([file], { type: contentTypeOf(file.name) ?? file.type });
      // Imports need a key with the import scope; it goes with this request only.
      setReport(await keyed.runImport({ kind, body, dryRun }));
    } catch (e) {
      const problem = problemOf(e) as (ReturnType<typeof problemOf> & { report?: ImportReportDto }) | undefined;
      setReport(problem?.report ?? null); // a refusal replaces an earlier report, never sits beside it
      setError(problem ? `${problem.title}: ${problem.detail ?? ''}` : t.unreachable);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1}>{t.import.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.import.intro} <Link to="/webhooks">{t.import.webhooks}</Link></Typography.Paragraph>
      <Card size="small">
        <Space wrap align="end">
          <label>{t.import.kindLabel}<br />
            <Select aria-label={t.import.kindLabel} value={kind} onChange={setKind} style={{ width: 180 }}
              options={kinds.map((k) => ({ value: k, label: t.importKind[k] }))} />
          </label>
          <Upload accept=".csv,.json,.ndjson,.jsonl" maxCount={1} beforeUpload={(f) => { setFile(f); setReport(null); return false; }}
            onRemove={() => setFile(null)}>
            <Button>{t.import.chooseFile}</Button>
          </Upload>
          <label>{t.import.apiKey}<br />
            <Input.Password aria-label={t.import.apiKey} value={apiKey} style={{ width: 260 }} autoComplete="off"
              onChange={(e) => setApiKey(e.target.value)} />
          </label>
          <Button onClick={() => run(true)} disabled={!file} loading={busy}>{t.import.dryRun}</Button>
          <Button type="primary" onClick={() => run(false)} disabled={!file} loading={busy}>{t.import.run}</Button>
        </Space>
      </Card>
      {error && <Alert type="error" role="alert" showIcon title={error} />}
      {report && (
        <Card title={t.import.report} size="small" className="import-report">
          <Space size="large" wrap>
            <Statistic title={t.import.total} value={report.totalRows} />
            <Statistic title={t.import.created} value={report.created} />
            <Statistic title={t.import.updated} value={report.updated} />
            <Statistic title={t.import.unchanged} value={report.unchanged} />
            <Statistic title={t.import.rejected} value={report.rejected} />
          </Space>
          <Typography.Paragraph style={{ marginTop: 12 }}>
            {report.dryRun ? t.import.dryRun + ' · ' : ''}{report.committed ? t.import.committed : t.import.notCommitted}
          </Typography.Paragraph>
          {report.problems.length > 0 && (
            <Table rowKey={(p) => `${p.line}/${p.column}/${p.code}`} dataSource={report.problems} size="small" pagination={{ pageSize: 20 }} scroll={{ x: true }}
              columns={[
                { title: t.import.line, dataIndex: 'line' },
                { title: t.import.column, dataIndex: 'column' },
                { title: t.import.code, dataIndex: 'code' },
                { title: t.import.message, dataIndex: 'message' },
              ]} />
          )}
        </Card>
      )}
    </Space>
  );
}
