import type { Category } from '../modules/complaints/taxonomy.js';
import type { ProductKind } from './demo-catalogue.js';
import type { Lang } from './demo-people.js';

/**
 * The complaint stories of the demo, in Chinese and English. Placeholders in braces are
 * filled per complaint: {customer} {agent} {product} {order} {amount} {days} {courier}
 * {city} {date} {last4} {hours}.
 *
 * `tier` is the minimum severity the text itself earns under DESIGN §2 (risk to safety or an
 * account takeover / unauthorised charge → urgent; suspected counterfeit or abusive staff →
 * serious). The seeder raises a general story to serious when the context says so: an
 * escalation threat, an amount ≥ 1000, a VIP customer or a repeat complaint.
 */
export interface Scenario {
  key: string;
  lang: Lang;
  category: Category;
  tier?: 'urgent' | 'serious';
  /** Which products the story can be about; null: no order involved. */
  products: readonly ProductKind[] | null;
  /** Amount the customer claims: the order total, one item's price, a range, or nothing. */
  claim?: 'order' | 'item' | readonly [number, number];
  subject: string;
  description: string;
  /** Probability the case is handed to the back-office department. */
  handoff: number;
  /** Probability the agent has to ask the customer for something first. */
  askInfo: number;
  weight?: number;
  /**
   * Story-specific texts (else the category's). Findings and resolutions are paired by
   * position (the department's finding i leads to answer i), as are questions and answers.
   */
  finding?: string[];
  resolution?: string[];
  ask?: string[];
  answer?: string[];
}

