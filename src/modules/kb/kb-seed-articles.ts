import type { Category } from '../complaints/taxonomy.js';

/** A starter knowledge base (demo and bot tests): the questions customers ask most, in both languages. */
export interface SeedArticle {
  slug: string;
  category: Category;
  zh: { title: string; body: string };
  en: { title: string; body: string };
}

export const SEED_ARTICLES: SeedArticle[] = [
  {
    slug: 'refund-timeline',
    category: 'refund',
    zh: {
      title: '退款多久到账？',
      body: `申请退款并通过审核后，款项会**原路退回**到您的支付账户：

- 支付宝 / 微信支付：1–3 个工作日到账
- 银行卡：3–7 个工作日到账，具体以银行处理时间为准
- 优惠券与积分：审核通过后立即返还

超过 7 个工作日仍未到账，请在"我的订单"中查看退款进度，或联系人工客服并提供订单号。`,
    },
    en: {
      title: 'How long does a refund take?',
      body: `Once your refund is approved, the money goes **back to the original payment method**:

- Alipay / WeChat Pay: 1–3 business days
- Bank card: 3–7 business days, depending on your bank
- Coupons and points: returned immediately

If the refund has not arrived after 7 business days, check its progress under "My orders" or contact an agent with your order number.`,
    },
  },
  {
    slug: 'return-policy',
    category: 'refund',
    zh: {
      title: '七天无理由退货怎么申请？',
      body: `签收后 **7 天内**，商品保持完好、配件齐全即可申请无理由退货：

1. 进入"我的订单"，选择商品，点击"申请退货"；
2. 选择退货原因并上传照片（质量问题需照片）；
3. 审核通过后按页面地址寄回，填写快递单号。

质量问题退货的运费由我们承担；无理由退货的运费由买家承担。`,
    },
    en: {
      title: 'How do I return an item within 7 days?',
      body: `Within **7 days** of delivery you can return an item for any reason if it is unused and complete:

1. Open "My orders", choose the item and tap "Return".
2. Pick a reason and upload photos (required for quality problems).
3. Once approved, ship it to the address shown and enter the tracking number.

We pay return shipping for quality problems; for change-of-mind returns the buyer pays.`,
    },
  },
  {
    slug: 'delivery-delayed',
    category: 'logistics',
    zh: {
      title: '快递迟迟没到 / 物流不更新怎么办？',
      body: `大多数订单在发货后 **2–4 天**送达，偏远地区可能需要 5–7 天。

- 物流信息超过 48 小时未更新：可能是中转积压，我们会主动联系快递公司核查；
- 显示"已签收"但您没收到：请先询问家人、门卫或快递柜，仍找不到请转人工，我们将在 24 小时内给出处理方案；
- 需要改地址：在发货前可在订单页直接修改，发货后请联系客服。

您也可以直接发送订单号查询配送进度。`,
    },
    en: {
      title: 'My parcel is late or tracking has not updated',
      body: `Most orders arrive **2–4 days** after shipping; remote areas can take 5–7 days.

- No tracking update for 48 hours: the parcel may be held at a hub; we will check with the courier.
- Marked "delivered" but not received: ask family, reception or the parcel locker first; if it is still missing, ask for an agent and we will propose a solution within 24 hours.
- Change of address: possible on the order page before shipping; after that, contact us.

You can also send your order number to check the delivery status.`,
    },
  },
  {
    slug: 'damaged-in-transit',
    category: 'logistics',
    zh: {
      title: '收到的商品在运输中损坏了',
      body: `很抱歉给您带来不便。请在签收后 **48 小时内**拍摄外包装和商品破损处的照片，在订单页选择"商品破损"提交，我们会为您**补发或全额退款**，无需寄回破损商品。`,
    },
    en: {
      title: 'My item arrived damaged',
      body: `We are sorry. Within **48 hours** of delivery, take photos of the box and the damage and report "Damaged item" on the order page. We will **send a replacement or refund in full**; you do not need to send the damaged item back.`,
    },
  },
  {
    slug: 'double-charge',
    category: 'billing',
    zh: {
      title: '被重复扣款了怎么办？',
      body: `支付时网络不稳定可能产生两笔扣款记录，其中一笔通常会在 **24 小时内自动撤销**。

如果 24 小时后仍被扣两次，请转人工并提供订单号和两笔扣款的截图，财务核实后会在 1 个工作日内退回多扣的金额。`,
    },
    en: {
      title: 'I was charged twice',
      body: `An unstable connection during payment can leave two charges; the duplicate is usually **reversed automatically within 24 hours**.

If you still see two charges after 24 hours, ask for an agent with your order number and screenshots of both charges; finance will refund the extra charge within one business day.`,
    },
  },
  {
    slug: 'login-problems',
    category: 'technical',
    zh: {
      title: '无法登录或收不到验证码',
      body: `请依次尝试：

1. 确认手机号或邮箱填写正确；
2. 验证码 5 分钟内有效，60 秒后可重新获取；
3. 检查短信是否被拦截、邮件是否在垃圾箱；
4. 更新 App 到最新版本后重试。

如果怀疑账号被盗（有陌生设备登录、不明消费），请立即转人工，我们会先冻结账号保护您的资金。`,
    },
    en: {
      title: 'I cannot sign in or do not receive the code',
      body: `Please try, in order:

1. Check that the phone number or email is correct.
2. Codes are valid for 5 minutes; you can request a new one after 60 seconds.
3. Look in blocked messages or the spam folder.
4. Update the app and try again.

If you think your account was taken over (unknown devices, charges you did not make), ask for an agent at once — we will freeze the account first to protect your money.`,
    },
  },
];
