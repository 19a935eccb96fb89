/**
 * Tokenisation for the classifier: Chinese (jieba word segmentation, per sentence), English
 * (lower-case words, light suffix stemming) and mixed text. Total over any input: garbage,
 * emoji, lone surrogates and huge texts give a (possibly empty) result, never an exception.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

/** Only the head of a text is analysed: complaints state their point early, and cost stays bounded. */
export const MAX_ANALYSED_CHARS = 6000;

// ---------------------------------------------------------------------------------------------
// jieba, loaded once (≈170 ms: the dictionary is parsed on first use)

let jieba: Jieba | null = null;
let jiebaFailed = false;

function getJieba(): Jieba | null {
  if (jieba || jiebaFailed) return jieba;
  try {
    const require = createRequire(import.meta.url);
    const mod = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    // The dictionary file itself, read here and dropped once jieba has parsed it: the package's
    // dict.js would also read the 6 MB IDF table (unused here) and keep both in memory for good.
    jieba = mod.Jieba.withDict(fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  } catch {
    // Without the native module Chinese falls back to character bigrams (still usable, less precise).
    jiebaFailed = true;
  }
  return jieba;
}

/** Loads the segmenter now (e.g. at server start) instead of on the first classification. */
export function warmUpSegmenter(): boolean {
  return getJieba() !== null;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

// Traditional → simplified (Taiwan / Hong Kong complaints: 退貨、帳號被盜、信用卡盜刷、觸電、過敏): the characters that differ,
// written for this classifier (about 1,150; every character of the corpus written in Traditional maps back). Only characters that
// are never Simplified text themselves are here; 帳 → 账 (帳號 / 帳單 mean 账号 / 账单, not 帐篷).
const TRAD_PAIRS =
  '貨货 務务 價价 費费 單单 號号 碼码 話话 電电 腦脑 機机 網网 頁页 錯错 誤误 戶户 帳账 賬账 態态 區区 運运 輸输 遞递 達达 遲迟 發发 後后 時时 間间 問问 題题 質质 壞坏 損损 產产 處处 應应 該该 讓让 給给 ' +
  '這这 們们 個个 來来 對对 說说 請请 還还 會会 過过 無无 沒没 與与 為为 麼么 嗎吗 樣样 點点 擊击 錄录 證证 驗验 標标 準准 確确 認认 統统 擬拟 續续 維维 護护 實实 際际 帶带 開开 關关 閉闭 燒烧 煙烟 觸触 ' +
  '傷伤 療疗 醫医 藥药 險险 隱隐 檢检 舉举 詐诈 騙骗 盜盗 竊窃 轉转 購购 買买 賣卖 場场 據据 記记 訴诉 訟讼 師师 體体 聞闻 駡骂 罵骂 諷讽 視视 員员 廳厅 櫃柜 臺台 檯台 經经 權权 響响 親亲 愛爱 寶宝 紅红 ' +
  '綠绿 藍蓝 黃黄 東东 車车 輛辆 駕驾 駛驶 鐵铁 鋼钢 銀银 錢钱 萬万 億亿 絕绝 計计 劃划 優优 劵券 餘余 額额 預预 約约 訂订 補补 償偿 換换 數数 庫库 聯联 繫系 絡络 係系 進进 遠远 選选 擇择 鍵键 盤盘 螢萤 ' +
  '顯显 線线 團团 隊队 層层 級级 節节 專专 業业 術术 語语 歷历 復复 複复 雜杂 鬧闹 鐘钟 麵面 飯饭 館馆 飲饮 廚厨 衛卫 雞鸡 鴨鸭 魚鱼 蝦虾 蟲虫 燙烫 氣气 閃闪 當当 爍烁 儲储 資资 訊讯 傳传 郵邮 遺遗 丟丢 ' +
  '掃扫 規规 則则 讀读 書书 寫写 舊旧 鮮鲜 變变 黴霉 滅灭 災灾 難难 惡恶 罰罚 擔担 責责 負负 義义 報报 狀状 況况 總总 結结 憤愤 惱恼 煩烦 擾扰 騷骚 廣广 販贩 贈赠 獎奖 勵励 領领 導导 連连 設设 備备 裝装 ' +
  '飾饰 樂乐 興兴 奮奋 戲戏 劇剧 廂厢 門门 鎖锁 鑰钥 啟启 嚴严 緊紧 糾纠 紛纷 協协 監监 執执 詢询 覆复 饋馈 評评 論论 討讨 賠赔 強强 馬马 龍龙 屬属 將将 從从 雖虽 爭争 議议 儘尽 盡尽 拋抛 棄弃 鬆松 緩缓 ' +
  '廢废 殘残 壓压 擠挤 摺折 斷断 滲渗 濕湿 乾干 髒脏 亂乱 爛烂 臟脏 膚肤 癢痒 腫肿 嘔呕 瀉泻 腸肠 頭头 髮发 臉脸 衝冲 剎刹 輪轮 軟软 紀纪 雲云 載载 鏈链 陸陆 歲岁 孫孙 兒儿 媽妈 爺爷 嬰婴 齡龄 壽寿 詳详 ' +
  '細细 鄰邻 縣县 鄉乡 鎮镇 莊庄 寧宁 濟济 勞劳 貼贴 項项 積积 獲获 勝胜 敗败 鬥斗 辦办 蓋盖 簽签 証证 顧顾 倉仓 櫥橱 攤摊 鋪铺 樓楼 廈厦 漲涨 貴贵 賺赚 虧亏 幣币 贖赎 貸贷 債债 繳缴 納纳 稅税 銷销 鈔钞 ' +
  '餓饿 飽饱 噁恶 吳吴 劉刘 陳陈 張张 楊杨 趙赵 週周 兩两 幾几 説说 現现 裡里 裏里 動动 筆笔 塊块 別别 邊边 熱热 內内 營营 條条 課课 卻却 聲声 滿满 試试 並并 凍冻 綁绑 幫帮 剛刚 調调 識识 國国 頻频 騎骑 ' +
  '聽听 嚇吓 稱称 註注 遊游 掛挂 學学 異异 禮礼 風风 殼壳 圖图 離离 長长 覺觉 腳脚 懷怀 減减 趕赶 見见 紙纸 陽阳 構构 諾诺 籤签 錶表 冊册 彈弹 壺壶 謝谢 燈灯 誰谁 諮咨 測测 絲丝 廠厂 寬宽 種种 環环 診诊 ' +
  '湯汤 縫缝 靈灵 鑑鉴 鑒鉴 暈晕 飛飞 牆墙 涼凉 製制 絨绒 繼继 鏡镜 審审 參参 窮穷 繞绕 簡简 歸归 餅饼 鍋锅 灑洒 練练 啓启 傢家 順顺 決决 縮缩 膠胶 牀床 溫温 紋纹 雙双 殺杀 針针 燻熏 堅坚 厲厉 夾夹 顆颗 ' +
  '須须 豐丰 顏颜 違违 覽览 潰溃 濺溅 墊垫 組组 園园 譜谱 儀仪 於于 攬揽 偽伪 僞伪 滾滚 純纯 駁驳 隻只 釋释 夠够 願愿 陰阴 瀏浏 欄栏 圍围 眾众 衆众 職职 嚥咽 溼湿 枱台 虛虚 脫脱 葉叶 閥阀 隨随 佈布 鑽钻 ' +
  '佔占 攢攒 憑凭 財财 嚨咙 階阶 脹胀 刪删 織织 鈕钮 爐炉 劑剂 纖纤 臨临 閘闸 繩绳 闖闯 唄呗 鈴铃 宮宫 衞卫 兌兑 靜静 膽胆 塗涂 徹彻 簾帘 塵尘 淨净 適适 訓训 僅仅 猶犹 閱阅 閲阅 訪访 勸劝 蘋苹 養养 漿浆 ' +
  '噴喷 竄窜 樁桩 釐厘 磚砖 遷迁 礙碍 擋挡 糧粮 釦扣 曬晒 揀拣 撿捡 鳥鸟 貓猫 輔辅 頓顿 滯滞 畫画 豎竖 慶庆 鏽锈 銹锈 紗纱 鉸铰 驅驱 勁劲 闆板 摳抠 撲扑 搶抢 霧雾 擰拧 噠哒 峯峰 顛颠 麪面 桿杆 汙污 漬渍 ' +
  '褲裤 齒齿 妝妆 摻掺 憐怜 滌涤 習习 慣惯 噸吨 匯汇 彙汇 幹干 諉诿 農农 溝沟 鍾钟 墜坠 齦龈 傾倾 纜缆 悶闷 臥卧 彎弯 側侧 賽赛 潔洁 銅铜 緣缘 鋒锋 類类 餃饺 鬚须 鬍胡 襯衬 餡馅 檔档 湊凑 賃赁 績绩 頸颈 ' +
  '擴扩 賓宾 薦荐 贊赞 讚赞 礦矿 淺浅 談谈 釘钉 槍枪 膩腻 聾聋 輩辈 瘋疯 菸烟 範范 跡迹 蹟迹 攝摄 濃浓 寵宠 誌志 牽牵 託托 啞哑 蠔蚝 懸悬 蒼苍 蠅蝇 尷尴 尶尴 華华 渾浑 貶贬 搖摇 撥拨 棟栋 醬酱 藝艺 擺摆 ' +
  '撓挠 淚泪 閒闲 創创 騰腾 颳刮 終终 極极 廁厕 誅诛 兇凶 頂顶 灘滩 懇恳 礎础 暢畅 編编 肅肃 觀观 慮虑 輕轻 暫暂 爾尔 餵喂 彆别 醜丑 洩泄 亞亚 亙亘 許许 詞词 詩诗 諒谅 謊谎 講讲 謠谣 譽誉 貝贝 貢贡 貪贪 ' +
  '貧贫 貿贸 賊贼 賄贿 賭赌 賴赖 贏赢 軍军 軌轨 較较 轎轿 釣钓 鋁铝 閣阁 闊阔 靂雳 饑饥 驚惊 鳴鸣 麥麦 齊齐 圓圆 墳坟 壘垒 壯壮 夢梦 夥伙 奪夺 婦妇 尋寻 島岛 峽峡 嶺岭 彌弥 徑径 徵征 憂忧 懶懒 懼惧 戀恋 ' +
  '戰战 擁拥 攔拦 攜携 晝昼 晉晋 曉晓 曆历 朧胧 樹树 橋桥 歡欢 毀毁 漢汉 滬沪 漁渔 濫滥 灣湾 烏乌 獨独 獻献 瑪玛 畢毕 疊叠 瘡疮 皺皱 盞盏 睏困 矯矫 禍祸 禱祷 穩稳 窩窝 競竞 築筑 籃篮 籌筹 籠笼 綜综 纏缠 ' +
  '聖圣 聰聪 脅胁 艙舱 艱艰 薩萨 蘇苏 蘭兰 蠟蜡 襪袜 詭诡 誇夸 誕诞 誠诚 誘诱 諸诸 謀谋 謂谓 謹谨 譯译 豈岂 豬猪 貫贯 賀贺 賜赐 賞赏 賦赋 躍跃 蹤踪 軀躯 軸轴 辭辞 邁迈 釀酿 鉤钩 鍍镀 鐲镯 閑闲 陣阵 韓韩 ' +
  '頑顽 頗颇 飄飘 飢饥 駐驻 驕骄 驟骤 魯鲁 鮑鲍 鯊鲨 鳳凤 鴿鸽 鵝鹅 鹽盐 麗丽 黨党 鼕冬 齣出 龜龟 擱搁 撐撑 摟搂 撈捞 撫抚 攪搅 揚扬 搗捣 擲掷 攏拢 攙搀 癥症 瘓痪 瘧疟 癱瘫 瘍疡 癒愈 癮瘾 罈坛 壇坛 嘗尝 ' +
  '嚐尝 嗆呛 嘆叹 嘩哗 嘯啸 噥哝 嚀咛 囉啰 囑嘱 喚唤 喪丧 喬乔 嗶哔 噹当 嚮向 堯尧 墮堕 墾垦 壩坝 奧奥 妳你 娛娱 婁娄 嫵妩 嬌娇 嬸婶 孌娈 孿孪 寢寝 屆届 屍尸 屜屉 嶄崭 幟帜 廟庙 廬庐 弒弑 彥彦 徠徕 恆恒 ' +
  '悅悦 惻恻 慚惭 慘惨 慪怄 憊惫 憲宪 懲惩 懺忏 戇戆 挾挟 捨舍 掄抡 揮挥 搾榨 摯挚 撻挞 擷撷 擻擞 敵敌 斂敛 斃毙 暉晖 曖暧 曠旷 朮术 棧栈 棲栖 楓枫 槓杠 橫横 檸柠 櫻樱 歐欧 殯殡 毆殴 氈毡 氫氢 沖冲 涇泾 ' +
  '淒凄 淪沦 淵渊 渦涡 湧涌 滷卤 滸浒 漚沤 潑泼 潤润 澀涩 澇涝 澤泽 濁浊 濾滤 瀝沥 瀰弥 灤滦 烴烃 煉炼 煒炜 燉炖 燜焖 燦灿 燭烛 燴烩 牘牍 犢犊 狹狭 獄狱 獅狮 獰狞 獸兽 璽玺 瓊琼 甕瓮 甦苏 畝亩 疇畴 痠酸 ' +
  '痺痹 盧卢 睜睁 瞞瞒 矚瞩 礬矾 祿禄 禪禅 稟禀 稜棱 穌稣 窪洼 窯窑 竅窍 筍笋 箋笺 篩筛 簍篓 籬篱 粵粤 糞粪 糰团 紮扎 絃弦 絆绊 絞绞 綑捆 綫线 緒绪 緞缎 緯纬 縱纵 繃绷 繡绣 罌罂 羅罗 翹翘 耬耧 聳耸 脈脉 ' +
  '臍脐 艷艳 艶艳 芻刍 莖茎 莢荚 萊莱 葷荤 蒞莅 蓮莲 蔔卜 蕎荞 蕭萧 薑姜 薺荠 蘆芦 蘊蕴 虜虏 蝕蚀 螞蚂 蟻蚁 蠶蚕 衊蔑 衚胡 袞衮 裊袅 褸褛 覓觅 訝讶 詛诅 誹诽 諱讳 謎谜 譁哗 譏讥 讒谗 貞贞 賒赊 贓赃 趨趋 ' +
  '踐践 蹣蹒 躪躏 軒轩 輒辄 輻辐 轄辖 轟轰 辯辩 迴回 邏逻 郟郏 醞酝 鈍钝 鈣钙 鈦钛 鉀钾 鉛铅 鉗钳 銳锐 銻锑 鋸锯 錘锤 錫锡 鍊炼 鍛锻 鎊镑 鎳镍 鏟铲 鐮镰 鑄铸 鑼锣 閩闽 閻阎 闡阐 隴陇 雋隽 霽霁 韋韦 韌韧 ' +
  '頃顷 頌颂 頒颁 頰颊 頹颓 顫颤 颯飒 飼饲 餌饵 餛馄 餞饯 餿馊 饅馒 饒饶 駝驼 騾骡 驢驴 驪骊 骯肮 髏髅 鬱郁 魷鱿 鯉鲤 鯨鲸 鰻鳗 鱷鳄 鴉鸦 鵡鹉 鶴鹤 鷹鹰 麩麸 鼴鼹 齋斋 齜龇 齟龃 齪龊';
const TRAD_MAP = new Map<string, string>();
for (const pair of TRAD_PAIRS.split(' ')) TRAD_MAP.set(pair[0]!, pair[1]!);
/** Characters that are Simplified too, with another meaning (著名, 瞭望): converted only in a text that is Traditional already. */
const TRAD_CONTEXT_MAP = new Map([
  ['著', '着'],
  ['瞭', '了'],
]);
/** How many Traditional-only characters make a text Traditional (one alone can be a name or a typo). */
const TRADITIONAL_MIN_CHARS = 2;

/**
 * Taiwan / Hong Kong words where mainland complaints, and so the lexicon and the model, use another word (after character
 * conversion): 登入 → 登录, 簡訊 → 短信, 網路 → 网络, 品質 → 质量, 客訴 → 投诉, 退費 → 退款, 冷氣 → 空调, 瓦斯 → 燃气, 行動電源 → 充电宝…
 * Applied only to a text written in Traditional characters. Longer words first.
 */
const REGIONAL_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['应用程式', '应用'], ['行动电源', '充电宝'], ['行动网路', '移动网络'], ['行动电话', '手机'], ['记忆体', '内存'], ['伺服器', '服务器'], ['折价券', '优惠券'], ['计程车', '出租车'], ['外送员', '外卖员'],
  ['延长线', '插线板'], ['冷气机', '空调'], ['手提电话', '手机'], ['数据机', '光猫'],
  ['登入', '登录'], ['登出', '退出'], ['网路', '网络'], ['软体', '软件'], ['硬体', '硬件'], ['程式', '程序'], ['简讯', '短信'], ['讯息', '信息'], ['资讯', '信息'],
  ['影片', '视频'], ['萤幕', '屏幕'], ['荧幕', '屏幕'], ['滑鼠', '鼠标'], ['当机', '死机'], ['预设', '默认'], ['设定', '设置'], ['档案', '文件'], ['电邮', '邮件'], ['装置', '设备'], ['开启', '打开'], ['讯号', '信号'], ['宽频', '宽带'],
  ['客诉', '投诉'], ['退费', '退款'], ['宅配', '快递'], ['速递', '快递'], ['超商', '便利店'], ['店家', '商家'], ['厂商', '厂家'], ['门市', '门店'], ['品质', '质量'],
  ['储值', '充值'], ['点数', '积分'], ['免运', '包邮'], ['外送', '外卖'], ['冷气', '空调'], ['塑胶', '塑料'], ['瓦斯', '燃气'], ['捷运', '地铁'], ['专线', '热线'],
  ['的士', '出租车'], ['雪柜', '冰箱'], ['火牛', '充电器'], ['插苏', '插头'], ['拖板', '插线板'],
];
/** Written Cantonese (Hong Kong): its function words → Mandarin, in a text that has at least one of them. */
const CANTONESE_MARK = /[嘅咗冇佢喺啲嘢哋嚟]|唔(?:系|好|该|能|可以|会|使|识|知|见|到|得|理|俾|畀|收|退|肯)/;
const CANTONESE_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['唔系', '不是'], ['系咪', '是不是'], ['点解', '为什么'], ['乜嘢', '什么'], ['边个', '谁'], ['佢哋', '他们'], ['我哋', '我们'], ['你哋', '你们'],
  ['冇', '没有'], ['唔', '不'], ['嘅', '的'], ['咗', '了'], ['佢', '他'], ['喺', '在'], ['嘢', '东西'], ['啲', '些'], ['搵', '找'], ['揾', '找'],
  ['睇', '看'], ['攞', '拿'], ['畀', '给'], ['俾', '给'], ['乜', '什么'], ['嚟', '来'], ['咁', '这么'], ['哋', '们'],
];
function replaceWords(s: string, words: ReadonlyArray<readonly [string, string]>): string {
  for (const [from, to] of words) if (s.includes(from)) s = s.split(from).join(to);
  return s;
}

