import type { Messages } from '../i18n/messages';
import type { IndicatorUnit } from '../api/gaoxin-client';

export function formatValue(value: number, unit: IndicatorUnit, t: Messages, lang: string): string {
  const number = value.toLocaleString(lang, { maximumFractionDigits: 2 });
  const suffix = t.unit[unit];
  return suffix ? (unit === 'percent' ? `${number}%` : `${number} ${suffix}`) : number;
}
