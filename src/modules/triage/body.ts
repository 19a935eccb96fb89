/**
 * The customer's own words in a normalised complaint text (normalise() of segment.ts): an email or
 * web form without its greeting ("您好，", "Hi team,"), its sign-off ("此致 敬礼 张先生", "Kind regards,
 * Sam", "Sent from my iPhone") and the replies quoted under it ("> …", "On … wrote:", "-----Original
 * Message-----", "——— 客服回复 ———"). The category model and the category cues read this body: on the
 * training corpus's one-paragraph complaints a frame of greeting, sign-off and a quoted "sorry for
 * the inconvenience" reply outweighs the complaint itself (the TF-IDF vector is L2-normalised, so
 * every boilerplate word dilutes the words that matter). The severity cues still read the whole
 * text: a hazard or a fraud described in a quoted earlier message is still urgent.
 */

/** Where a quoted earlier message starts: a line opening with ">", an "On … wrote:" / "在…写道：" line, a forwarded / original-message rule, a "From:" / "发件人：" header, or a "--- 客服回复 ---" style separator. */
const QUOTE_START =
  /\n[ \t]*>|\n[^\n]{0,120}(?:wrote|写道)[ \t]*:[ \t]*(?:\n|$)|\n[ \t]*[-_=—–]{2,}[^\n]{0,40}(?:original message|forwarded message|原始邮件|转发邮件|原邮件|回复|reply|replied|response|wrote)[^\n]{0,40}(?:\n|$)|\n[ \t]*(?:from|发件人)[ \t]*:[^\n]*\n[ \t]*(?:sent|date|to|subject|发送时间|时间|收件人|主题)[ \t]*:/;

/** A sign-off line; it and what follows (a name, a date, a phone number) are dropped when that tail is short. */
const SIGN_OFF =
  /\n[ \t]*(?:此致|敬礼|顺祝商祺|祝好|(?:kind|best|warm|many)? ?regards|best wishes|all the best|(?:yours )?sincerely|yours (?:faithfully|truly)|thanks(?: again| in advance)?|thank you(?: in advance)?|many thanks|cheers|best|发自我的[^\n]{0,20}|sent from my [^\n]{0,30})[ \t]*[,.!!。]?[ \t]*(?=\n|$)/;
const SIGN_OFF_ALL = new RegExp(SIGN_OFF.source, 'g');
const SENT_FROM = /(?:^|\n)[ \t]*(?:sent from my [^\n]{0,30}|发自我的[^\n]{0,20}|get outlook for [^\n]{0,20})[ \t]*(?=\n|$)/g;

/** An opening salutation: "hi team,", "dear sir/madam,", "to whom it may concern:", "您好，", "尊敬的客服：", followed by its punctuation or a line break. */
const GREETING =
  /^\s*(?:(?:hi|hello|hey|dear|greetings)(?:[ \t]+[^\n,.:!?]{1,40})?[ \t]*(?:[,:!]|\n)|to whom it may concern[ \t]*[,:]?|good (?:morning|afternoon|evening)(?:[ \t]+[^\n,.:!?]{1,30})?[ \t]*(?:[,:!]|\n)|(?:您好|你好|尊敬的[^\n,:!。]{1,20}|致[^\n,:!。]{1,24}(?:局|部门|公司|客服|团队|银行|先生|女士|经理|领导|负责人|委员会|中心|平台)|客服(?:您好|你好)?|亲(?:爱的[^\n,:!。]{0,8})?)[ \t]*(?:[,:!。]|\n))/;