export const SCENARIOS: Scenario[] = [
  // ── 物流配送 ───────────────────────────────────────────────
  {
    key: 'zh-logistics-stuck', lang: 'zh', category: 'logistics', products: ['electronics', 'appliance', 'apparel', 'food', 'baby', 'toy', 'beauty'],
    subject: '订单 {order} 物流 {days} 天没有更新',
    description: '我{date}下单的{product}，物流信息显示在{city}转运中心之后已经{days}天没有任何更新了。之前在线客服说会帮我催，但到现在也没有任何消息。请尽快帮我查一下包裹到底在哪里，我急着用。',
    handoff: 0.9, askInfo: 0.05, weight: 3,
  },
  {
    key: 'zh-logistics-signed-not-received', lang: 'zh', category: 'logistics', products: ['electronics', 'beauty', 'apparel', 'charging'],
    subject: '物流显示已签收，但我没有收到货',
    description: '订单 {order} 的物流显示{product}昨天下午已经签收，可我一整天都在家，没有任何人送货上门，也没有接到{courier}快递员的电话。小区快递柜和门卫室我都问过了，都没有。请核实到底是谁签收的，如果丢件了请尽快给我补发。',
    handoff: 0.95, askInfo: 0.2, weight: 2,
    finding: ['查询签收底单，系快递员未经同意放在驿站代签，已要求网点今日送货上门并对快递员做考核。', '{courier}核实：包裹在末端派送环节遗失，同意补发。'],
    resolution: ['{customer}您好，已查到您的包裹：快递员未经您同意放在了驿站并代签，今天会安排送货上门，我们已要求网点对快递员进行考核，给您添麻烦了。', '{customer}您好，经{courier}核实包裹在派送环节遗失，我们已为您补发新品，新单号稍后短信通知。'],
  },
  {
    key: 'zh-logistics-damaged', lang: 'zh', category: 'logistics', products: ['appliance', 'kettle', 'electronics', 'food'],
    subject: '收到的{product}外箱被压烂，商品有破损',
    description: '今天收到订单 {order}，外包装箱明显被压扁，打开后发现{product}外壳有裂痕，配件也散落在箱子里。快递员放下就走了，没让我当面验货。我已经拍了照片和开箱视频，要求换一台新的。',
    claim: 'item', handoff: 0.8, askInfo: 0.5, weight: 2,
    finding: ['确认运输途中破损，已安排同款新品补发，破损件由{courier}理赔。'],
    resolution: ['{customer}您好，已确认是运输途中造成的破损，同款新品今天为您补发，破损件由快递员上门取回，无需您承担任何费用，非常抱歉。'],
    ask: ['{customer}您好，为了尽快处理，麻烦您提供一下外包装和商品破损处的照片，以及开箱视频，谢谢。'],
    answer: ['照片和开箱视频都上传了，外箱和商品的破损都拍到了。'],
  },
  {
    key: 'zh-logistics-missed-appointment', lang: 'zh', category: 'logistics', products: ['appliance'],
    subject: '预约的送货安装时间没人上门',
    description: '我预约了{date}上午送{product}并上门安装，特意请了半天假在家等，结果一直没人来，打电话也没人接，也没有任何改期通知。这已经是第二次爽约了，请给个明确的送货时间。',
    handoff: 0.85, askInfo: 0.1,
    finding: ['安装师傅排班冲突未通知客户，已改派附近师傅并对网点考核。'],
    resolution: ['{customer}您好，非常抱歉两次爽约。已为您改派师傅，明天上午 9-11 点送货并安装，师傅出发前会电话联系您，另补偿 50 元优惠券。'],
  },
  {
    key: 'zh-logistics-wrong-address', lang: 'zh', category: 'logistics', products: ['apparel', 'beauty', 'toy', 'food'],
    subject: '包裹被送到了错误的地址',
    description: '订单 {order} 我填写的收货地址是{city}的家里，但物流显示送到了另一个区的驿站，离我二十多公里。我没有修改过地址，请你们联系{courier}改派，不要让我自己跑过去取。',
    handoff: 0.9, askInfo: 0.15,
    finding: ['分拣中心错分到其他区的驿站，已要求{courier}今日改派上门。'],
    resolution: ['{customer}您好，经核实是分拣中心把包裹错分到了其他驿站，已安排今天改派送货上门，无需您自己去取，非常抱歉。'],
  },
  // ── 产品质量 ───────────────────────────────────────────────
  {
    key: 'zh-quality-broken', lang: 'zh', category: 'product_quality', products: ['electronics', 'appliance', 'charging'],
    subject: '{product}用了不到两周就无法开机',
    description: '{date}买的{product}，正常使用不到两周，昨天突然无法开机，充电也没有任何反应。我没有摔过也没有进水。订单号 {order}，还在保修期内，希望尽快给我换新，不想走漫长的返厂维修。',
    claim: 'item', handoff: 0.75, askInfo: 0.45, weight: 3,
  },
  {
    key: 'zh-quality-not-as-described', lang: 'zh', category: 'product_quality', products: ['apparel', 'beauty', 'toy'],
    subject: '收到的{product}与商品页面描述严重不符',
    description: '页面上写的是{product}，实物颜色明显偏差，做工也很粗糙，线头很多，和详情页的图片完全是两回事。订单 {order}。我要求退货退款，并且运费应由你们承担。',
    claim: 'item', handoff: 0.6, askInfo: 0.35, weight: 2,
    finding: ['经比对实物照片，确认与描述不符，同意退货退款，运费由我方承担。'],
    resolution: ['{customer}您好，经核实商品确实与页面描述不符，已为您办理退货退款，运费由我们承担，明天上午上门取件，退款在取件后 24 小时内原路返回。'],
    ask: ['{customer}您好，麻烦您拍几张商品实物的照片（含颜色和做工问题处），方便我们核实。'],
    answer: ['照片已上传，颜色和线头问题都拍到了。'],
  },
  {
    key: 'zh-quality-spoiled', lang: 'zh', category: 'product_quality', products: ['food'],
    subject: '{product}在保质期内就已经变质',
    description: '订单 {order} 收到的{product}，生产日期很新，离保质期还有好几个月，但打开后有明显的哈喇味，部分已经发霉。幸好还没给家里老人孩子吃。请给出说明并处理。',
    claim: 'order', handoff: 0.8, askInfo: 0.4,
    finding: ['质量部：同批次留样检测发现包装密封不良导致受潮变质，该批次已全部下架。'],
    resolution: ['{customer}您好，经质量部检测确认是该批次包装密封问题，已为您全额退款 {amount}，并补偿一份同款新品，该批次已全部下架。'],
    ask: ['{customer}您好，麻烦您拍一下变质商品和包装上生产日期的照片，方便质量部追溯批次。'],
    answer: ['照片已上传，生产日期和发霉的地方都拍了。'],
  },
  {
    key: 'zh-quality-counterfeit', lang: 'zh', category: 'product_quality', tier: 'serious', products: ['beauty', 'electronics', 'apparel'],
    subject: '怀疑在旗舰店买到的{product}是假货',
    description: '在你们官方旗舰店买的{product}（订单 {order}），包装上的防伪码查询显示“该码已被查询 37 次”，做工和味道都和我之前在专柜买的明显不一样。你们标榜正品保障，如果确认是假货，我要求按“假一赔三”处理。',
    claim: 'order', handoff: 0.95, askInfo: 0.5,
    finding: ['质量部：已联系品牌方鉴定，确认该批货品来自未授权渠道，已下架并追溯供应商。', '品牌方鉴定为正品，防伪码被多次查询系仓库抽检扫码所致；同意补偿并换货。'],
    resolution: ['{customer}您好，经品牌方鉴定，您收到的商品确实来自未授权渠道，我们按“假一赔三”为您办理：全额退款并赔付三倍货款，相关批次已全部下架。非常抱歉。', '{customer}您好，经品牌方鉴定您的商品为正品，防伪码多次查询是仓库抽检造成的。为表歉意，已为您换一件全新未拆封商品并补偿 50 元优惠券。'],
    ask: ['{customer}您好，麻烦提供一下防伪码查询结果截图和商品细节照片，我们会提交品牌方鉴定。'],
    answer: ['截图和照片都已上传。'],
  },
  // ── 退款退货 ───────────────────────────────────────────────
  {
    key: 'zh-refund-not-received', lang: 'zh', category: 'refund', products: ['electronics', 'apparel', 'appliance', 'beauty', 'baby'],
    subject: '退货已签收 {days} 天，退款还没有到账',
    description: '订单 {order} 的{product}我已经按要求寄回，物流显示你们仓库{days}天前就签收了，但退款 {amount} 到现在还没有到账，系统一直显示“退款处理中”。请尽快把钱退给我。',
    claim: 'order', handoff: 0.85, askInfo: 0.1, weight: 3,
  },
  {
    key: 'zh-refund-rejected', lang: 'zh', category: 'refund', products: ['apparel', 'electronics', 'toy'],
    subject: '七天无理由退货申请被拒绝',
    description: '收到{product}后第三天申请七天无理由退货，吊牌和包装都完好，却被以“商品已影响二次销售”为由拒绝了。我根本没有使用过，请重新审核订单 {order} 的退货申请。',
    claim: 'item', handoff: 0.7, askInfo: 0.3, weight: 2,
    finding: ['仓库复检：商品吊牌包装完好，未影响二次销售，同意退货并通知财务退款。'],
    resolution: ['{customer}您好，经仓库复检您的商品完好，之前的拒绝是审核失误，已为您重新审核通过，退款已发起，非常抱歉。'],
    ask: ['{customer}您好，麻烦提供一下商品吊牌和包装的照片，我们申请仓库复检。'],
    answer: ['照片已上传，吊牌都在，包装也没拆。'],
  },
  {
    key: 'zh-refund-partial', lang: 'zh', category: 'refund', products: ['appliance', 'electronics', 'baby'],
    subject: '整单退货却只退了一部分钱',
    description: '订单 {order} 我是整单退货，商品全部寄回了，但只收到了部分退款，比实付金额 {amount} 少了一大截，客服解释说是“优惠分摊”，我完全不认可。请把差额退给我。',
    claim: 'order', handoff: 0.9, askInfo: 0.1,
    finding: ['财务核对：优惠分摊计算有误，少退的差额已补退。'],
    resolution: ['{customer}您好，经财务核对，之前的优惠分摊计算有误，少退的差额已为您补退，预计 1-3 个工作日到账，非常抱歉。'],
  },
  // ── 价格扣费 ───────────────────────────────────────────────
  {
    key: 'zh-billing-double-charge', lang: 'zh', category: 'billing', products: ['electronics', 'appliance', 'apparel', 'food', 'baby'],
    subject: '同一笔订单被重复扣款两次',
    description: '订单 {order} 付款时页面卡了一下，我只点了一次支付，但银行卡尾号 {last4} 被扣了两次 {amount}，银行短信可以证明。请尽快把多扣的钱退回来。',
    claim: 'order', handoff: 0.9, askInfo: 0.35, weight: 3,
  },
  {
    key: 'zh-billing-coupon', lang: 'zh', category: 'billing', products: ['apparel', 'food', 'beauty', 'appliance'],
    subject: '满减优惠券下单时没有抵扣',
    description: '我领了“满 300 减 50”的优惠券，订单 {order} 金额已经满足条件，结算页面也显示可用，但实际支付时没有抵扣。请补偿这 50 元或者给我补一张券。',
    claim: [50, 50], handoff: 0.4, askInfo: 0.2, weight: 2,
    finding: ['系统升级期间部分优惠券核销失败，已批量补偿受影响用户。'],
    resolution: ['{customer}您好，经核实是系统原因导致优惠券未抵扣，50 元差额已退回您的原支付账户，给您添麻烦了。'],
    ask: ['{customer}您好，麻烦提供一下优惠券页面和订单结算页的截图，我们核实一下。'],
    answer: ['截图已上传，优惠券显示可用但没有抵扣。'],
  },
  {
    key: 'zh-billing-auto-renew', lang: 'zh', category: 'billing', products: ['membership'],
    subject: '会员到期自动续费，事先没有任何提醒',
    description: '今天突然发现被扣了 198 元 PLUS 会员年费，我从来没有主动开通过自动续费，也没有收到任何续费提醒短信。请取消自动续费并退还这笔费用。',
    claim: [198, 198], handoff: 0.6, askInfo: 0.1,
    finding: ['核实：续费提醒短信因模板审核未发出，同意全额退还会员费并关闭自动续费。'],
    resolution: ['{customer}您好，已为您关闭自动续费，198 元会员费将原路退回，今后续费前会提前 3 天提醒。'],
  },
  {
    key: 'zh-billing-failed-but-charged', lang: 'zh', category: 'billing', products: ['electronics', 'appliance', 'food'],
    subject: '支付显示失败，但银行卡已经扣钱',
    description: '下单时页面提示“支付失败，请重试”，订单 {order} 也一直是待付款状态，可是我的银行卡已经扣了 {amount}。现在钱扣了货也没有，请查一下这笔钱去哪了。',
    claim: 'order', handoff: 0.9, askInfo: 0.4,
    finding: ['财务：支付渠道回调超时导致订单未更新，款项在渠道侧，已发起原路退款。'],
    resolution: ['{customer}您好，经核实是支付回调超时造成的，{amount} 已原路退回，预计 1-3 个工作日到账。如仍需购买可以重新下单。'],
  },
  {
    key: 'zh-billing-unauthorised', lang: 'zh', category: 'billing', tier: 'urgent', products: null,
    subject: '账户出现多笔不是我本人操作的扣款',
    description: '今天凌晨收到银行短信，我绑定的尾号 {last4} 的卡在你们平台连续被扣了三笔，共 {amount}，这些订单都不是我下的，我手机一直在身边也没收到验证码。请立即冻结我的账户并追回款项！',
    claim: [1200, 4800], handoff: 1, askInfo: 0.05, weight: 0.4,
    finding: ['已确认为盗刷交易：账户已冻结，三笔交易已提交支付机构拒付，收货地址已拦截。'],
    resolution: ['{customer}您好，您的账户已冻结保护，三笔盗刷订单已全部拦截，共 {amount} 将原路退回。请尽快修改密码并开启登录保护，我们已协助向支付机构报案。'],
  },
  // ── 服务态度 ───────────────────────────────────────────────
  {
    key: 'zh-attitude-rude', lang: 'zh', category: 'service_attitude', tier: 'serious', products: null,
    subject: '客服在电话里对我大吼大叫，还出言侮辱',
    description: '{date}下午我打客服热线咨询退款进度，工号 {n} 的客服很不耐烦，没说两句就冲我大吼，还说“你这种人没文化，听不懂就别打电话”，然后直接挂断。我要求你们调取录音，严肃处理这名员工并向我道歉。',
    handoff: 0.8, askInfo: 0.05, weight: 2,
  },
  {
    key: 'zh-attitude-no-callback', lang: 'zh', category: 'service_attitude', products: null,
    subject: '承诺 24 小时内回电，三天了没人联系我',
    description: '三天前反映的问题，客服说会在 24 小时内由专人回电，结果到现在没有任何人联系我。每次打进来都要重新说一遍情况，然后又说“会有专人联系您”。请给我一个负责到底的人。',
    handoff: 0.5, askInfo: 0.05, weight: 2,
    finding: ['核实回访工单被错误关闭，已修复派单规则，指定专人负责该客户。'],
    resolution: ['{customer}您好，非常抱歉让您久等。经查是回访工单被错误关闭了，现在您的问题由我专人负责，后续进展我会主动联系您。'],
    ask: ['{customer}您好，请问您之前反映的是哪个订单的问题？方便提供一下订单号吗？'],
    answer: ['就是上周那个退款的订单，订单号我已经发过去了。'],
  },
  {
    key: 'zh-attitude-hotline-wait', lang: 'zh', category: 'service_attitude', products: null,
    subject: '客服热线排队 40 多分钟都没人接',
    description: '今天上午连续打了三次客服热线，每次都排队四十多分钟，最后自动挂断。在线客服也一直是机器人自动回复，根本转不了人工。这样的服务让人很失望。',
    handoff: 0.3, askInfo: 0.05,
    finding: ['高峰时段人力不足，已临时增加人工坐席并优化机器人转人工规则。'],
    resolution: ['{customer}您好，非常抱歉让您久等。高峰期人工坐席不足的问题我们已增加人手，机器人那里也可以随时输入“转人工”。您要咨询的问题我已经帮您处理好了。'],
    ask: ['{customer}您好，请问您当时想咨询的是什么问题？我这边直接帮您处理。'],
    answer: ['我是想问退货怎么寄回，订单号已经发过去了。'],
  },
  {
    key: 'zh-attitude-passed-around', lang: 'zh', category: 'service_attitude', products: ['appliance', 'electronics'],
    subject: '物流和客服互相推诿，问题没人管',
    description: '订单 {order} 的问题，客服让我去找物流，物流让我找商家客服，商家客服又说是平台的问题，来回踢了一个星期皮球，没有一个人真正处理。请指定一个人负责。',
    handoff: 0.6, askInfo: 0.1,
    finding: ['已明确由客服部牵头、物流部配合，指定专人跟进到底。'],
    resolution: ['{customer}您好，非常抱歉让您来回奔波。您的问题现在由我一人负责到底，物流部已配合核实完毕，处理结果已同步给您，如有问题请直接联系我。'],
    ask: ['{customer}您好，麻烦把您之前联系的时间和对方的答复简单说一下，我来统一处理。'],
    answer: ['上周二和周四都联系过，聊天截图已上传。'],
  },
  // ── 系统故障 ───────────────────────────────────────────────
  {
    key: 'zh-tech-login', lang: 'zh', category: 'technical', products: null,
    subject: 'App 一直提示验证码错误，无法登录',
    description: '从昨天开始用手机号登录 App，每次输入刚收到的验证码都提示“验证码错误”，试了十几次，换了网络也不行。账户里还有待收货的订单，现在完全看不了物流。',
    handoff: 0.85, askInfo: 0.6, weight: 3,
  },
  {
    key: 'zh-tech-checkout-error', lang: 'zh', category: 'technical', products: ['electronics', 'appliance'],
    subject: '提交订单时页面报错，活动价没抢到',
    description: '今晚 8 点的秒杀活动，我点“提交订单”时页面一直报错“系统繁忙（500）”，刷新后活动价的{product}就没有了。这不是第一次了，请给个说法。',
    handoff: 0.8, askInfo: 0.3,
    finding: ['已定位为大促期间网关限流配置过低，已扩容并调整限流阈值。'],
    resolution: ['{customer}您好，经技术部排查是活动期间系统限流导致的报错，现已修复。我们为您保留了活动价，您可以在订单页直接以活动价下单，给您添麻烦了。'],
  },
  {
    key: 'zh-tech-crash', lang: 'zh', category: 'technical', products: null,
    subject: '更新到最新版本后 App 一打开就闪退',
    description: '昨天 App 自动更新到最新版本后，一打开就闪退，卸载重装也没用。手机型号是华为 Mate 60，系统已经是最新的。现在没法查看订单和申请售后。',
    handoff: 0.9, askInfo: 0.6,
    finding: ['已定位为新版本在部分机型上的兼容性问题，热修复版本今晚发布。'],
    resolution: ['{customer}您好，闪退是新版本在部分机型上的兼容性问题，修复版本已经发布，请在应用商店更新后再试。如仍有问题请随时联系我。'],
  },
  {
    key: 'zh-tech-account-takeover', lang: 'zh', category: 'technical', tier: 'urgent', products: null,
    subject: '账号被盗，收货地址和绑定手机被改',
    description: '我今天登录时发现账号的绑定手机号被改成了陌生号码，收货地址也被改到外地，还用我的余额下了两单。我本人没有做过这些操作。请立刻冻结账号，拦截这些订单！',
    claim: [800, 3000], handoff: 1, askInfo: 0.05, weight: 0.4,
    finding: ['技术部：登录日志显示异地撞库登录，已冻结账户、重置凭证并拦截可疑订单。'],
    resolution: ['{customer}您好，您的账户已安全恢复：绑定手机已改回，可疑订单已全部拦截取消，余额将退回账户。建议您立即修改密码并开启登录保护。'],
    ask: ['{customer}您好，为了保护您的账户安全，请先确认一下账户绑定的身份信息，我们核实后立即处理。'],
    answer: ['身份信息已经按要求提交了。'],
  },
  // ── 人身安全 ───────────────────────────────────────────────
  {
    key: 'zh-safety-charger-fire', lang: 'zh', category: 'safety', tier: 'urgent', products: ['charging'],
    subject: '{product}充电时冒烟起火，差点引发火灾',
    description: '昨晚用你们卖的{product}给手机充电，插上大约半小时后突然冒烟，接着就起火了，把床头柜烧黑了一大块，房间里全是焦糊味。幸好我当时就在旁边，及时拔了插头。孩子被吓坏了。订单 {order}。这是严重的安全事故，请立即处理！',
    claim: 'order', handoff: 1, askInfo: 0.3, weight: 0.6,
  },
  {
    key: 'zh-safety-allergy', lang: 'zh', category: 'safety', tier: 'urgent', products: ['food', 'beauty'],
    subject: '使用{product}后全身过敏，已去医院就诊',
    description: '订单 {order} 买的{product}，用了之后半小时就开始全身起红疹、呼吸有点困难，已经去医院急诊，医生说是严重过敏反应。包装上没有任何过敏原提示。我要求你们立即下架检查并承担医疗费用。',
    claim: [300, 2500], handoff: 1, askInfo: 0.3, weight: 0.4,
  },
  {
    key: 'zh-safety-kettle-shock', lang: 'zh', category: 'safety', tier: 'urgent', products: ['kettle'],
    subject: '电热水壶漏电，烧水时手被电了一下',
    description: '买的{product}用了不到一个月，今天早上烧水时碰到壶身被电了一下，手到现在还发麻。家里有老人和小孩，太危险了。订单 {order}，请马上处理并检查同批次产品。',
    claim: 'order', handoff: 1, askInfo: 0.2, weight: 0.4,
  },
  {
    key: 'zh-safety-choking', lang: 'zh', category: 'safety', tier: 'urgent', products: ['toy', 'baby'],
    subject: '儿童玩具小零件脱落，孩子差点误吞',
    description: '给三岁孩子买的{product}，玩了没几天就有小零件脱落，孩子放进嘴里差点吞下去，幸好被我及时发现抠出来了。包装上写适用 3 岁以上，这种质量太危险了。订单 {order}。',
    claim: 'order', handoff: 1, askInfo: 0.2, weight: 0.4,
  },
  // ── 其他 ───────────────────────────────────────────────────
  {
    key: 'zh-other-points', lang: 'zh', category: 'other', products: null,
    subject: '会员积分没有任何提醒就被清零',
    description: '我账户里攒了一万多积分，今天想兑换时发现全部清零了，没有收到任何到期提醒。积分规则改了也没有通知用户，这样做很不合理，请恢复我的积分。',
    handoff: 0.2, askInfo: 0.2,
    resolution: ['{customer}您好，经核实积分规则调整未按规定提前通知，已为您恢复全部积分，有效期顺延一年。']
  },
  {
    key: 'zh-other-store-hours', lang: 'zh', category: 'other', products: null,
    subject: '门店营业时间与官网不一致，白跑一趟',
    description: '官网上写{city}万象城门店营业到晚上 10 点，我 8 点半赶过去发现已经关门了，门口贴的营业时间是到 8 点。请及时更新信息，不要让顾客白跑。',
    handoff: 0.1, askInfo: 0.05,
    finding: ['已核实门店营业时间调整后官网未同步更新，已更正并同步所有渠道。'],
    resolution: ['{customer}您好，经核实是门店调整营业时间后官网没有同步更新，现已更正，让您白跑一趟非常抱歉，已为您发放一张 30 元门店代金券。'],
    ask: ['{customer}您好，请问您去的是哪一家门店、大概几点到的？'],
    answer: ['就是万象城那家，晚上 8 点半左右到的。'],
  },
  {
    key: 'zh-other-hours', lang: 'zh', category: 'other', products: null,
    subject: '建议延长人工客服的服务时间',
    description: '晚上 10 点以后人工客服就下班了，只剩机器人，可我们上班族只有晚上才有时间处理售后。希望能把人工客服延长到晚上 12 点，至少在大促期间延长。',
    handoff: 0.1, askInfo: 0.05,
    finding: ['已记录为服务改进建议，转服务设计组评估。'],
    resolution: ['{customer}您好，感谢您的建议！延长人工客服时间的需求已提交服务设计组评估，大促期间人工客服将延长到晚上 12 点。'],
  },


  // ── English: logistics ─────────────────────────────────────
  {
    key: 'en-logistics-late', lang: 'en', category: 'logistics', products: ['electronics', 'appliance', 'apparel', 'toy', 'beauty'],
    subject: 'Order {order} is {days} days late',
    description: 'I ordered the {product} on {date} with guaranteed delivery in 3 days. Tracking has shown "in transit – {city} hub" for {days} days with no update. I have a trip coming up and need it urgently. Where is my parcel?',
    handoff: 0.9, askInfo: 0.05, weight: 3,
  },
  {
    key: 'en-logistics-lost', lang: 'en', category: 'logistics', products: ['electronics', 'charging', 'beauty'],
    subject: 'Tracking says delivered, but nothing arrived',
    description: 'Tracking for order {order} says the parcel was delivered yesterday at 14:05 and left at the front door. I was home all afternoon and nothing came. Neighbours have not seen it either. Please investigate with {courier} and send a replacement.',
    handoff: 0.95, askInfo: 0.2, weight: 2,
    finding: ['Proof of delivery shows the wrong house number. Courier re-delivering today; parcel recovered.', '{courier} confirms the parcel was lost at the last-mile depot; replacement approved.'],
    resolution: ['Hi {customer}, the courier delivered to the wrong house number. The parcel has been recovered and will be re-delivered to you today. Sorry about this.', 'Hi {customer}, {courier} confirmed the parcel was lost, so we have shipped a replacement today and refunded the shipping fee.'],
  },
  {
    key: 'en-logistics-damaged', lang: 'en', category: 'logistics', products: ['appliance', 'kettle', 'food'],
    subject: 'Parcel arrived crushed, {product} damaged',
    description: 'The box for order {order} arrived completely crushed and the {product} inside has a cracked housing. The courier left before I could check it. I have photos of the box and the damage. I would like a replacement, not a repair.',
    claim: 'item', handoff: 0.8, askInfo: 0.5,
    finding: ['Damage confirmed as transit damage. Replacement shipped; claim filed with {courier}.'],
    resolution: ['Hi {customer}, we confirmed the damage happened in transit. A replacement ships today and the courier will collect the damaged one – no cost to you.'],
    ask: ['Hi {customer}, could you send us photos of the outer box and of the damage? That lets us file the claim straight away.'],
    answer: ['Photos attached – the box and the cracked housing.'],
  },
  // ── English: product quality ───────────────────────────────
  {
    key: 'en-quality-defect', lang: 'en', category: 'product_quality', products: ['electronics', 'appliance', 'charging'],
    subject: '{product} stopped working after 10 days',
    description: 'My {product} (order {order}) stopped turning on after ten days of normal use. It has not been dropped or exposed to water. It is clearly a manufacturing defect and I would like a replacement sent out rather than waiting weeks for a repair.',
    claim: 'item', handoff: 0.75, askInfo: 0.45, weight: 3,
  },
  {
    key: 'en-quality-description', lang: 'en', category: 'product_quality', products: ['apparel', 'beauty'],
    subject: 'Item is not as described on the website',
    description: 'The {product} I received is a different colour from the photos and the material feels cheap – loose threads everywhere. This is not what I paid for. I want to return it for a full refund including return shipping.',
    claim: 'item', handoff: 0.55, askInfo: 0.35,
    finding: ['QA: compared with listing photos – not as described. Approve return at our cost.'],
    resolution: ['Hi {customer}, you are right, the item does not match the listing. Your return is approved at our cost: a courier collects it tomorrow and the refund goes back to your card within 24 hours of pick-up.'],
    ask: ['Hi {customer}, could you send a few photos showing the colour and the stitching?'],
    answer: ['Photos attached.'],
  },
  {
    key: 'en-quality-counterfeit', lang: 'en', category: 'product_quality', tier: 'serious', products: ['electronics', 'beauty'],
    subject: 'I believe the {product} I received is counterfeit',
    description: 'The serial number on the {product} from order {order} does not verify on the manufacturer\'s website and the packaging has spelling mistakes. You advertise genuine products only. I expect a full refund and an explanation of where this stock came from.',
    claim: 'order', handoff: 0.95, askInfo: 0.5,
    finding: ['Brand verification: stock came from an unauthorised distributor; batch removed and supplier under review.'],
    resolution: ['Hi {customer}, the brand confirmed the item did not come from an authorised channel. You will get a full refund plus compensation, and the batch has been removed from sale. We are sorry.'],
    ask: ['Hi {customer}, could you send a screenshot of the serial check and photos of the packaging? We will pass them to the brand for verification.'],
    answer: ['Screenshot and photos attached.'],
  },
  // ── English: refund ───────────────────────────────────────
  {
    key: 'en-refund-missing', lang: 'en', category: 'refund', products: ['electronics', 'apparel', 'appliance'],
    subject: 'Refund for returned order {order} never arrived',
    description: 'I returned the {product} and your warehouse signed for it {days} days ago. The refund of {amount} still has not reached my card and the app just says "processing". Please release it.',
    claim: 'order', handoff: 0.85, askInfo: 0.15, weight: 3,
  },
  {
    key: 'en-refund-rejected', lang: 'en', category: 'refund', products: ['apparel', 'toy', 'beauty'],
    subject: 'Return rejected for no good reason',
    description: 'My return request for the {product} was rejected as "used", but it is unopened with all tags attached. I have photos. Please review the decision on order {order}.',
    claim: 'item', handoff: 0.7, askInfo: 0.35,
    finding: ['Warehouse re-inspection: item unused, tags attached; return approved, refund released.'],
    resolution: ['Hi {customer}, we re-inspected the item and it is unused – the rejection was our mistake. The return is approved and your refund has been released.'],
    ask: ['Hi {customer}, could you send photos of the item with its tags?'],
    answer: ['Photos attached, all tags still on.'],
  },
  // ── English: billing ──────────────────────────────────────
  {
    key: 'en-billing-double', lang: 'en', category: 'billing', products: ['electronics', 'appliance', 'apparel'],
    subject: 'Charged twice for the same order',
    description: 'My card ending {last4} was charged {amount} twice for order {order} – I only clicked "Pay" once. My bank statement shows both transactions. Please refund the duplicate charge.',
    claim: 'order', handoff: 0.9, askInfo: 0.35, weight: 2,
  },
  {
    key: 'en-billing-hidden-fee', lang: 'en', category: 'billing', products: ['appliance', 'electronics'],
    subject: 'Hidden "service fee" added at checkout',
    description: 'The product page said free delivery, but my total for order {order} included a 35 yuan "service fee" that was never mentioned before the payment screen. Please refund it.',
    claim: [35, 35], handoff: 0.5, askInfo: 0.1,
    finding: ['Finance: service fee applied in error by a pricing rule; rule fixed, fee refunded.'],
    resolution: ['Hi {customer}, the fee was applied in error. We refunded it and fixed the checkout so any fee is shown up front. Thank you for flagging it.'],
    ask: ['Hi {customer}, could you send a screenshot of the checkout summary?'],
    answer: ['Screenshot attached.'],
  },
  {
    key: 'en-billing-unauthorised', lang: 'en', category: 'billing', tier: 'urgent', products: null,
    subject: 'Unauthorised charges on my account',
    description: 'There are three charges on my card ending {last4} from your store this morning, {amount} in total, that I did not make. I still have my phone and never received a verification code. Please block my account and reverse these charges immediately.',
    claim: [1500, 5200], handoff: 1, askInfo: 0.05, weight: 0.4,
    finding: ['Confirmed fraudulent transactions; account frozen and chargeback requested with the card network.'],
    resolution: ['Hi {customer}, we confirmed the three charges were fraudulent. Your account is frozen for safety and {amount} is being refunded. Please reset your password and enable two-step verification.'],
  },
  // ── English: service attitude ─────────────────────────────
  {
    key: 'en-attitude-rude', lang: 'en', category: 'service_attitude', tier: 'serious', products: null,
    subject: 'Agent was rude and swore at me',
    description: 'I called on {date} about a late delivery. The agent (ID {n}) was sarcastic from the start, mocked my Chinese, swore at me when I asked for a supervisor and then hung up. I expect an apology and to know what action you will take.',
    handoff: 0.8, askInfo: 0.05,
  },
  {
    key: 'en-attitude-no-reply', lang: 'en', category: 'service_attitude', products: null,
    subject: 'Nobody answers my emails',
    description: 'I have sent four emails over the last week about my order and received nothing but the automatic acknowledgement. The chat bot keeps sending me FAQ links. Is there an actual person who can help?',
    handoff: 0.4, askInfo: 0.1, weight: 2,
    finding: ['Emails were routed to an unmonitored queue; routing fixed, owner assigned.'],
    resolution: ['Hi {customer}, I am sorry – your emails went to a queue nobody was watching. That is fixed, and I am now your named contact; I will keep you updated.'],
    ask: ['Hi {customer}, could you give me the order number your emails were about?'],
    answer: ['It is the order from last week, number attached.'],
  },
  // ── English: technical ────────────────────────────────────
  {
    key: 'en-tech-login', lang: 'en', category: 'technical', products: null,
    subject: 'Cannot log in – verification code never arrives',
    description: 'For two days I have been unable to log into the app. The SMS verification code never arrives, and the email option says "too many attempts". I need to check an order that is out for delivery.',
    handoff: 0.85, askInfo: 0.6, weight: 2,
  },
  {
    key: 'en-tech-payment-page', lang: 'en', category: 'technical', products: ['electronics'],
    subject: 'Payment page keeps showing an error',
    description: 'Every time I try to pay for my cart the page shows "Something went wrong (error 502)". I tried two cards, two browsers and the app. I am worried I will be charged several times.',
    handoff: 0.85, askInfo: 0.5,
    finding: ['Reproduced: payment gateway timeout on the new checkout; hotfix deployed. No duplicate captures found.'],
    resolution: ['Hi {customer}, the checkout error was a gateway timeout on our side and is now fixed. You were not charged – please try again, and let me know if anything is off.'],
  },
  {
    key: 'en-tech-hacked', lang: 'en', category: 'technical', tier: 'urgent', products: null,
    subject: 'Account hacked – email and password changed',
    description: 'Someone took over my account: the email address and password were changed last night and I received a notice of a new order to an address in another city. I did not do any of this. Please lock the account and cancel the order now.',
    claim: [600, 2600], handoff: 1, askInfo: 0.05, weight: 0.4,
    finding: ['Login logs show credential stuffing from abroad; account frozen, sessions revoked, suspicious order cancelled.'],
    resolution: ['Hi {customer}, your account is secure again: the suspicious order is cancelled, the money will be refunded, and we recommend enabling two-step verification.'],
    ask: ['Hi {customer}, to protect your account, please confirm your identity through the link we just emailed you.'],
    answer: ['Done, identity confirmed.'],
  },
  // ── English: safety ───────────────────────────────────────
  {
    key: 'en-safety-powerbank', lang: 'en', category: 'safety', tier: 'urgent', products: ['charging'],
    subject: '{product} caught fire while charging',
    description: 'The {product} from order {order} swelled up and caught fire on my desk while charging last night. I put it out with a wet towel but my hand is burned and the desk is scorched. This could have burned the house down. Please respond urgently.',
    claim: 'order', handoff: 1, askInfo: 0.3, weight: 0.6,
  },
  {
    key: 'en-safety-food', lang: 'en', category: 'safety', tier: 'urgent', products: ['food', 'baby'],
    subject: 'My child got sick after eating your {product}',
    description: 'My daughter vomited repeatedly and had a fever after eating the {product} from order {order}. The doctor suspects food poisoning. Two other packs from the same batch smell off. Please pull this batch and contact me.',
    claim: [200, 1800], handoff: 1, askInfo: 0.3, weight: 0.4,
  },
  // ── English: other ────────────────────────────────────────
  {
    key: 'en-other-points', lang: 'en', category: 'other', products: null,
    subject: 'Loyalty points expired without notice',
    description: 'About 8,000 loyalty points disappeared from my account. I never received any reminder that they would expire. Please restore them.',
    handoff: 0.2, askInfo: 0.2,
    resolution: ['Hi {customer}, the expiry notice was never sent, so we have restored your points and extended them by a year.']
  },
  {
    key: 'en-other-english-support', lang: 'en', category: 'other', products: null,
    subject: 'Please offer support in English',
    description: 'The hotline menu is only in Chinese and the chat bot does not understand English. As a foreign customer I find it very hard to get help. Could you add an English option?',
    handoff: 0.1, askInfo: 0.05,
    finding: ['Noted as product feedback for the service design team.'],
    resolution: ['Hi {customer}, thank you – we have passed your request to the service design team, and English support is now available in chat by typing "English".'],
  },
];

