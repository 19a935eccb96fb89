/**
 * The small phrase book the data generator and the intake benchmark draw complaint texts
 * from: Chinese and English, per category, so trigram text search has real work to do.
 * SEARCH_WORDS are guaranteed to occur in the generated texts.
 */
import type { Category } from '../src/modules/complaints/taxonomy.js';

export interface CategoryPhrases {
  subjectZh: string[];
  subjectEn: string[];
  detailZh: string[];
  detailEn: string[];
}

export const PHRASES: Record<Category, CategoryPhrases> = {
  logistics: {
    subjectZh: ['快递三天没有更新物流信息', '包裹显示已签收但我没有收到', '快递员没有按预约时间送货', '收货地址被改错了', '外包装破损，商品在运输中损坏', '物流一直卡在中转站'],
    subjectEn: ['Parcel stuck in transit for a week', 'Tracking says delivered but nothing arrived', 'Courier missed the delivery appointment', 'Delivery sent to the wrong address', 'Box crushed and item damaged in transit', 'Delivery is late again'],
    detailZh: ['我下单后快递一直没有动静，物流信息停在同一个站点。', '快递员打电话说放在门口，但我回家什么都没看到。', '约好周六上午送货，我在家等了一整天也没人来。', '收到的时候箱子已经压扁了，里面的东西也破损了。', '客服说已经催了快递，可是到现在还是没有消息。', '这是我第二次遇到配送延迟，希望尽快处理。'],
    detailEn: ['The tracking page has not changed for days and the courier does not answer.', 'The driver marked the parcel as delivered, but it was never left at my door.', 'I waited at home all day for the delivery appointment and nobody came.', 'The box arrived crushed and the item inside was damaged in transit.', 'Support told me the courier would call back, but nobody did.', 'This is the second late delivery this month and I need it resolved.'],
  },
  product_quality: {
    subjectZh: ['商品收到就是坏的', '用了两天就出现故障', '实物与描述严重不符', '食品还在保质期内就变质了', '怀疑买到了假货', '做工粗糙，质量太差'],
    subjectEn: ['Product arrived defective', 'Stopped working after two days', 'Item not as described', 'Food spoiled before the expiry date', 'I suspect this is a counterfeit', 'Poor workmanship and bad quality'],
    detailZh: ['开箱后发现屏幕有裂痕，根本无法正常使用。', '充电器用了两天就不能充电了，质量太差。', '页面上写的是纯棉，收到的明显是化纤材质。', '牛奶还没过期就已经结块发酸，孩子喝了不舒服。', '包装和防伪码都和官方不一样，我怀疑是假货，要求退款。', '希望能换一个新的，或者给我退款。'],
    detailEn: ['The screen was cracked when I opened the box and it does not turn on.', 'The charger stopped working after two days of normal use.', 'The listing said solid wood, but what arrived is cheap particle board.', 'The milk was sour and lumpy well before the expiry date.', 'The serial number does not match the brand website, it looks counterfeit.', 'I would like a replacement or a full refund.'],
  },
  refund: {
    subjectZh: ['退款一直没有到账', '退货申请被拒绝', '只退了部分款项', '取消订单后没有退款', '退款审核太慢', '承诺的无理由退货没有兑现'],
    subjectEn: ['Refund not received', 'Return request rejected', 'Only a partial refund was issued', 'Order cancelled but no refund', 'Refund review is taking forever', 'Money-back guarantee not honoured'],
    detailZh: ['退货已经寄回十天了，退款还是没有到账。', '我按要求拍了照片，退货申请还是被驳回了。', '订单金额是全额支付的，退款只退了一半。', '下单当天就取消了订单，到现在还没退款。', '客服每次都说退款在审核中，请给一个明确的时间。', '请尽快把退款退回原支付账户。'],
    detailEn: ['I shipped the return ten days ago and the refund has still not arrived.', 'I sent all the photos you asked for and the return was still rejected.', 'I paid in full but the refund only covered half of the amount.', 'I cancelled the order the same day and never got a refund.', 'Every time I call I am told the refund is under review.', 'Please send the refund back to my original payment method.'],
  },
  billing: {
    subjectZh: ['同一笔订单被重复扣费', '优惠券没有生效', '支付失败但钱被扣了', '自动续费没有提前通知', '发票开错了', '实际价格和页面价格不一致'],
    subjectEn: ['Charged twice for one order', 'Coupon was not applied', 'Payment failed but money was taken', 'Unwanted automatic renewal', 'Wrong invoice issued', 'Price at checkout differs from the listing'],
    detailZh: ['银行卡上显示同一笔订单扣费了两次，请退还多扣的钱。', '结算时优惠券明明显示可用，付款后却没有抵扣。', '页面提示支付失败，但是银行已经扣款了，要求退款。', '会员到期后被自动续费，之前没有任何提醒。', '发票抬头和税号都开错了，需要重新开具。', '商品页面标价和实际扣费金额不一样。'],
    detailEn: ['My card statement shows the same order charged twice, please refund the extra charge.', 'The coupon showed as valid at checkout but was not applied to the payment.', 'The app said the payment failed, yet the money was taken from my account.', 'My membership renewed automatically without any reminder and I was charged.', 'The company name and tax number on the invoice are wrong.', 'I was charged more than the price shown on the product page.'],
  },
  service_attitude: {
    subjectZh: ['客服态度恶劣', '承诺回电却一直没有回复', '热线等待时间太长', '在几个部门之间被推来推去', '门店员工不耐烦', '投诉后没有人跟进'],
    subjectEn: ['Rude customer service agent', 'Promised callback never came', 'Hotline wait time is far too long', 'Passed between departments', 'Store staff were impatient', 'Nobody followed up on my complaint'],
    detailZh: ['客服说话很不耐烦，还直接挂了我的电话。', '三天前客服答应当天回电，到现在都没有人联系我。', '打热线排队等了四十分钟才有人接听。', '每个部门都说不归他们管，让我找另一个部门。', '门店员工对我的问题爱答不理，态度很差。', '希望公司重视服务质量，给我一个说法。'],
    detailEn: ['The agent was rude and hung up on me in the middle of the call.', 'I was promised a callback three days ago and nobody has called.', 'I waited forty minutes on the hotline before anyone answered.', 'Every department told me it was not their job and sent me elsewhere.', 'The store staff ignored my questions and were very impatient.', 'I expect a proper apology and an answer.'],
  },
  technical: {
    subjectZh: ['App无法登录', '收不到验证码', '付款页面一直报错', '账户被盗刷', '网站打不开', '订单页面显示异常'],
    subjectEn: ['Cannot log in to the app', 'Verification code never arrives', 'Checkout page keeps showing an error', 'My account was taken over', 'Website does not load', 'Order page shows wrong data'],
    detailZh: ['更新版本后App一直闪退，无法登录账户。', '换了好几次手机号都收不到短信验证码。', '提交订单时页面提示系统错误，试了很多次都不行。', '账户里出现了我没有操作过的订单，怀疑被盗号了。', '网站在电脑和手机上都打不开。', '请技术部门尽快修复这个问题。'],
    detailEn: ['Since the last update the app crashes and I cannot log in.', 'The verification code SMS never arrives, whatever number I use.', 'Checkout fails with a system error every time I try to pay.', 'There are orders in my account that I never made, someone took it over.', 'The website does not load on my laptop or my phone.', 'Please ask your technical team to fix this quickly.'],
  },
  safety: {
    subjectZh: ['充电器冒烟起火', '产品导致皮肤过敏', '儿童玩具零件脱落有窒息风险', '电器漏电被电击', '食品中发现异物', '热水壶烫伤'],
    subjectEn: ['Charger caught fire', 'Allergic reaction to the product', 'Toy part came loose, choking hazard', 'Electric shock from the appliance', 'Foreign object found in food', 'Kettle caused a burn'],
    detailZh: ['充电器在充电时突然冒烟，插座都烧黑了，非常危险。', '使用面霜后脸上起了大片红疹，已经去医院看了。', '孩子的玩具小零件掉下来，差点被吞下去。', '碰到洗衣机外壳被电了一下，家里有老人孩子很担心。', '吃饭的时候在食品里吃到了金属碎片。', '请立即处理，并召回有问题的产品。'],
    detailEn: ['The charger started smoking while charging and scorched the socket.', 'I broke out in a rash after using the cream and had to see a doctor.', 'A small part came off my child\'s toy and he almost swallowed it.', 'I got an electric shock touching the washing machine.', 'I found a piece of metal in the food while eating.', 'Please act immediately and recall the unsafe product.'],
  },
  other: {
    subjectZh: ['会员积分消失了', '活动规则说明不清楚', '想修改订单信息', '建议增加夜间客服', '门店营业时间与网上不符', '咨询无果转为投诉'],
    subjectEn: ['Loyalty points disappeared', 'Promotion rules are unclear', 'Need to change my order details', 'Please add night-time support', 'Store opening hours are wrong online', 'Question unanswered, filing a complaint'],
    detailZh: ['账户里的会员积分突然清零了，没有任何通知。', '活动页面的规则前后矛盾，客服也解释不清。', '下单后想修改收货时间，但是找不到入口。', '晚上遇到问题找不到客服，希望增加夜间服务。', '网上写门店九点开门，去了才发现十点才营业。', '希望尽快给我答复。'],
    detailEn: ['All my loyalty points vanished from my account without notice.', 'The promotion page contradicts itself and support could not explain it.', 'I want to change the delivery time but cannot find where to do it.', 'There is no support at night when I need it most.', 'The website says the store opens at nine, it opened at ten.', 'Please get back to me soon.'],
  },
};