/** "I hope you're well." and its kin: no complaint in it. */
const PLEASANTRY =
  /(?<![a-z])(?:i hope (?:you(?:'re| are) (?:well|doing well|keeping well)|this (?:email|message|note) finds you well)|i look forward to (?:hearing from you|your (?:reply|response|answer))(?: soon)?|(?:thank you|thanks) (?:in advance|for your (?:time|help|attention|assistance|understanding))|looking forward to (?:hearing from you|your (?:reply|response)))[.!]?|(?:期待|等待)(?:您|你们)?的?(?:回复|答复|回音)[。!]?|(?:感谢|谢谢)(?:您|你们)?的?(?:理解|支持|帮助|配合|耐心)[。!]?|谢谢配合[。!]?/g;

/**
 * Reference numbers with their label ("order #A-58812", "customer ID 5531208", "booking ref QX7L2P", "订单号 DD2026110388417",
 * "工单号：CS-2026-0932", "卡号尾号 3391"): in the training corpus "account", "customer", "订单" lean to one category each, but
 * a reference says nothing about what went wrong. Tracking / waybill numbers (运单号, 快递单号, "tracking number") stay: they
 * are logistics evidence.
 */
const REFERENCE =
  /(?<![a-z])(?:(?:my|the|your|our) )?(?:order|booking|reservation|case|ticket|reference|ref|account|customer|member(?:ship)?|invoice|policy|contract|claim|complaint|user|client)(?: (?:no\.?|number|num|id|ref(?:erence)?|code))? ?(?:is |was |:|#|- )? ?(?=[a-z0-9-]*[0-9])[a-z0-9][a-z0-9-]{3,}(?![a-z0-9])|(?:订单|工单|投诉单|会员|客户|账户|帐户|账号|帐号|预订|预约|合同|保单|案件|服务单|售后单)(?:编号|号码|号)(?:是|为|:)?\s*[a-z0-9*-]{4,}|卡号?尾号(?:是|为|:)?\s*[0-9*]{3,}/g;

/** A closing request that every complaint shares: "麻烦尽快核实处理并给我回复，谢谢！", "请尽快处理，谢谢". */
const CLOSING_REQUEST =
  /(?:麻烦|请|希望)(?:你们|贵公司|贵司|相关部门)?(?:尽快|尽早|及时|认真)?(?:帮忙|帮我)?(?:核实|核查|查看|调查|处理|解决|跟进){1,3}(?:一下)?(?:[并,、])?(?:尽快)?(?:给我|给予)?(?:一个)?(?:答复|回复)?[,]?(?:谢谢|多谢)?[!。]?(?=\s|$)/g;

/**
 * Web-form fields that identify the sender, not the problem ("姓名：王女士", "联系电话：138…", "Email: …", "Order number: …",
 * "提交时间：…", an unanswered "Topic: Please select"): the line goes. Labels of fields that describe the problem ("问题描述：",
 * "Message:", "Subject:", "诉求：") go, their values stay.
 */
const FORM_FIELD =
  /(?:^|\n)[ \t]*(?:(?:姓名|名字|称呼|联系人|投诉人|联系电话|联系方式|电话|手机|手机号|手机号码|邮箱|电子邮箱|地址|收货地址|订单号|订单编号|会员号|账号|提交时间|投诉时间|时间|日期|身份证号)[ \t]*:[^\n,，。!?！？]{0,60}|(?:name|full name|first name|last name|e-?mail(?: address)?|phone(?: number)?|mobile|tel|telephone|address|postcode|zip(?: code)?|order(?: number| no\.?| id| #)?|account(?: number| no\.?)?|customer (?:number|id)|date|time|submitted(?: on| at)?|preferred contact(?: method)?|contact (?:method|preference)|best time to call)[ \t]*:[^\n,，。!?！？]{0,60}|[^\n:]{1,30}:[ \t]*(?:请选择|--+|n\/a|none|please select|select one|-)[ \t]*)(?=\n|$)/g;
const FIELD_LABEL =
  /(?:^|\n)[ \t]*(?:问题描述|投诉内容|详细描述|具体描述|情况说明|事实与理由|诉求|投诉诉求|期望处理方式|处理要求|主题|标题|message|description|details|your message|comments?|complaint|subject|topic|issue|what happened)[ \t]*:[ \t]*/g;

/**
 * Speaker labels of a call transcript or chat log ("客服：… 客户：…", "Agent: … Caller: …", "坐席: … 来电人: …", "Rep (Dana): …"),
 * matched at the start of the text or after a space, a line break or sentence punctuation: group 1 is the company side, group 2 the
 * customer.
 */
const SPEAKER =
  /(?:^|(?<=[\s。!?,;.)\]]))(?:(客服(?:人员|代表|专员)?|人工客服|在线客服|坐席|座席|话务员|接线员|工作人员|售后|店员|商家|卖家|agent|rep|representative|csr|operator|advisor|adviser|associate|support|staff|seller|store)|(客户|顾客|用户|来电人|来电者|来电客户|消费者|买家|客人|本人|我|caller|customer|client|member|buyer|(?<=(?:^|\n)[ \t]*)me))(?:[ \t]*\([^)\n]{0,20}\))?[ \t]*:/g;

/**
 * The customer's turns of a call transcript or chat log: when the text has both company-side and customer speaker labels, the
 * company's turns ("客服：您好请问有什么可以帮您", "Agent: Let me look into that for you") go, and so do the labels; with customer labels
 * only, just the labels go. Speech-recognition transcripts are mostly the agent's scripted lines by word count, and "客服" / "agent"
 * are service_attitude words in the corpus, so without this a transcript about a broken air fryer reads as a complaint about staff.
 * Text before the first label (a note such as "通话记录 11-03") stays.
 */
export function customerTurns(text: string): string {
  const labels = [...text.matchAll(SPEAKER)];
  if (!labels.some((m) => m[2])) return text;
  const agentTurns = labels.some((m) => m[1]);
  let out = text.slice(0, labels[0]!.index);
  labels.forEach((m, i) => {
    if (agentTurns && m[1]) return;
    const end = i + 1 < labels.length ? labels[i + 1]!.index : text.length;
    out += '\n' + text.slice(m.index + m[0].length, end).trim();
  });
  return letters(out) >= MIN_FINAL_LETTERS ? out.trim() : text;
}

/** Minimum letters (Han characters count as letters) the body must keep; below it the whole text is used. */
const MIN_BODY_LETTERS = 12;
/** What the body must keep in the end (a short web-form description is still the complaint). */
const MIN_FINAL_LETTERS = 4;

const letters = (s: string) => (s.match(/[\p{L}]/gu) ?? []).length;

export function complaintBody(text: string): string {
  let s = ('\n' + customerTurns(text)).replace(FORM_FIELD, '\n').replace(FIELD_LABEL, '\n');
  const q = QUOTE_START.exec(s);
  if (q && letters(s.slice(0, q.index)) >= MIN_BODY_LETTERS) s = s.slice(0, q.index);
  s = s.replace(SENT_FROM, '\n');
  for (const so of s.matchAll(SIGN_OFF_ALL)) {
    if (s.length - so.index - so[0].length > 120) continue;
    if (letters(s.slice(0, so.index)) >= MIN_BODY_LETTERS) s = s.slice(0, so.index);
    break;
  }
  s = s.slice(1);
  const g = GREETING.exec(s);
  if (g && letters(s.slice(g[0].length)) >= MIN_BODY_LETTERS) s = s.slice(g[0].length);
  s = s.replace(PLEASANTRY, ' ').replace(REFERENCE, ' ').replace(CLOSING_REQUEST, ' ').replace(/[ \t]{2,}/g, ' ').trim();
  return letters(s) >= MIN_FINAL_LETTERS ? s : text;
}
