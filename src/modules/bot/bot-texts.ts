import type { ChatLocale } from '../chat/chat-store.js';

/** Everything the bot says, in both languages. */
const TEXTS = {
  greeting: { zh: '您好！我是智能客服小环，可以帮您查订单、解答退款退货、物流、扣款、登录等问题。请问有什么可以帮您？', en: "Hello! I'm the Loopdesk assistant. I can check your order, and answer questions about refunds, returns, delivery, charges and signing in. How can I help?" },
  answerIntro: { zh: '这篇文章也许能帮到您：', en: 'This article may help:' },
  didItHelp: { zh: '这个回答解决您的问题了吗？', en: 'Did this answer your question?' },
  glad: { zh: '很高兴帮到您！还有其他问题随时问我。', en: "Glad that helped! Ask me anything else any time." },
  sorryOfferHuman: { zh: '抱歉没能帮到您。您可以换个说法再问一次，或者转人工客服。', en: "Sorry that didn't help. You can rephrase your question, or talk to an agent." },
  notFound: { zh: '抱歉，我没有找到相关答案。您可以换个说法，或者转人工客服。', en: "Sorry, I couldn't find an answer. Try rephrasing, or talk to an agent." },
  clarify: { zh: '想更准确地帮您，请问具体是哪种情况？', en: 'To help you better, which of these is it?' },
  askOrder: { zh: '请提供订单号以及下单时使用的手机号或邮箱，我来帮您查询。', en: 'Please send your order number and the phone number or email you ordered with, and I will look it up.' },
  orderNotFound: { zh: '没有找到与您信息匹配的订单，请核对订单号和手机号/邮箱。', en: "I couldn't find an order matching those details. Please check the order number and phone/email." },
  noOrders: { zh: '您的账户下暂时没有订单。', en: 'There are no orders on your account yet.' },
  whichOrder: { zh: '您最近的订单如下，请问要查询哪一个？', en: 'Here are your recent orders — which one do you mean?' },
  askContact: { zh: '为了方便客服联系您，请留下手机号或邮箱（或回复"跳过"）。', en: 'So an agent can reach you, please leave a phone number or email (or reply "skip").' },
  handingOver: { zh: '正在为您转接人工客服，请稍候。您的对话记录已同步给客服，无需重复描述。', en: "I'm connecting you with an agent. They will see this conversation, so you won't need to repeat yourself." },
  handingOverEmotion: { zh: '非常抱歉给您带来不好的体验，我马上为您转接人工客服。', en: "I'm very sorry about this. I'm connecting you with an agent right away." },
  waiting: { zh: '已收到，客服接入后会马上回复您。', en: 'Got it — an agent will reply as soon as they join.' },
  agentJoined: { zh: '客服 {name} 已接入，正在为您服务。', en: 'Agent {name} has joined the chat.' },
  optionHuman: { zh: '转人工', en: 'Talk to an agent' },
  optionRephrase: { zh: '换个问题', en: 'Ask something else' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  skip: { zh: '跳过', en: 'Skip' },
  orderStatus: {
    zh: '订单 {number}：{status}{when}。',
    en: 'Order {number}: {status}{when}.',
  },
} as const;

export type TextKey = keyof typeof TEXTS;

export function say(key: TextKey, locale: ChatLocale, vars: Record<string, string> = {}): string {
  const t = TEXTS[key][locale === 'en' ? 'en' : 'zh'];
  return t.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

const ORDER_STATUS = {
  placed: { zh: '已下单，等待付款', en: 'placed, awaiting payment' },
  paid: { zh: '已付款，正在备货，尚未发货', en: 'paid and being prepared, not shipped yet' },
  shipped: { zh: '已发货，正在运输途中', en: 'shipped and on its way' },
  delivered: { zh: '已签收', en: 'delivered' },
  cancelled: { zh: '已取消', en: 'cancelled' },
  returned: { zh: '已退货', en: 'returned' },
} as const;

export function orderStatusText(status: string, locale: ChatLocale): string {
  const s = ORDER_STATUS[status as keyof typeof ORDER_STATUS];
  return s ? s[locale === 'en' ? 'en' : 'zh'] : status;
}
