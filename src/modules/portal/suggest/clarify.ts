import type { Category } from '../../complaints/taxonomy.js';
import type { PortalLocale } from '../portal-locale.js';

/** A choice that makes vague input precise: picking it sets the category and adds the phrase. */
export interface ClarifyOption {
  id: string;
  category: Category;
  label: string;
  /** Text the form adds to the description when the customer picks this choice. */
  text: string;
}

type Opt = { id: string; category: Category; zh: string; en: string };

/** Vague words (seed: 「快递」 alone says nothing about what went wrong) and the choices they open. */
const TOPICS: Array<{ words: RegExp; options: Opt[] }> = [
  {
    words: /快递|物流|包裹|配送|送货|发货|delivery|deliver|parcel|package|shipping|courier/i,
    options: [
      { id: 'late', category: 'logistics', zh: '快递迟迟没到', en: 'My delivery is late' },
      { id: 'lost', category: 'logistics', zh: '包裹丢失', en: 'My parcel is lost' },
      { id: 'damaged_transit', category: 'logistics', zh: '包裹运输中破损', en: 'Damaged in transit' },
      { id: 'courier', category: 'service_attitude', zh: '快递员服务问题', en: 'A problem with the courier' },
    ],
  },
  {
    words: /退款|退货|退钱|refund|return|money back/i,
    options: [
      { id: 'refund_missing', category: 'refund', zh: '退款还没到账', en: 'My refund has not arrived' },
      { id: 'return_rejected', category: 'refund', zh: '退货申请被拒绝', en: 'My return was rejected' },
      { id: 'partial_refund', category: 'refund', zh: '只退了部分款项', en: 'Only part was refunded' },
      { id: 'cancel_refund', category: 'refund', zh: '想取消订单并退款', en: 'I want to cancel and get my money back' },
    ],
  },
  {
    words: /扣费|扣款|收费|价格|账单|发票|charge|charged|bill|billing|price|invoice|fee/i,
    options: [
      { id: 'double_charge', category: 'billing', zh: '被重复扣款', en: 'I was charged twice' },
      { id: 'wrong_price', category: 'billing', zh: '价格不对或有隐藏费用', en: 'Wrong price or hidden fees' },
      { id: 'coupon', category: 'billing', zh: '优惠券没有生效', en: 'My coupon was not applied' },
      { id: 'invoice', category: 'billing', zh: '发票问题', en: 'A problem with my invoice' },
    ],
  },
  {
    words: /质量|坏了|坏的|问题|quality|broken|defect|faulty|problem|issue/i,
    options: [
      { id: 'defective', category: 'product_quality', zh: '商品有质量问题', en: 'The product is defective' },
      { id: 'not_described', category: 'product_quality', zh: '与描述不符', en: 'Not as described' },
      { id: 'damaged_arrival', category: 'logistics', zh: '收到时已经损坏', en: 'It arrived damaged' },
      { id: 'safety', category: 'safety', zh: '存在安全隐患（冒烟、漏电、过敏等）', en: 'It is unsafe (smoke, shock, allergy…)' },
    ],
  },
  {
    words: /客服|态度|服务|电话|service|staff|agent|rude|hotline/i,
    options: [
      { id: 'rude', category: 'service_attitude', zh: '客服态度差', en: 'Staff were rude' },
      { id: 'no_reply', category: 'service_attitude', zh: '一直没人回复', en: 'Nobody replied to me' },
      { id: 'passed_around', category: 'service_attitude', zh: '被来回推诿', en: 'I was passed between departments' },
    ],
  },
  {
    words: /登录|登陆|账号|密码|网站|系统|\bapp\b|login|log in|account|password|website/i,
    options: [
      { id: 'login', category: 'technical', zh: '无法登录', en: 'I cannot sign in' },
      { id: 'error', category: 'technical', zh: 'App 或网站报错', en: 'The app or website shows an error' },
      { id: 'security', category: 'technical', zh: '账号可能被盗', en: 'My account may have been taken over' },
    ],
  },
];

/** A text this short names a topic but not what went wrong. */
function isVague(text: string): boolean {
  const t = text.trim();
  const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
  const words = t.split(/\s+/).filter((w) => /[A-Za-z]/.test(w)).length;
  return han + words > 0 && han <= 6 && words <= 3;
}

/** Choices for vague input, or an empty list when the text is already specific enough. */
export function clarifyOptions(text: string, locale: PortalLocale): ClarifyOption[] {
  if (!isVague(text)) return [];
  const topic = TOPICS.find((tp) => tp.words.test(text));
  if (!topic) return [];
  return topic.options.map((o) => {
    const label = locale === 'zh-CN' ? o.zh : o.en;
    return { id: o.id, category: o.category, label, text: label };
  });
}
