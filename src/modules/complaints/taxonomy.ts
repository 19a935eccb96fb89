/** DESIGN §2: the default taxonomy. Codes are stable API values. */
export const CHANNELS = ['web', 'chat', 'email', 'phone', 'social', 'api', 'webhook', 'hall'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Other names integrations use for the same channels; stored under the canonical code. */
export const CHANNEL_ALIASES = {
  web_form: 'web',
  webform: 'web',
  form: 'web',
  portal: 'web',
  service_hall: 'hall',
  live_chat: 'chat',
  social_media: 'social',
  telephone: 'phone',
  hotline: 'phone',
} as const satisfies Record<string, Channel>;

export const CATEGORIES = [
  'logistics',
  'product_quality',
  'refund',
  'billing',
  'service_attitude',
  'technical',
  'safety',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * A category code as stored on a complaint: one of CATEGORIES or one an admin added
 * (table taxonomy_categories, src/modules/taxonomy). Checked against both at the boundary.
 */
export type CategoryCode = string;
export const CATEGORY_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export function isBuiltinCategory(code: string): code is Category {
  return (CATEGORIES as readonly string[]).includes(code);
}

export const SEVERITIES = ['general', 'serious', 'urgent'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Default owning department per category (DESIGN §2). */
export const DEFAULT_DEPARTMENT: Record<Category, string> = {
  logistics: 'logistics',
  product_quality: 'quality',
  refund: 'finance',
  billing: 'finance',
  service_attitude: 'customer_service',
  technical: 'technology',
  safety: 'management',
  other: 'customer_service',
};

export const DEFAULT_DEPARTMENTS: Array<{ code: string; name: string; nameZh: string }> = [
  { code: 'customer_service', name: 'Customer service', nameZh: '客服部' },
  { code: 'logistics', name: 'Logistics', nameZh: '物流部' },
  { code: 'finance', name: 'Finance', nameZh: '财务部' },
  { code: 'quality', name: 'Quality', nameZh: '质量部' },
  { code: 'technology', name: 'Technology', nameZh: '技术部' },
  { code: 'management', name: 'Management', nameZh: '管理层' },
];