/** Escalation threats appended to (or sent after) a general complaint: DESIGN §2 makes them serious. */
export const THREATS: Record<Lang, string[]> = {
  zh: [
    '如果三天内还不给我解决，我就直接打 12315 投诉。',
    '我已经咨询过律师了，不行就走法律程序。',
    '再不处理我就发微博、找媒体曝光你们。',
    '这件事我会向消协投诉，请你们重视。',
  ],
  en: [
    "If this isn't resolved by Friday I will file a complaint with the consumer protection agency.",
    'My lawyer will be in touch if I do not hear back today.',
    'I am going to post this on social media and contact the local news.',
    'I have already started a complaint with the Better Business Bureau.',
  ],
};

export interface CategoryScript {
  /** Internal note when the agent hands the case to the department. */
  handoff: string[];
  /** What the department found (internal note by department staff); paired with `resolution`. */
  finding: string[];
  /** The agent's final answer. */
  resolution: string[];
  /** The agent asks the customer for something; paired with `answer`. */
  ask: string[];
  answer: string[];
  /** The customer is not satisfied with the answer. */
  reopen: string[];
}

// The category texts fit the category's most common story; other stories bring their own.
const ZH_SCRIPTS: Record<Category, CategoryScript> = {
  logistics: {
    handoff: ['已转物流部核查包裹轨迹，请联系{courier}网点确认实际位置，2 小时内回复。', '请物流部核实该订单的配送情况并给出处理方案，客户比较着急。'],
    finding: ['{courier}回复：包裹在{city}中转场滞留，已加急处理，预计明天送达。', '{courier}回复：因分拣积压导致延误，已安排专车转运，今天内派送。'],
    resolution: ['{customer}您好，已与{courier}核实，您的包裹因中转场滞留耽误了，现已加急派送，明天会送到，同时为您申请了 20 元无门槛优惠券作为补偿，给您添麻烦了。', '{customer}您好，已与{courier}核实，延误是分拣积压造成的，包裹已安排专车转运，今天内送达，本单运费已为您退还。'],
    ask: ['{customer}您好，请问您方便确认一下收货地址和可以收货的时间段吗？我们好安排优先派送。'],
    answer: ['地址没问题，工作日晚上 7 点以后和周末全天都可以收货。'],
    reopen: ['说好的明天送到，到现在还是没收到，物流信息也没有更新。'],
  },
  product_quality: {
    handoff: ['疑似产品质量问题，转质量部判定，请结合照片和批次号给出结论。', '客户要求换新，请质量部确认是否属于批次性问题。'],
    finding: ['质检结论：确认为产品质量问题，同批次已有类似反馈，同意直接换新并纳入批次追溯。', '质检结论：属于生产缺陷，同意客户选择退货退款，运费由我方承担。'],
    resolution: ['{customer}您好，质量部已确认是产品质量问题，我们为您安排了换新，新品今天发出，旧商品由快递上门取回，无需您承担任何费用。', '{customer}您好，质量部已确认是生产缺陷，已为您办理退货退款，明天上午上门取件，退款将在取件后 24 小时内原路返回。'],
    ask: ['{customer}您好，麻烦您拍一下商品问题部位的照片或视频，以及商品上的批次号/序列号，方便我们尽快判定。'],
    answer: ['照片和视频都上传了，批次号在包装底部，拍清楚了。'],
    reopen: ['换来的新品用了几天又出现同样的问题，我不接受这个处理结果。'],
  },
  refund: {
    handoff: ['退款异常，转财务部核查退款单状态和支付渠道回执。'],
    finding: ['财务核查：退款单卡在支付渠道对账环节，已手工重新发起，预计 1-3 个工作日到账。'],
    resolution: ['{customer}您好，您的退款 {amount} 已重新发起，预计 1-3 个工作日原路到账，到账后会短信通知您。给您带来不便非常抱歉。'],
    ask: ['{customer}您好，麻烦提供一下退货快递单号和退款申请的截图，我们马上跟进。'],
    answer: ['退货单号和截图都发了，麻烦快点处理。'],
    reopen: ['说好 1-3 个工作日到账，现在一个星期了还是没有收到退款。'],
  },
  billing: {
    handoff: ['扣费异常，转财务部与支付渠道核对流水，涉及金额 {amount}。'],
    finding: ['财务核对：支付渠道重复扣款一笔，已发起原路退款。'],
    resolution: ['{customer}您好，已核实重复扣款，多扣的 {amount} 已原路退回，预计 1-3 个工作日到账，非常抱歉。'],
    ask: ['{customer}您好，麻烦您提供一下银行扣款短信或账单截图（可遮挡卡号中间位），便于我们与支付渠道核对。'],
    answer: ['银行短信截图已经上传了。'],
    reopen: ['钱还是没有退回来，银行那边说查不到你们的退款记录。'],
  },
  service_attitude: {
    handoff: ['转客服部班组长调取通话录音并核实坐席行为。'],
    finding: ['已调听录音，坐席用语严重不当，已停岗培训并记入绩效考核。'],
    resolution: ['{customer}您好，我们已调取录音核实，该员工的言行严重违反服务规范，已停岗处理，在此郑重向您道歉。您原来的问题由我全程负责跟进。'],
    ask: ['{customer}您好，请问您方便提供一下来电的时间和来电号码吗？我们好调取录音核实。'],
    answer: ['是{date}下午 3 点左右，用的就是现在这个手机号。'],
    reopen: ['道歉我收到了，但是我原来的问题到现在还是没有人处理。'],
  },
  technical: {
    handoff: ['转技术部排查，附用户手机型号/App 版本和报错截图。'],
    finding: ['技术部：短信通道服务商故障导致验证码延迟和校验失败，已切换备用通道。'],
    resolution: ['{customer}您好，技术部已查明是短信通道故障导致的，现已修复，请重新获取验证码登录。如仍有问题请随时联系我。'],
    ask: ['{customer}您好，麻烦告诉我们您的手机型号、系统版本和 App 版本号，最好附上报错页面的截图。'],
    answer: ['手机是 iPhone 15，iOS 18，App 是最新版，截图已上传。'],
    reopen: ['按你们说的操作了，问题还是一样。'],
  },
  safety: {
    handoff: ['【紧急】人身安全事件，已升级管理层，同时抄送质量部封存同批次产品。', '【紧急】请管理层指派专人 30 分钟内联系客户，质量部启动批次排查。'],
    finding: ['管理层：已派专人上门慰问并取回问题产品送第三方检测，同批次产品已全部下架。', '质量部：同批次已暂停销售，已联系供应商启动召回评估；医疗费用由公司先行承担。'],
    resolution: ['{customer}您好，经第三方检测确认产品存在安全缺陷，我们已全额退款，并承担您的医疗及财物损失费用，同批次产品已下架召回。再次向您和家人郑重道歉。', '{customer}您好，公司已对该事件完成调查并采取召回措施，您的全部损失由我们承担，专属顾问会继续跟进您的后续需求。'],
    ask: ['{customer}您好，请问您和家人现在是否安全？请先停止使用该产品并保留实物，方便的话提供一下现场照片和就医记录。'],
    answer: ['人没事了，照片和医院的诊断证明都上传了，东西我留着。'],
    reopen: ['说好的赔偿到现在也没有落实，也没有人再联系我。'],
  },
  other: {
    handoff: ['转客服部核实相关规则并给出处理意见。'],
    finding: ['已核实：相关规则变更未按要求提前通知用户。'],
    resolution: ['{customer}您好，已为您处理完毕，感谢您的反馈，我们会持续改进。'],
    ask: ['{customer}您好，麻烦提供一下您的会员账号或注册手机号，我们好核实。'],
    answer: ['就是这个手机号注册的。'],
    reopen: ['问题并没有解决，请重新处理。'],
  },
};

