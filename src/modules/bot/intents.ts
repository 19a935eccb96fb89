/**
 * What a customer's chat line asks for, by rules over the text (zh + en). Pure functions:
 * the state machine in bot-turn.ts decides what to do with them.
 */

const HANDOVER = /转人工|人工客服|人工服务|找人工|^人工$|真人|接人工|\bagent\b|\bhuman\b|real person|representative|\boperator\b|talk to (?:a |an )?(?:person|someone)/i;
const GREETING = /^(?:你好|您好|嗨|哈喽|在吗|在不在|hi|hello|hey|good (?:morning|afternoon|evening))[\s!！。,.，?？~]*$/i;
const ORDER = /订单|单号|物流|快递到|到哪|发货了|发货没|发货吗|配送进度|查件|where(?:'s| is) my (?:order|parcel|package)|order status|track(?:ing)? (?:my )?(?:order|parcel|package)|status of (?:my )?order/i;
const YES = /^(?:是|是的|有帮助|有用|解决了|好的|可以|对|嗯|yes|y|yeah|yep|helpful|it helped|solved|ok|okay)[\s!！。.]*$/i;
const NO = /^(?:否|不是|没有|没用|没帮助|不行|没解决|no|n|nope|not helpful|didn'?t help|not really)[\s!！。.]*$/i;
const SKIP = /^(?:跳过|不用|不留|skip|no thanks)[\s!！。.]*$/i;

export function asksForHuman(text: string): boolean {
  return HANDOVER.test(text);
}
export function isGreeting(text: string): boolean {
  return GREETING.test(text.trim());
}
export function asksOrderStatus(text: string): boolean {
  return ORDER.test(text);
}
export function isYes(text: string): boolean {
  return YES.test(text.trim());
}
export function isNo(text: string): boolean {
  return NO.test(text.trim());
}
export function isSkip(text: string): boolean {
  return SKIP.test(text.trim());
}

/** Order numbers as customers type them: LD20260301123, 12345, #12345. */
export function orderNumberIn(text: string): string | null {
  const m = /(?:^|[^A-Za-z0-9@.])#?([A-Za-z]{0,4}\d{5,20})(?![A-Za-z0-9@])/.exec(text);
  return m ? m[1]!.toUpperCase() : null;
}

export function emailIn(text: string): string | null {
  const m = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(text);
  return m ? m[0].toLowerCase() : null;
}

/** Mainland mobile numbers or international ones with a +. */
export function phoneIn(text: string): string | null {
  const m = /(?:\+\d{1,3}[\s-]?)?1[3-9]\d{9}(?!\d)|\+\d[\d\s-]{7,16}\d/.exec(text);
  return m ? m[0].replace(/[\s-]/g, '') : null;
}

/** Vague topics and the clarifying choices offered for them (value = what the choice sends back). */
export interface Topic {
  key: string;
  match: RegExp;
  options: { zh: string; en: string }[];
}

export const VAGUE_TOPICS: Topic[] = [
  {
    key: 'delivery',
    match: /^(?:快递|物流|配送|送货|包裹|delivery|shipping|parcel|package|courier)$/i,
    options: [
      { zh: '快递没收到', en: 'Parcel not received' },
      { zh: '商品运输中损坏', en: 'Item arrived damaged' },
      { zh: '物流太慢不更新', en: 'Delivery is slow or tracking stuck' },
      { zh: '快递员态度差', en: 'Courier was rude' },
    ],
  },
  {
    key: 'refund',
    match: /^(?:退款|退钱|退货|refund|return|money back)$/i,
    options: [
      { zh: '退款多久到账', en: 'How long does a refund take' },
      { zh: '怎么申请退货', en: 'How do I return an item' },
      { zh: '退款被拒绝', en: 'My refund was rejected' },
    ],
  },
  {
    key: 'payment',
    match: /^(?:扣款|扣费|付款|支付|收费|payment|charge|charged|billing)$/i,
    options: [
      { zh: '被重复扣款', en: 'I was charged twice' },
      { zh: '价格不对', en: 'The price is wrong' },
      { zh: '支付失败但扣了钱', en: 'Payment failed but money was taken' },
    ],
  },
  {
    key: 'account',
    match: /^(?:登录|账号|账户|验证码|login|sign in|account|password)$/i,
    options: [
      { zh: '无法登录收不到验证码', en: 'I cannot sign in or get the code' },
      { zh: '账号被盗', en: 'My account was taken over' },
    ],
  },
];

export function vagueTopic(text: string): Topic | null {
  const t = text.trim().replace(/[\s!！。.?？,，]+$/g, '').replace(/^(?:我的|my)\s*/i, '');
  return VAGUE_TOPICS.find((topic) => topic.match.test(t)) ?? null;
}