/**
 * English as typed in a hurry or transcribed from a call: hesitation fillers (um, uh, erm, hmm; "you know" as a filler) and
 * stuttered repeats ("my my card", "the the") go; SMS spellings and common misspellings become the words the lexicon and the
 * model know ("u" → you, "pls" → please, "acct" → account, "recieved" → received, "refnd" → refund, "didnt" → didn't).
 */
const EN_FILLER = /(?<![a-z0-9'])(?:u+m+|u+h+m*|e+r+m+|h+m+|e+h+m+|m+h+m+)(?![a-z0-9'])[,.]?[ \t]*/g;
const EN_YOU_KNOW =
  /(?<![a-z'])(?<!(?:so|do|did|does|don't|didn't|if|as|let|would|will|to|should|must|may|might|can|could|i want|want) )you know(?![a-z'])(?! (?:what|where|how|why|when|who|whom|which|if|whether|that|about|the|this|my|your|it|him|her|them|us|me))[,]?[ \t]*/g;
const EN_REPEAT = /(?<![a-z0-9'])([a-z]+(?:'[a-z]+)?)(?:[ \t]+\1)+(?![a-z0-9'])/g;
const EN_SPELLING: Record<string, string> = {
  u: 'you', ur: 'your', pls: 'please', plz: 'please', pleez: 'please', thx: 'thanks', thnx: 'thanks', tks: 'thanks', ty: 'thank you',
  acct: 'account', accnt: 'account', acount: 'account', accout: 'account', accont: 'account', acoount: 'account', accoutn: 'account',
  pkg: 'package', pkge: 'package', pakage: 'package', packge: 'package', pacakge: 'package', pckg: 'package', parcle: 'parcel',
  pmt: 'payment', pymt: 'payment', paymnt: 'payment', msg: 'message', msgs: 'messages', txt: 'text', amt: 'amount', b4: 'before',
  bcoz: 'because', bcuz: 'because', cuz: 'because', coz: 'because', becuase: 'because', becasue: 'because', beacuse: 'because',
  govt: 'government', dept: 'department', cust: 'customer', custmer: 'customer', costumer: 'customer', custumer: 'customer', customar: 'customer',
  svc: 'service', servise: 'service', sevice: 'service', pw: 'password', pwd: 'password', passwrd: 'password', pasword: 'password', passowrd: 'password',
  appt: 'appointment', hrs: 'hours', mins: 'minutes', wk: 'week', wks: 'weeks', tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', yday: 'yesterday',
  recieved: 'received', recived: 'received', receieved: 'received', recieve: 'receive', recive: 'receive', recieving: 'receiving', reciept: 'receipt', receit: 'receipt',
  refnd: 'refund', refud: 'refund', refunf: 'refund', refound: 'refund', refuned: 'refunded', refundd: 'refund', reimbursment: 'reimbursement',
  delivary: 'delivery', delivey: 'delivery', delievery: 'delivery', deliverey: 'delivery', delivry: 'delivery', deliverd: 'delivered', delievered: 'delivered', delivred: 'delivered',
  adress: 'address', addres: 'address', cancled: 'cancelled', canceld: 'cancelled', cancle: 'cancel', chargd: 'charged', overchaged: 'overcharged', dubble: 'double',
  dissapointed: 'disappointed', disapointed: 'disappointed', definately: 'definitely', definatly: 'definitely', untill: 'until', wich: 'which',
  alredy: 'already', allready: 'already', ordred: 'ordered', oredered: 'ordered', orderd: 'ordered', stoped: 'stopped', vaccum: 'vacuum', vacum: 'vacuum',
  warrenty: 'warranty', waranty: 'warranty', garantee: 'guarantee', guarentee: 'guarantee', damged: 'damaged', damagd: 'damaged', brokn: 'broken',
  hackd: 'hacked', hackedd: 'hacked', scamed: 'scammed', subscribtion: 'subscription', subcription: 'subscription', subsciption: 'subscription',
  paied: 'paid', payed: 'paid', resturant: 'restaurant', restraunt: 'restaurant', seperate: 'separate', occured: 'occurred', rediculous: 'ridiculous',
  ridiculus: 'ridiculous', wierd: 'weird', arived: 'arrived', arrivd: 'arrived', traking: 'tracking', trackin: 'tracking', shiping: 'shipping', shippment: 'shipment',
  aplication: 'application', teh: 'the', wat: 'what', wen: 'when', tho: 'though', thru: 'through', sth: 'something', smth: 'something',
  cant: "can't", dont: "don't", didnt: "didn't", doesnt: "doesn't", isnt: "isn't", wasnt: "wasn't", arent: "aren't", werent: "weren't",
  havent: "haven't", hasnt: "hasn't", hadnt: "hadn't", couldnt: "couldn't", wouldnt: "wouldn't", shouldnt: "shouldn't", wont: "won't",
};
/** A whole word: not inside another word, a Chinese run (u盘), a path or an abbreviation (u.s., n/a). */
const EN_SPELLING_RE = new RegExp(`(?<![\\p{L}\\p{N}'/.-])(?:${Object.keys(EN_SPELLING).join('|')})(?![\\p{L}\\p{N}'/-]|\\.\\p{L})`, 'gu');

/** English fillers, stuttered repeats, SMS spellings and common misspellings (see EN_SPELLING) of a lower-cased text. */
export function normaliseEnglish(s: string): string {
  if (!/[a-z]/.test(s)) return s;
  return s
    .replace(EN_FILLER, '')
    .replace(EN_YOU_KNOW, '')
    .replace(EN_SPELLING_RE, (w) => EN_SPELLING[w]!)
    .replace(EN_REPEAT, '$1')
    .replace(/(?<=[a-z] )n(?= [a-z])/g, 'and');
}

/** Traditional Chinese (and written Cantonese) → the Simplified, mainland wording the lexicon and the model read. */
export function toSimplified(s: string): string {
  let out = '';
  let traditional = 0;
  for (const ch of s) {
    const m = TRAD_MAP.get(ch);
    if (m !== undefined) traditional++;
    out += m ?? ch;
  }
  if (traditional >= TRADITIONAL_MIN_CHARS) {
    let t = '';
    for (const ch of out) t += TRAD_CONTEXT_MAP.get(ch) ?? ch;
    out = replaceWords(t, REGIONAL_WORDS);
  }
  if (CANTONESE_MARK.test(out)) out = replaceWords(out, CANTONESE_WORDS);
  return out;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Bounded, NFKC-normalised (full-width → ASCII, ￥ → ¥), simplified (toSimplified), lower-cased text with
 * control characters and broken surrogates turned into spaces, English fillers, repeats and misspellings
 * mended (normaliseEnglish).
 */
export function normalise(input: string): string {
  let s = typeof input === 'string' ? input : '';
  if (s.length > MAX_ANALYSED_CHARS) s = s.slice(0, MAX_ANALYSED_CHARS);
  s = s.replace(LONE_SURROGATE, ' ').replace(CONTROL, ' ');
  try {
    s = s.normalize('NFKC');
  } catch {
    /* keep as is */
  }
  const lower = toSimplified(s).toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
  return normaliseEnglish(lower);
}

// ---------------------------------------------------------------------------------------------
// English

const EN_STOP = new Set(
  ('a an the and or but if of to in on at by for from with as is are was were be been being am i me my mine we us our you your ' +
    'he him his she her they them their it its this that these those there here what which who whom whose so than then too very ' +
    'can could would should will shall may might must do does did done have has had having just also about into over after before ' +
    'again once only own same such up down out off any each few more most other some both all because while until where when why how ' +
    'im ive id ill youre theyre thats its dont doesnt didnt wasnt isnt arent werent cant couldnt wont wouldnt hasnt havent hadnt ' +
    'please hi hello dear regards thanks thank sincerely xxxx xx').split(/\s+/),
);

/** Words that flip meaning: kept as features even though they are function words. */
const EN_KEEP = new Set(['no', 'not', 'never', 'nobody', 'nothing', 'without']);

/** A light suffix stemmer: charge/charged/charging/charges → charg; refunds/refunded → refund. */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  let s = w;
  if (s.endsWith("'s")) s = s.slice(0, -2);
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is') && s.length > 3) s = s.slice(0, -1);
  if (s.endsWith('ied') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('ing') && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length > 4) s = s.slice(0, -2);
  else if (s.endsWith('ly') && s.length > 5) s = s.slice(0, -2);
  // stopp → stop, charg(e) → charg
  if (s.length > 3 && s.at(-1) === s.at(-2) && !/[aeiouls]/.test(s.at(-1)!)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  return s;
}

const EN_WORD = /[a-z][a-z0-9']*|[0-9]+(?:[.,][0-9]+)*/g;

function englishTokens(s: string, out: string[]): void {
  for (const m of s.matchAll(EN_WORD)) {
    let w = m[0];
    if (w.endsWith("n't")) {
      out.push('not');
      continue;
    }
    w = w.replace(/'/g, '');
    if (!w) continue;
    if (/^[0-9]/.test(w)) {
      out.push('#num');
      continue;
    }
    if (EN_STOP.has(w) && !EN_KEEP.has(w)) continue;
    if (w.length > 30) continue; // garbage runs
    out.push(stem(w));
  }
}

// ---------------------------------------------------------------------------------------------
// Chinese

const ZH_STOP = new Set(
  '的 了 是 我 你 他 她 它 们 我们 你们 他们 在 也 都 就 和 与 及 或 吧 吗 呢 啊 呀 哦 嗯 么 这 那 这个 那个 一个 有 把 被 给 让 对 于 从 到 又 再 还 很 太 非常 真的 已经 就是 然后 但是 可是 而且 因为 所以 如果 自己 之后 以后 时候 现在 今天 昨天'.split(
    ' ',
  ),
);
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

function zhCut(sentence: string): string[] {
  const j = getJieba();
  if (!j) return [sentence];
  try {
    return j.cut(sentence, true);
  } catch {
    return [sentence];
  }
}

// ---------------------------------------------------------------------------------------------

export type Language = 'zh' | 'en' | 'mixed' | 'unknown';

export interface Segmented {
  /** The normalised, bounded text the cues are matched against. */
  text: string;
  /** Word tokens in order (Chinese words, English stems, '#num'), without stop words. */
  tokens: string[];
  /** Runs of Chinese characters (for character n-grams). */
  hanRuns: string[];
  language: Language;
  hanChars: number;
  latinLetters: number;
  emoji: number;
}

const SENTENCE_SPLIT = /[。！？!?；;\n\r…]+|[,，、：:]\s*|\.(?=\s|$)/;

export function detectLanguage(hanChars: number, latinLetters: number): Language {
  // A Chinese character carries about as much as an English word of ~3 letters.
  const han = hanChars;
  const lat = latinLetters / 3;
  if (han + lat < 1.5) return 'unknown';
  const frac = han / (han + lat);
  if (frac >= 0.8) return 'zh';
  if (frac <= 0.2) return 'en';
  return 'mixed';
}

/** Segments a text already passed through normalise(). */
export function segmentNormalised(text: string): Segmented {
  const tokens: string[] = [];
  const hanRuns: string[] = [];
  let hanChars = 0;
  let latinLetters = 0;
  let emoji = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x61 && c <= 0x7a) latinLetters++;
    else if (c >= 0x3400 && HAN.test(ch)) hanChars++;
    else if (c >= 0x1f000 || (c >= 0x2600 && c <= 0x27bf)) emoji++;
  }
  for (const sentence of text.split(SENTENCE_SPLIT)) {
    if (!sentence) continue;
    if (hanChars > 0 && HAN.test(sentence)) {
      for (const run of sentence.matchAll(HAN_RUN)) hanRuns.push(run[0]);
      for (const piece of zhCut(sentence)) {
        if (HAN.test(piece)) {
          if (!ZH_STOP.has(piece)) tokens.push(piece);
        } else if (/[a-z0-9]/.test(piece)) {
          englishTokens(piece, tokens);
        }
      }
    } else if (latinLetters > 0 || /[0-9]/.test(sentence)) {
      englishTokens(sentence, tokens);
    }
  }
  return { text, tokens, hanRuns, language: detectLanguage(hanChars, latinLetters), hanChars, latinLetters, emoji };
}

/** normalise() then segmentNormalised(). */
export function segment(input: string): Segmented {
  return segmentNormalised(normalise(input));
}

/**
 * Model features of a segmented text: words, English word bigrams, Chinese characters and
 * character bigrams. Prefixes keep the spaces apart.
 */
export function features(seg: Segmented): string[] {
  const out: string[] = [];
  const toks = seg.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    out.push('w' + t);
    const next = toks[i + 1];
    if (next !== undefined && t !== '#num' && next !== '#num' && !HAN.test(t) && !HAN.test(next)) out.push('b' + t + ' ' + next);
  }
  for (const run of seg.hanRuns) {
    for (let i = 0; i < run.length; i++) {
      out.push('u' + run[i]!);
      if (i + 1 < run.length) out.push('c' + run.slice(i, i + 2));
    }
  }
  return out;
}

/** How many word tokens a features() list was made from (its 'w' features). */
export function featureTokenCount(feats: readonly string[]): number {
  let n = 0;
  for (const f of feats) if (f.charCodeAt(0) === 0x77 /* w */) n++;
  return n;
}

/**
 * A features() list cut to its text's first maxTokens word tokens: their word features and the
 * bigrams between them (the one reaching the next token dropped), and the same share of the
 * Chinese character features (which follow the words in features(), run after run in text
 * order, so their head is the text's head). A list with no more tokens is returned as it is.
 */
export function truncateFeatures(feats: readonly string[], maxTokens: number): readonly string[] {
  const total = featureTokenCount(feats);
  if (total <= maxTokens) return feats;
  const out: string[] = [];
  let i = 0;
  let tokens = 0;
  for (; i < feats.length; i++) {
    const kind = feats[i]![0];
    if (kind !== 'w' && kind !== 'b') break;
    if (kind === 'w') tokens++;
    if (tokens > maxTokens) break;
    if (kind === 'w' || tokens < maxTokens) out.push(feats[i]!);
  }
  while (i < feats.length && (feats[i]![0] === 'w' || feats[i]![0] === 'b')) i++;
  const han = feats.slice(i);
  return out.concat(han.slice(0, Math.ceil((han.length * Math.max(0, maxTokens)) / total)));
}
