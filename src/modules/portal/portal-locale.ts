import { z } from 'zod';

export const PORTAL_LOCALES = ['zh-CN', 'en'] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];

/** Accepts zh, zh-CN, zh-Hans, en, en-US…; anything else is refused at the boundary. */
export const portalLocale = z
  .string()
  .max(20)
  .regex(/^(zh|en)([-_][A-Za-z]{2,8})*$/i, { message: 'zh-CN or en' })
  .transform((v): PortalLocale => (v.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'));

export function asPortalLocale(v: string | null | undefined): PortalLocale {
  return v && v.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
