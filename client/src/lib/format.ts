import type { Messages } from '../i18n/messages';
import type { IndicatorUnit } from '../api/gaoxin-client';

export function formatValue(value: number, unit: IndicatorUnit, t: Messages, lang: string): string {
  const number = value.toLocaleString(lang, { maximumFractionDigits: 2 });
  const suffix = t.unit[unit];
  return suffix ? (unit === 'percent' ? `${number}%` : `${number} ${suffix}`) : number;
}

/**
 * A moment as officials read it: in the zone's time (UTC+8, the platform's day) and the page's language, to the
 * minute, with the zone named so a UTC time is never mistaken for a local one.
 */
export function formatTime(iso: string, lang: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  const text = moment.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  });
  return `${text} (UTC+8)`;
}