export const CLOSING_ZH = ['谢谢。', '麻烦尽快处理。', '如果再不解决我会向12315投诉。', '这已经严重影响了我的生活。', '期待你们的回复。', '订单金额不小，请重视。'];
export const CLOSING_EN = ['Thank you.', 'Please sort this out quickly.', 'If this is not fixed I will contact consumer protection.', 'This has really disrupted my week.', 'Looking forward to your reply.', 'It was not a small amount of money.'];

export const REPLY_ZH = ['您好，非常抱歉给您带来不便，我们已经在核实处理。', '您好，已为您登记并转交相关部门，请耐心等待。', '感谢反馈，我们会在今天内给您答复。', '已经为您加急处理，有进展会第一时间通知您。'];
export const REPLY_EN = ['Hello, we are sorry for the trouble and are looking into it now.', 'We have logged your case and passed it to the right team.', 'Thanks for letting us know, you will hear from us today.', 'We have escalated your case and will update you as soon as we can.'];
export const ASK_ZH = ['麻烦提供一下商品照片和订单截图。', '请确认一下您的收货地址和联系电话。', '请提供银行扣款记录的截图，方便我们核实。'];
export const ASK_EN = ['Could you send us photos of the item and the order?', 'Please confirm your delivery address and phone number.', 'Please send a screenshot of the bank statement so we can check.'];
export const CUSTOMER_ZH = ['照片已经上传了，请查收。', '地址没有问题，电话也是对的。', '截图发过去了，请尽快处理。'];
export const CUSTOMER_EN = ['I have uploaded the photos.', 'The address and phone number are correct.', 'Screenshot attached, please hurry.'];
export const NOTE_ZH = ['已联系仓库核实，确认是发货问题。', '财务已审批退款，预计三个工作日到账。', '质检确认批次存在问题。'];
export const NOTE_EN = ['Checked with the warehouse: a dispatch error on our side.', 'Finance approved the refund, expect it within three working days.', 'QA confirmed a problem with this batch.'];