const EN_SCRIPTS: Record<Category, CategoryScript> = {
  logistics: {
    handoff: ['Passing to logistics: please check the parcel scan history with {courier} and reply within 2 h.'],
    finding: ['{courier} confirms the parcel was held at the {city} hub due to a sorting backlog; expedited, delivery tomorrow.'],
    resolution: ['Hi {customer}, {courier} has expedited your parcel and it will arrive tomorrow. We have added a 20 yuan voucher to your account for the trouble. Sorry for the delay.'],
    ask: ['Hi {customer}, could you confirm the delivery address and a time window when someone is home?'],
    answer: ['Address is correct. Any weekday after 6 pm works.'],
    reopen: ['It still has not arrived and tracking has not moved since yesterday.'],
  },
  product_quality: {
    handoff: ['Possible defect – quality team, please assess from the photos and batch number.'],
    finding: ['QA: known issue in this batch; approve replacement and add to batch trace.'],
    resolution: ['Hi {customer}, our quality team confirmed a manufacturing defect. A brand-new replacement ships today and the courier will collect the faulty unit – no cost to you.'],
    ask: ['Hi {customer}, could you send a short video of the fault and the serial number printed on the device?'],
    answer: ['Video uploaded, the serial number is on the underside.'],
    reopen: ['The replacement has exactly the same fault. I am not accepting this.'],
  },
  refund: {
    handoff: ['Refund stuck – finance, please check the refund record and the payment gateway response.'],
    finding: ['Finance: refund failed at the gateway reconciliation step; re-issued manually, 1–3 working days.'],
    resolution: ['Hi {customer}, the refund of {amount} has been re-issued and should reach your card within 1–3 working days. Apologies for the wait.'],
    ask: ['Hi {customer}, could you share the return tracking number and a screenshot of the refund request?'],
    answer: ['Tracking number and screenshot attached.'],
    reopen: ['It has been a week and the refund still has not arrived.'],
  },
  billing: {
    handoff: ['Charge dispute of {amount} – finance, please reconcile with the payment provider.'],
    finding: ['Finance: duplicate capture confirmed with the provider; refund issued.'],
    resolution: ['Hi {customer}, we confirmed the duplicate charge and refunded {amount} to your card; it should appear within 1–3 working days.'],
    ask: ['Hi {customer}, could you send a screenshot of the bank statement lines (you can hide the middle card digits)?'],
    answer: ['Statement screenshot attached.'],
    reopen: ['The money is still not back on my card and my bank sees no refund.'],
  },
  service_attitude: {
    handoff: ["Customer service lead: please pull the call recording and review the agent's conduct."],
    finding: ['Recording reviewed: conduct unacceptable; agent suspended from calls pending retraining.'],
    resolution: ["Hi {customer}, we reviewed the recording and the agent's behaviour was unacceptable. They have been removed from calls and retrained. I am very sorry – I will personally handle your original issue."],
    ask: ['Hi {customer}, could you tell us the approximate time of the call and the number you called from?'],
    answer: ['It was around 3 pm on {date}, from this number.'],
    reopen: ['Thanks for the apology, but my original problem is still not solved.'],
  },
  technical: {
    handoff: ['Technology: please investigate; device, app version and screenshots attached.'],
    finding: ['SMS provider outage delayed codes; switched to the backup provider.'],
    resolution: ['Hi {customer}, the verification codes were delayed by an outage at our SMS provider. That is fixed now – please request a new code and try again.'],
    ask: ['Hi {customer}, which phone model, OS version and app version are you using? A screenshot of the error would help.'],
    answer: ['Pixel 8, Android 15, latest app. Screenshot attached.'],
    reopen: ['I tried again as you said and it is still the same.'],
  },
  safety: {
    handoff: ['URGENT – safety incident escalated to management; quality to quarantine the batch.', 'URGENT – management to contact the customer within 30 minutes; quality to start a batch investigation.'],
    finding: ['Management: product collected for independent testing; batch pulled from sale.', 'Quality: batch quarantined; supplier notified; recall assessment started. Medical costs approved.'],
    resolution: ['Hi {customer}, independent testing confirmed a safety defect. We have refunded you in full, will cover your medical and property costs, and pulled the batch from sale. We are deeply sorry.', 'Hi {customer}, our investigation is complete and a recall is under way. All your costs are covered and a dedicated manager will stay in touch.'],
    ask: ['Hi {customer}, first of all – are you and your family safe? Please stop using the product and keep it. Photos and any medical report would help us act quickly.'],
    answer: ["We are OK now. Photos and the doctor's report are attached; I kept the product."],
    reopen: ['Nobody has contacted me about the compensation you promised.'],
  },
  other: {
    handoff: ['Customer service: please check the policy and advise.'],
    finding: ['Checked the policy: the change was not announced as required.'],
    resolution: ['Hi {customer}, this is sorted now. Thank you for the feedback – it helps us improve.'],
    ask: ['Hi {customer}, could you give us your membership number or the phone number on the account?'],
    answer: ['It is the phone number on this account.'],
    reopen: ['This is not actually solved, please look again.'],
  },
};

