import { beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, customerTurns } from './body.js';
import { classify, loadClassifier } from './classifier.js';
import { parseAmounts } from './lexicon.js';
import { normalise } from './segment.js';

beforeAll(() => {
  loadClassifier();
});

const body = (text: string) => complaintBody(normalise(text));

describe('complaintBody: the customer’s own words of an email or web form', () => {
  it('drops greetings, pleasantries, sign-offs and "Sent from my iPhone"', () => {
    expect(body("Hi team,\n\nI hope you're well. The kettle lid won't stay shut.\n\nKind regards,\nSam\n\nSent from my iPhone")).toBe("the kettle lid won't stay shut.");
    expect(body('您好，\n\n电饭煲内胆涂层掉了一大块，煮的饭里有黑渣。\n\n此致\n敬礼\n张先生\n2026年11月12日')).toBe('电饭煲内胆涂层掉了一大块,煮的饭里有黑渣。');
  });
  it('cuts quoted replies', () => {
    expect(body('The refund still has not arrived.\n\nOn Mon, 9 Nov 2026 at 10:02, Care <care@example.com> wrote:\n> We apologise for the inconvenience.')).toBe('the refund still has not arrived.');
    expect(body('退货寄回去两周了，退款还是没到账。\n\n------------------ 原始邮件 ------------------\n发件人: 客服中心\n您好，已为您加急处理。')).toBe('退货寄回去两周了,退款还是没到账。');
    expect(body('The tracking has not moved in a week.\n\nFrom: Support\nSent: Monday\nSubject: Your order')).toBe('the tracking has not moved in a week.');
  });
  it('drops reference numbers, sender fields and the closing request', () => {
    expect(body("I'm writing about order #A-58812. The boots arrived with a split sole.")).toBe("i'm writing about . the boots arrived with a split sole.");
    expect(body('姓名：王女士\n联系电话：138****2290\n订单号：PX2026110577\n投诉类型：请选择\n问题描述：耳机左边没有声音。\n提交时间：2026-11-12 09:31')).toBe('耳机左边没有声音。');
    expect(body('耳机左边没有声音，麻烦尽快核实处理并给我回复，谢谢!')).toBe('耳机左边没有声音,');
  });
  it('keeps the text when too little would be left, and keeps tracking numbers', () => {
    expect(body('Hi,\n\nhelp')).toBe('hi,\n\nhelp');
    expect(body('运单号 SF1402298871305 五天没更新了')).toBe('运单号 sf1402298871305 五天没更新了');
  });
});

describe('customerTurns: the customer\u2019s side of a call transcript or chat log', () => {
  it('keeps the customer turns and drops the agent turns and the labels', () => {
    expect(customerTurns(normalise('客服：您好请问有什么可以帮您 客户：空气炸锅用了两次就不加热了 客服：好的我帮您登记一下'))).toBe('空气炸锅用了两次就不加热了');
    expect(customerTurns(normalise('Agent: Thank you for calling, how can I help? Caller: the heater cord started smoking Agent: Let me look into that.'))).toBe('the heater cord started smoking');
    expect(customerTurns(normalise('Me: where is my order?\nSupport (Dana): it is on its way\nMe: it has been 3 weeks'))).toBe('where is my order?\nit has been 3 weeks');
  });
  it('with customer labels only, drops just the labels; without a customer label, changes nothing', () => {
    expect(customerTurns(normalise('Caller: my card was charged twice'))).toBe('my card was charged twice');
    expect(customerTurns(normalise('客服说：请耐心等待。我等了三天。'))).toBe(normalise('客服说：请耐心等待。我等了三天。'));
    expect(customerTurns(normalise('The agent: rude. Never again.'))).toBe(normalise('The agent: rude. Never again.'));
    expect(customerTurns(normalise('I told the agent to check the order'))).toBe('i told the agent to check the order');
  });
  it('a transcript about a product is not read as a complaint about staff', () => {
    const r = classify('客服：您好请问有什么可以帮您 客户：嗯那个就是我上周买的那个空气炸锅啊然后用了两次就就不加热了 按钮按了也没反应 客服：好的我帮您登记一下');
    expect(r.category).toBe('product_quality');
    expect(classify('Agent: How can I help today? Caller: uh yeah I was charged twice for the same order').category).toBe('billing');
  });
  it('a hazard told by the caller stays urgent', () => {
    expect(classify('Agent: Thank you for calling. Caller: um my son he was using the uh the heater and like the cord just started smoking Agent: Okay.').severity).toBe('urgent');
  });
});

describe('long and framed complaints', () => {
  it('a frame does not move the category or the severity', () => {
    const short = '热水壶把手松了，倒水时整壶开水洒在我腿上，烫起了好几个泡';
    const framed = `您好，\n\n${short}\n\n麻烦尽快核实处理并给我回复，谢谢！\n\n此致\n敬礼\n张先生`;
    expect(classify(framed).category).toBe(classify(short).category);
    expect(classify(framed).severity).toBe('urgent');
    const thread = 'My order arrived with the glass top shattered; the box was crushed on one side.\n\nOn Mon, 9 Nov 2026, Care <care@example.com> wrote:\n> Thank you for contacting us about your refund. We apologise for the inconvenience.';
    expect(classify(thread).category).toBe('logistics');
  });
  it('a hazard in the quoted part still makes the complaint urgent', () => {
    expect(classify('Still nobody has come out!\n\n> On the 12th I wrote: there is a strong smell of gas by the meter.').severity).toBe('urgent');
  });
  it('"fraud" said of a price is not a fraud incident; charges never made still are', () => {
    expect(classify('This is fraud, plain and simple: the ad said $49 and checkout added a $30 "service fee".').severity).toBe('general');
    expect(classify('你们这价格跟诈骗有什么区别？标价299结算变成359。').severity).toBe('general');
    expect(classify('This is fraud: there are two charges on my card I never made.').severity).toBe('urgent');
  });
  it('reads amounts in long texts (16.8万 after 全款, number words, prices after 押金 / 房租)', () => {
    expect(parseAmounts(normalise('提的新车全款16.8万。'))[0]).toBe(168000);
    expect(parseAmounts(normalise('押金3千，房租四千五'))[0]).toBe(4500);
    expect(parseAmounts(normalise("I didn't pay nearly forty thousand dollars for this"))[0]).toBe(40000);
    expect(parseAmounts(normalise('two thousand steps a day'))).toEqual([]);
  });
});
