/**
 * A picker option for something with a code and names (a park, an issuer): shown by its name in the page's language,
 * found by typing its name in either language or its code (海东, Haidong and haidong all find Haidong Park).
 */
export function parkOption(item: { code: string; name: string; names?: { zh: string; en: string } }) {
  return { value: item.code, label: item.name, search: [item.names?.zh, item.names?.en, item.code].filter(Boolean).join(' ') };
}
