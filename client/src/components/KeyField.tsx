import { Input } from 'antd';
import type { Messages } from '../i18n/messages';

/** The key field private pages start with: their data is only fetched with a key (kept for this tab: lib/apiKey). */
export function KeyField({ apiKey, setApiKey, t }: { apiKey: string; setApiKey: (key: string) => void; t: Messages }) {
  return (
    <label>{t.import.apiKey}<br />
      <Input.Password aria-label={t.import.apiKey} value={apiKey} style={{ width: 320 }} autoComplete="off" onChange={(e) => setApiKey(e.target.value)} />
    </label>
  );
}
