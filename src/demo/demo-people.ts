import type { Role } from '../modules/auth/principal.js';
import type { Random } from './random.js';

export type Lang = 'zh' | 'en';

/** A demo staff account. Department staff get one account per department (see `departmentStaff`). */
export interface DemoStaff {
  key: string;
  role: Exclude<Role, 'admin'>;
  email: string;
  name: string;
  locale: 'zh-CN' | 'en';
  /** Department code for department staff. */
  department: string | null;
}

const DOMAIN = 'loopdesk.local';

/** The front line and the readers: one supervisor, three agents, one analyst. */
export const FRONT_STAFF: DemoStaff[] = [
  { key: 'supervisor', role: 'supervisor', email: `supervisor@${DOMAIN}`, name: '张敏', locale: 'zh-CN', department: null },
  { key: 'agent1', role: 'agent', email: `agent1@${DOMAIN}`, name: '李娜', locale: 'zh-CN', department: null },
  { key: 'agent2', role: 'agent', email: `agent2@${DOMAIN}`, name: '王强', locale: 'zh-CN', department: null },
  { key: 'agent3', role: 'agent', email: `agent3@${DOMAIN}`, name: 'Emily Chen', locale: 'en', department: null },
  { key: 'analyst', role: 'analyst', email: `analyst@${DOMAIN}`, name: '刘洋', locale: 'zh-CN', department: null },
];

const DEPARTMENT_STAFF_NAMES: Record<string, string> = {
  customer_service: '陈静',
  logistics: '赵磊',
  finance: '孙丽',
  quality: '周杰',
  technology: 'Daniel Wu',
  management: '郑华',
};

/** One back-office account per department code. */
export function departmentStaff(code: string): DemoStaff {
  const slug = code.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'dept';
  return {
    key: `dept:${code}`,
    role: 'department_staff',
    email: `${slug}@${DOMAIN}`,
    name: DEPARTMENT_STAFF_NAMES[code] ?? `${code} staff`,
    locale: code === 'technology' ? 'en' : 'zh-CN',
    department: code,
  };
}

export interface DemoCustomer {
  name: string;
  lang: Lang;
  email: string | null;
  phone: string | null;
  tier: 'normal' | 'vip';
  externalId: string;
  /** Days before "now" the customer record was created. */
  sinceDays: number;
  /** How often this customer complains relative to others. */
  weight: number;
}

const ZH_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '梁', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
const ZH_SURNAMES_PINYIN: Record<string, string> = {
  王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 吴: 'wu', 周: 'zhou', 徐: 'xu', 孙: 'sun',
  马: 'ma', 朱: 'zhu', 胡: 'hu', 郭: 'guo', 何: 'he', 林: 'lin', 罗: 'luo', 高: 'gao', 梁: 'liang', 宋: 'song', 唐: 'tang', 许: 'xu',
  韩: 'han', 冯: 'feng', 邓: 'deng', 曹: 'cao',
};
const ZH_GIVEN: Array<[string, string]> = [
  ['伟', 'wei'], ['芳', 'fang'], ['秀英', 'xiuying'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['秀兰', 'xiulan'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂英', 'guiying'], ['晓东', 'xiaodong'],
  ['雨婷', 'yuting'], ['子涵', 'zihan'], ['浩然', 'haoran'], ['思远', 'siyuan'], ['佳怡', 'jiayi'], ['梓萱', 'zixuan'], ['建华', 'jianhua'],
];
const EN_FIRST = ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Grace', 'Daniel', 'Chloe', 'Ryan', 'Hannah', 'Kevin', 'Rachel', 'Thomas', 'Laura', 'Mark', 'Priya', 'Ahmed', 'Yuki', 'Carlos', 'Anna'];
const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Martin', 'Clarke', 'Walker', 'Wright', 'Green', 'Hughes', 'Patel', 'Kim', 'Nguyen', 'Müller', 'Rossi', 'Tanaka', 'Garcia', "O'Brien", 'Fischer'];
const EMAIL_DOMAINS_ZH = ['example.cn', 'mail.example.cn', 'example.com'];
const EMAIL_DOMAINS_EN = ['example.com', 'example.org', 'example.net'];

/**
 * About `count` customers, roughly 60 % Chinese and 40 % English-speaking, one in ten VIP.
 * Emails use reserved example domains; phones are well-formed but made up.
 */
export function generateCustomers(rng: Random, count: number): DemoCustomer[] {
  const out: DemoCustomer[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const lang: Lang = rng.chance(0.6) ? 'zh' : 'en';
    let name: string;
    let local: string;
    do {
      if (lang === 'zh') {
        const s = rng.pick(ZH_SURNAMES);
        const [g, gp] = rng.pick(ZH_GIVEN);
        name = s + g;
        local = `${ZH_SURNAMES_PINYIN[s] ?? 'kehu'}.${gp}`;
      } else {
        const f = rng.pick(EN_FIRST);
        const l = rng.pick(EN_LAST);
        name = `${f} ${l}`;
        local = `${f}.${l}`.toLowerCase().replace(/[^a-z.]/g, '');
      }
    } while (used.has(name));
    used.add(name);
    const vip = i % 10 === 3;
    const hasEmail = lang === 'en' || rng.chance(0.7);
    const hasPhone = lang === 'zh' || rng.chance(0.5) || !hasEmail;
    const domain = rng.pick(lang === 'zh' ? EMAIL_DOMAINS_ZH : EMAIL_DOMAINS_EN);
    const phone = lang === 'zh' || rng.chance(0.5)
      ? `+86${rng.pick(['138', '139', '135', '186', '177', '150', '189'])}${rng.digits(8)}`
      : `+44 7${rng.digits(3)} ${rng.digits(6)}`;
    out.push({
      name,
      lang,
      email: hasEmail ? `${local}${i + 1}@${domain}` : null,
      phone: hasPhone ? phone : null,
      tier: vip ? 'vip' : 'normal',
      externalId: `CRM-${String(100_200 + i * 7).padStart(6, '0')}`,
      sinceDays: rng.int(95, 900),
      // a few regulars complain a lot; most only once or twice
      weight: rng.chance(0.1) ? rng.between(2, 3.5) : rng.between(0.6, 1.4),
    });
  }
  return out;
}