export const CUSTOMER_NAMES_ZH = { surnames: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'], given: ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '晓东', '雪', '婷', '鹏', '浩', '欣', '宇'] };
export const CUSTOMER_NAMES_EN = { first: ['James', 'Mary', 'John', 'Linda', 'David', 'Susan', 'Michael', 'Karen', 'Daniel', 'Emma', 'Chris', 'Olivia', 'Paul', 'Sophie', 'Mark', 'Grace', 'Kevin', 'Lucy', 'Brian', 'Anna', 'Tom', 'Julia', 'Peter', 'Alice', 'Sam'], last: ['Smith', 'Brown', 'Wilson', 'Taylor', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Moore', 'Wood', 'Evans', 'Reed', 'Cook', 'Bell', 'Ward', 'Price', 'Gray'] };
export const PRODUCTS = ['无线耳机', '电饭煲', '运动鞋', '保温杯', '洗衣液', '婴儿奶粉', '机械键盘', 'Air fryer', 'Phone case', 'Running shoes', 'Desk lamp', 'Coffee beans'];

/** Words the text-search benchmark looks for; each occurs in the phrase book above. */
export const SEARCH_WORDS = {
  zh: ['退款', '快递', '质量', '客服', '扣费', '发票', '破损', '登录'],
  en: ['refund', 'delivery', 'damaged', 'charged', 'rude', 'log in', 'invoice', 'courier'],
};