export const SCRIPTS: Record<Lang, Record<Category, CategoryScript>> = { zh: ZH_SCRIPTS, en: EN_SCRIPTS };

/** Conversation pieces that do not depend on the category. */
export const PHRASES = {
  zh: {
    ack: ['{customer}您好，我是客服{agent}，已收到您的反馈，非常抱歉给您带来不便。这个问题由我全程跟进，有进展会第一时间通知您。', '{customer}您好，您反映的问题我们已经登记并在加急处理，请您稍等，我会尽快给您答复。'],
    ackUrgent: ['{customer}您好，我是客服{agent}。首先请确认您和家人是否安全！请立即停止使用并断开电源，保留好实物。此事已按紧急事件升级处理，管理层会在 30 分钟内与您联系。'],
    ackPhone: ['已为您登记投诉，工单号稍后短信发送给您，我们会在承诺时间内回复。'],
    handoffNotice: ['{customer}您好，您的问题已转交相关部门核查，我们会在 2 小时内给您回复进展。'],
    confirm: ['已经收到了，谢谢你们的处理。', '问题解决了，态度还不错，谢谢。', '好的，确认没问题了。'],
    reopenReply: ['{customer}您好，非常抱歉问题反复出现，已重新为您开启处理，我会亲自跟进直到问题解决。'],
    followUp: '{customer}您好，已再次与相关部门核实并落实到位，这次我会持续跟进确认，给您带来的反复困扰深表歉意。',
    escalationAck: ['{customer}您好，非常理解您的心情，您的投诉已升级为重点处理，由主管亲自跟进。'],
    noReplyClose: '已解决 72 小时未收到客户回复，按流程结案',
    cancel: ['重复提交，已合并到客户之前的投诉中处理', '客户来电表示问题已自行解决，撤回投诉', '无效信息（广告推广），不属于投诉'],
    reclassify: '人工复核分类',
    escalate: '客户提出投诉升级（12315 / 法律 / 媒体）',
    notes: ['客户情绪比较激动，注意沟通语气。', '已电话联系客户说明处理进度，客户表示理解。', '同类问题本周已出现多起，建议纳入质量周报。'],
  },
  en: {
    ack: ['Hi {customer}, this is {agent} from customer care. I am sorry about this – I have taken ownership of your case and will update you as soon as I know more.', 'Hi {customer}, thank you for letting us know. Your case is logged and being looked at now.'],
    ackUrgent: ['Hi {customer}, this is {agent}. First, are you and everyone around you safe? Please stop using the product, unplug it and keep it aside. This has been escalated as an urgent safety case; a manager will call you within 30 minutes.'],
    ackPhone: ['Logged your complaint during the call; you will receive the case number by SMS.'],
    handoffNotice: ['Hi {customer}, I have passed your case to the responsible team and will update you within 2 hours.'],
    confirm: ['Received, thanks for sorting this out.', 'All good now, thank you.', 'Confirmed, you can close this.'],
    reopenReply: ['Hi {customer}, I am sorry this is not resolved. I have reopened your case and will personally see it through.'],
    followUp: 'Hi {customer}, I went back to the team and this is now properly done – I checked it myself. Sorry it took a second round.',
    escalationAck: ['Hi {customer}, I understand your frustration. Your case is now escalated and a supervisor is following it personally.'],
    noReplyClose: 'No reply from the customer 72 h after resolution; closed per policy',
    cancel: ['Duplicate submission; merged into the customer\'s earlier case', 'Customer withdrew the complaint – issue resolved on their side', 'Spam / advertising, not a complaint'],
    reclassify: 'Manual review of the classification',
    escalate: 'Customer threatened escalation (regulator / legal / media)',
    notes: ['Customer is upset, keep the tone calm.', 'Called the customer with a progress update; they are fine to wait.', 'Seen several of these this week – flag for the weekly quality review.'],
  },
} as const;

/** Couriers and cities the stories mention. */
export const COURIERS: Record<Lang, string[]> = {
  zh: ['顺丰', '中通', '圆通', '京东物流', '韵达', '申通'],
  en: ['SF Express', 'ZTO Express', 'YTO Express', 'JD Logistics', 'DHL'],
};
export const CITIES: Record<Lang, string[]> = {
  zh: ['杭州', '成都', '武汉', '广州', '西安', '南京', '苏州', '郑州', '长沙', '上海'],
  en: ['Shanghai', 'Shenzhen', 'Hangzhou', 'Guangzhou', 'Beijing', 'Chengdu'],
};

/** Replaces `{name}` placeholders; unknown names are left as they are. */
export function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}
