/**
 * Curated cue lists (zh + en) for the categories and the severity rules of DESIGN §2, with
 * negation handling and amount parsing. Cues are matched on text passed through normalise()
 * (NFKC, simplified Chinese, lower case). Chinese cues are regex fragments matched anywhere;
 * English cues are regex fragments matched on word boundaries.
 */
import type { Category } from '../complaints/taxonomy.js';

export type SeverityCue = 'safety' | 'fraud' | 'escalation' | 'counterfeit' | 'staff_abuse';

interface CueSpec {
  zh: string[];
  en: string[];
}

// ---------------------------------------------------------------------------------------------
// Severity cues

/** Risk to health or life (→ urgent, category safety). Negatable ("没有受伤", "no one was hurt"). */
const SAFETY: CueSpec = {
  zh: [
    '起火', '(?<![打点]不?)着火', '失火', '火灾', '烧起来', '燃起来', '自燃', '明火', '火苗', '冒火', '火星', '火花', '冒烟', '冒黑烟', '冒白烟', '浓烟', '烧焦', '焦味', '焦糊味', '烧糊味', '烧坏', '烧黑', '熏黑', '烤焦', '焦痕', '熔化', '融化了插头', '烧熔',
    '爆炸', '炸开', '爆燃', '(充电|电池|手机|锅|壶|瓶).{0,6}炸了', '电池鼓包', '鼓包', '爆裂',
    '烫伤', '烧伤', '灼伤', '烫到', '被烫', '烫(得)?起(了)?泡', '起(了)?水泡', '烫红',
    '触电', '漏电', '电到', '被电', '电击', '麻手',
    '中毒', '有毒', '毒性', '甲醛超标', '甲醛', '一氧化碳', '煤气泄漏', '燃气泄漏', '天然气泄漏', '漏气味', '煤气味', '(煤气|燃气|天然气|液化气|气罐|煤气罐|减压阀|气阀|气管).{0,8}(漏气|泄漏|嘶嘶)', '超速', '闯红灯', '酒驾', '醉驾', '危险驾驶', '疲劳驾驶', '开车.{0,4}玩手机', '(开车|驾驶).{0,8}(看|刷|玩|打)(手机|视频|电话)', '(边|一边)(开车|驾驶)', '(开车|驾驶|开着开着).{0,6}(睡着|打盹|打瞌睡|眯眼|犯困)', '童锁.{0,6}(失灵|没用|坏|不起作用|锁不上|形同虚设)', '(孩子|宝宝|小孩|儿子|女儿|婴儿|幼儿).{0,8}(爬进|钻进|困在|关在|卡在)', '猛踩油门',
    '过敏', '红疹', '起疹', '疹子', '荨麻疹', '红肿', '又红又肿', '肿起来', '皮炎', '呼吸困难', '喘不上气', '休克', '心慌', '胸闷',
    '噎', '卡喉咙', '卡在喉咙', '窒息', '误吞', '误食', '吞下', '小零件脱落',
    '受伤', '受了伤', '伤到', '割伤', '划伤', '划破', '刮伤', '扎伤', '砸伤', '摔伤', '夹伤', '咬伤', '撞伤', '擦伤', '骨折', '流血', '出血', '缝针', '缝了', '伤口', '淤青', '摔倒', '滑倒', '跌倒', '绊倒', '砸到', '被砸',
    '拉肚子', '腹泻', '上吐下泻', '呕吐', '吃完.{0,4}吐', '食物中毒', '(?<!笑到|笑得|笑|笑到我|笑得我)肚子(疼|痛)', '胃疼', '发烧', '(?<!气到|气得|气|气到我|气得我|看得|看到)头晕', '恶心想吐',
    '住院', '进了医院', '去了医院', '去医院', '送医', '就医', '急诊', '抢救', '看医生', '送到医院',
    '玻璃渣', '碎玻璃', '玻璃碎片', '碎片.{0,4}(划|扎|割)', '金属丝', '铁丝', '铁屑', '针头', '碎刀片', '异物', '(吃|喝)(出|到)(了)?(虫|玻璃|铁|钢|金属|针|刀|塑料|蟑螂|苍蝇|老鼠)',
    '安全隐患', '安全问题', '安全事故', '食品安全', '危险', '危及', '生命危险', '人身安全', '差点出人命', '出人命', '差点出事', '出大事', '后果不堪设想', '夹到', '卡进去', '发烫.{0,6}(变形|冒烟)',
    '刹车失灵', '刹不住', '刹车(不太|有点|总是|经常)?(不灵|失灵|不好使|不管用)', '(挂|吊|悬)在半空', '(下面|底下|楼下)(就)?是(人行道|马路|过道|行人|小区的路|停车场)', '悬在半空', '摇摇欲坠', '随时(会|可能|要)(掉|倒|塌|砸|断)', '(掉|砸|落)(下来|到).{0,6}(人|行人|路人|头)', '扭伤', '崴(了)?脚', '拉伤', '脱臼', '差点(就)?(撞|出车祸|翻车|被撞|掉下|摔|追尾|飞出去)', '刹车.{0,4}(不灵|没反应|不管用|失效)', '电梯.{0,8}(下坠|坠落|掉了|卡住|急停|关人)', '差(了)?几(厘米|公分)', '差点砸', '(水|漏水|渗水).{0,10}(灯|插座|电线|电路|电箱|配电)', '打瞌睡', '安全气囊', '掉下去', '(我|人|孩子|老人|他|她|宝宝|儿子|女儿|父亲|母亲).{0,6}摔(了)?下来', '栏杆松动', '一碰就麻', '露出来.{0,6}(线|电)', '(铜线|电线).{0,4}露', '电梯.{0,4}(困|坠|夹)', '困在电梯', '坍塌', '倒塌', '脱落砸', '(吊扇|风扇|吊灯|灯具|灯罩|架子|置物架|柜子|衣柜|书柜|镜子|电视|天花板|吊顶|扶手|栏杆)[^，。,.!?！？]{0,8}(掉下来|砸下来|倒下来|塌下来|掉了下来|砸了下来|倒了下来|整个倒|翻倒)',
    '(咽|吞)(了)?(下去|进肚子)', '(孩子|宝宝|娃|小孩|儿子|女儿|婴儿|幼儿|老人)[^，。,.!?！？]{0,10}(咽|吞)(了)?进去', '(拿|发|配|开|给|抓)错(了)?药', '哮喘', '摸[^，。,.!?！？]{0,8}(发麻|麻手|有电|电了一下)', '(门|电梯门|车门|闸机)[^，。,.!?！？]{0,8}夹(住|到|伤|了)', '(刺鼻|呛人)[^，。,.!?！？]{0,10}(咳嗽|流眼泪|头疼|头痛|喘)', '臭鸡蛋(的)?味', '(燃气|天然气|液化气)(的)?味', '(烧糊|烧焦|糊)的味', '(塑料|胶皮|电线|橡胶)[^，。,.!?！？]{0,4}(烧|焦|糊)(的)?味', '(电池|电瓶|充电宝)[^，。,.!?！？]{0,8}(鼓|胀)(起来|了)',
    '(滑|摔|绊|跌)(了)?一(跤|下)', '磕(破|伤|到头|到了头|出血)', '(后脑勺|头|脑袋|额头)[^，。,.!?！？]{0,4}磕', '又吐又拉', '一直(吐|拉)', '吐(奶|得)[^，。,.!?！？]{0,4}(厉害|不停)', '(开车|驾驶)[^，。,.!?！？]{0,8}(刷|玩|看)(抖音|快手|tiktok|微信|视频|短视频|直播)',
    '(头盔|安全座椅|儿童座椅|安全带|救生衣|护栏|安全绳|婴儿床|围栏)[^，。,.!?！？]{0,8}(裂|断|坏|松|脱落|失效|散架)',
    '(高速|行驶|开车|车速|路上|马路上)[^。！？!?]{0,40}(动力(就|突然|一下子|直接)?(没了|中断|消失)|失去(了)?动力|突然熄火|熄火了|方向盘(突然)?(锁死|失灵|打不动))', '差(一)?点(就)?(追尾|撞上|撞车|出车祸|被撞|翻车|侧翻)',
    '自杀', '轻生', '不想活',
  ],
  en: [
    '(?:a|the|small|electrical|kitchen|house) fire', 'fire (?:hazard|risk|started|broke out|department|brigade|fighters?|alarm|extinguisher)', 'caught fire', 'catch(?:es|ing)? fire', 'on fire', 'burst into flames', 'flames?', 'flaming', 'ignit\\w*', '(?<!(?:cigarette|cigar|tobacco|stale|second-?hand|weed|vape|pipe) )smoke(?!-free| alarm| detector)', 'smoked', 'smokes', '(?<!non-|non |no )smoking(?! (?:area|section|room|rooms|floor|ban|zone|policy|shelter|sign))', 'smoky', 'spark(?:s|ed|ing)?', 'burning smell', 'smell(?:s|ed)? (?:of )?burning', 'scorch\\w*', 'charred', 'melted (?:plug|wire|cord|socket|outlet|charger|cable|casing|plastic)', '(?:plug|wire|cord|socket|outlet|charger|cable|adapter|casing) (?:had |has |was )?(?:melted|melting)',
    'explo(?:de|ded|des|ding|sion|sions)', 'blew up', 'blow up', 'swollen battery', 'battery (?:is )?(?:swelling|swollen|bulging)',
    'burn(?:s|ed|t)? (?:my|his|her|their|our|the) (?:\\w+ )?(?:hand|hands|finger|fingers|arm|arms|leg|legs|skin|face|mouth|tongue|child|son|daughter|baby|kid)', 'burn(?:ed|t)(?! through| (?:a )?hole| out| (?:my|the|our) (?:data|money|cash|savings|budget|allowance|minutes|credit))', 'burns(?! through| (?:a )?hole)', 'scald(?:s|ed|ing)?', 'blister(?:s|ed)?',
    'electric(?:al)? shocks?', 'electrocut\\w*', '(?<!(?:price|prices|bill|bills|cost|costs|fee|fees|charge|charges|total|amount|quote|invoice|receipt) (?:really |honestly |totally |absolutely |actually |just )?)shocked me', 'got (?:a |an )?(?:electric )?shock', 'live wires?', 'exposed wires?',
    'poison\\w*', '(?<!(?:team|staff|support|service|manager|management|company|agents?|people|culture|attitude|boss|they|he|she|atmosphere|store|shop|environment|place|vibe|workplace|brand|relationship|community|chat|forum) (?:is|are|was|were) (?:\\w+ )?)(?<!non-|non |non)toxic(?! (?:people|person|staff|team|culture|attitude|service|support|behaviou?r|environment|workplace|management|manager|boss|relationship|company|positivity|customer))', 'carbon monoxide', 'gas leak\\w*', 'leaking gas', 'smell(?:s|ed)? (?:of )?gas', 'gas (?:smell|is leaking|hissing)', '(?:cylinder|regulator|valve|gas pipe|gas line|hose)[^.!?]{0,24}(?:hiss\\w*|leak\\w*)', 'fumes', 'speeding', 'r[au]n(?:ning)? (?:a |the |several |two |three )?red lights?', 'drunk driv\\w*', 'driver (?:was|seemed) drunk', 'reckless(?:ly)?', 'feared for (?:my|our) (?:life|lives|safety)', 'texting while driving', 'doing \\d+ (?:mph |km/?h |kmh )?in an? \\d+', '(?:looking at|on|using|texting on|scrolling(?: on)?|watching \\w+ on) (?:his|her|their|the) phone[^.!?]{0,30}(?:while|whilst) (?:\\w+ )?(?:driving|was driving)', '(?:driv\\w*|at the wheel|behind the wheel|cabbie|motorway|highway|freeway)[^.!?]{0,40}(?:kept|was|were) (?:looking at|checking|texting on|scrolling on|watching videos on) (?:his|her|their) phone', 'phone (?:while|whilst) (?:driving|behind the wheel)',
    'allerg\\w*', 'anaphyla\\w*', 'epipen', 'hives', 'rash(?:es)?', 'swell(?:ed|ing) up', 'throat (?:closing|swell\\w*)', 'could(?: not|n\'t) breathe', 'trouble breathing', 'difficulty breathing',
    'chok(?:e|ed|es|ing)', 'choking hazard', 'swallowed (?:a|the|it|part|piece|one|some)', 'suffocat\\w*',
    'injur(?:y|ies|ed|ing)', '(?<!(?:price|prices|hike|increase|rise|bill|bills|fee|fees|cost|costs|charge|charges|rent|rates?) (?:really |truly |actually |seriously |just |kinda |so )?)hurts?(?! (?:my|the|our|your) (?:wallet|pocket|budget|business|feelings|reputation|sales|credit))', 'wound(?:s|ed)?', '(?<!(?:wallet|account|bank|purse|pocket|business|money)s? (?:is |are |was |keeps |just )?)bleed(?:ing)?(?! (?:money|cash|me dry|us dry|customers))', 'bled', 'blood', 'stitches', 'fractur\\w*', 'broke (?:my|his|her) (?:\\w+ )?(?:arm|leg|wrist|ankle|nose|tooth|finger)', 'broken (?:arm|leg|wrist|ankle|bone|tooth)', 'concussion', 'bruis\\w*',
    'cut (?:my|his|her|their|our) (?:\\w+ )?(?:hand|finger|fingers|foot|feet|leg|lip|mouth|face)', 'sliced (?:my|his|her) \\w+', 'lacerat\\w*', 'slipped and fell', 'tripped and fell', 'fell (?:down|over|off|from)', 'tipped over on',
    'food poisoning', 'vomit\\w*', 'threw up', 'throwing up', 'diarrh?o?ea', 'stomach (?:pain|cramps|ache)', 'sick after (?:eating|drinking)', 'made (?:me|us|him|her|them|my \\w+) (?:violently )?(?:sick|ill)', 'got sick', 'fell ill', 'became ill',
    'hospital\\w*', 'fever', 'nausea', 'nauseous', 'dizz(?:y|iness)', 'palpitations', 'chest (?:pain|tightness)', 'headaches? and nausea', 'emergency room', 'the er', 'urgent care', 'a&e', 'ambulance', 'paramedics', 'doctor said',
    'glass (?:shards?|pieces|fragments) in', 'shards? of glass', 'piece of (?:glass|metal|plastic) in', 'metal (?:shavings|pieces|wire) in', 'needle in', 'foreign object',
    'safety (?:hazard|issue|risk|concern|recall|harness|belt|catch)', 'shards?', 'battery swell\\w*', '(?:fingers?|hands?|arms?|legs?|foot|feet|head) (?:got |was |were )?(?:trapped|crushed|caught|stuck)', '(?:trapped|crushed) (?:my|his|her|their) (?:fingers?|hands?|arms?|legs?|foot|feet)', 'nearly (?:got )?(?:burned|burnt|crushed|electrocuted)', 'hazard\\w*', 'dangerous', 'unsafe', 'danger', 'life-threatening', 'could have (?:been )?killed', 'could have died', 'nearly killed', 'almost killed', 'risk to (?:life|health)',
    'brakes? fail\\w*', 'hanging (?:over|above) (?:the )?(?:pavement|sidewalk|street|road|people|walkway|entrance)', '(?:could|might|about to|going to) (?:fall|collapse|drop) (?:on|onto)', 'risk of (?:falling|collapse|fire|explosion|electrocution)', 'sprain\\w*', 'twisted (?:my|his|her|their) (?:ankle|knee|wrist|back|neck)', 'dislocat\\w*', '(?:nearly|almost) (?:crashed|crash|hit|ran over|rear-ended|fell|fall|collided|got hit)', 'brakes? (?:doesn\'t|does not|didn\'t|did not|won\'t) (?:hold|work|engage|respond)', '(?:lift|elevator)[^.!?]{0,30}(?:dropped|fell|plunged|stuck|trapped|jammed)', 'crash(?:ed|ing)? down', '(?:ceiling|ceiling fan|light fitting|light fixture|chandelier|shelf|shelves|shelving|mirror|tv|television|cabinet|wardrobe|bookcase|dresser|railing|handrail|bracket)s? (?:\\w+ ){0,3}(?:dropped|fell|came down|crashed|toppled|tipped over|came off the wall|came away from the wall) (?:on|onto|off|from|down|over|into)(?! (?:price|sale))', 'the whole (?:thing|unit|fan|shelf|cabinet|frame|light|fixture|wardrobe|bookcase) (?:dropped|fell|came down|crashed|toppled|tipped over)', 'inches from (?:my|his|her|our)', 'narrowly missed', 'water[^.!?]{0,30}(?:light fitting|socket|outlet|wiring|electrics|fuse box)', 'smoulder\\w*', '(?:too hot to (?:touch|hold)|hot to the touch)[^.!?]{0,50}(?:smell|discolou?r\\w*|melt\\w*|brown|black|smok\\w*|warp\\w*)', '(?:smell\\w*|discolou?r\\w*|melt\\w*|warp\\w*)[^.!?]{0,50}(?:too hot to (?:touch|hold)|hot to the touch)', 'smolder\\w*', 'alight', 'set (?:\\w+ )?on fire', 'asleep at the wheel', '(?:nodd(?:ing|ed)|doz(?:ing|ed)|drift(?:ing|ed)|falling|fell) (?:off|asleep)[^.!?]{0,25}(?:at|behind) the wheel', '(?:nodd(?:ing|ed)|doz(?:ing|ed)) off (?:while|when) (?:driving|he was driving|she was driving)', 'fell asleep (?:while|when) driving', 'child ?(?:lock|safety lock|gate|proof (?:lock|cap|latch))[^.!?]{0,30}(?:doesn\'t|does not|won\'t|didn\'t|did not|fail\\w*|broke\\w*|not)', '(?:child|toddler|baby|kid|son|daughter|\\d+-year-old|\\d+ year old)[^.!?]{0,30}(?:climbed (?:in|inside|into)|got (?:trapped|stuck|shut) (?:in|inside))', 'someone (?:could|will|might|is going to) (?:get )?(?:hurt|fall|die|be killed|be injured|get killed)', 'could (?:have )?(?:fallen|fall to)', '(?<!(?:deal|price|offer|discount|sale|bundle|look|design|beat|view|that|this) )(?:been|was|were|got|is|are) (?:\\w+ )?sick(?! of| and tired)', 'airbags?', 'trapped in (?:the|an) (?:elevator|lift)', 'collaps\\w*',
    '(?:spray\\w*|spit\\w*|splash\\w*|squirt\\w*|shoot\\w*|shot|gush\\w*|spill\\w*|pour\\w*)[^.!?]{0,30}(?:boiling|scalding|hot) (?:water|oil|liquid|steam|coffee|tea|soup)', '(?:boiling|scalding) (?:water|oil|steam|liquid)[^.!?]{0,30}(?:spray\\w*|spit\\w*|splash\\w*|squirt\\w*|shoot\\w*|gush\\w*|everywhere|all over|over (?:me|my|him|her))',
    '(?:boiling|scalding|hot) (?:water|oil|soup|coffee|tea|liquid|steam)[^.!?]{0,30}(?:down|over|onto|on|into) (?:my|his|her|their|our|the (?:baby|child|kid|toddler))', 'rotten[- ]eggs?', 'wheel (?:nuts?|bolts?|came|fell)[^.!?]{0,30}(?:came off|fell off|loose|missing|off)', '(?:snapped|broke|gave way|came loose|came down|slammed down|crashed down|fell)[^.!?]{0,40}(?:next to|inches from|right by|beside|onto|on|missing) (?:my|his|her|our|their) (?:foot|feet|head|hand|hands|leg|legs|child|son|daughter|baby|kid)', 'wrong (?:medication|medicine|prescription|tablets|pills|dose|dosage|drug)s?', '(?:someone else\'s|somebody else\'s|another (?:patient|person|customer)\'s|(?:my |her |his |our )?neighbou?r\'s) (?:prescription|medication|medicine|tablets|pills)', 'asthma', 'inhaler', 'wheez\\w*', '(?:eyes?|skin|scalp|throat|lips?|tongue|mouth|face) (?:\\w+ )?(?:sting\\w*|burn(?:s|ed|ing)|swell\\w*|swollen|blister\\w*)', 'smell(?:s|ed|ing)? (?:of |like )?(?:gas|rotten eggs?|something burning|burning|smoke)', 'burning (?:plastic|rubber|electrical|wire|wiring|insulation) smell', 'smell of burning (?:plastic|rubber|wires?|wiring)',
    '(?:helmet|car seat|child seat|booster seat|seat ?belt|life ?jacket|life vest|harness|guard ?rail|stair ?gate|baby gate|crib|cot)s?[^.!?]{0,30}(?:crack\\w*|snapp\\w*|broke|split|fail\\w*|came (?:off|undone|apart|loose)|gave way|collaps\\w*)', 'melt(?:ed|ing)? (?:the |a |some )?(?:plastic|casing|housing|wall|socket|surround)',
    '(?:lost|losing|loses|lose) (?:all )?(?:power|steering|acceleration|the engine)[^.!?]{0,50}(?:motorway|highway|freeway|interstate|at speed|mph|km/h|in traffic|fast lane)', '(?:motorway|highway|freeway|interstate|at speed|mph|km/h|fast lane)[^.!?]{0,50}(?:lost (?:all )?(?:power|steering|acceleration)|(?:engine|car|power) (?:cut out|died|shut off|stalled|cut off))',
    'suicid\\w*', 'kill myself', 'end my life',
  ],
};

/**
 * Weak hints of a hazard: evidence for the safety category, but not decisive on their own
 * ("overheats and shuts down" is usually a defect).
 */
export const WEAK_SAFETY: CueSpec = {
  zh: ['过热', '发烫', '烫手', '很烫', '太烫', '焦', '火', '烟(?!雾?(报警|探测|感))', '电线', '插座', '孩子', '宝宝', '婴儿', '老人', '害怕', '吓'],
  en: ['overheat\\w*', 'hot to the touch', 'too hot to (?:touch|hold)', 'scary', 'scared', 'terrified', 'frightening', 'risk', 'risky', 'baby', 'toddler', 'child', 'kids?', 'wires?', 'socket', 'outlet'],
};

/** Security / fraud incidents (→ urgent): account takeover, charges the customer never made. */
const FRAUD: CueSpec = {
  zh: [
    '盗刷', '被盗', '盗号', '被盗号', '盗用', '冒用', '冒名', '被(他人|别人|陌生人|人|黑客)登(录|陆|了)', '别人登录了', '(外地|异地|境外|陌生|不明).{0,4}(被)?登(录|陆)', '陌生设备', '本人未操作', '(我|本人)(并)?(没有|未)操作', '不明设备', '被人改了密码', '密码.{0,3}被.{0,3}(改|修改|篡改|重置)', '绑定的手机号被(改|换)',
    '不是我本人', '不是本人', '非本人', '不是我(本人)?(消费|操作|刷|买|转|登录)的', '卡(也|一直|还)?在(我)?(身上|手上|手里)', '没(有)?操作过', '被黑', '黑客', '(一个|一笔|一样|什么)都没(买|消费|用|下单)过', '(卡|手机)(也|都)?没(丢|掉|离身)', '(不是|非)我.{0,4}(买|消费|操作|登录|下单|转账)', '(另一个|其他|别的|外)(省|市|城市|国家|地方).{0,6}登(录|陆)', '登(录|陆).{0,6}(另一个|其他|别的|外)(省|市|城市|国家|地方)', '没(有)?申请过的(密码|验证码|重置)', '(邮箱|手机号|密码)(就|也)?被(人)?(改|修改|更改|篡改)', '被转出', '被(别人|他人|陌生人|人)(绑定|绑了|绑上|解绑|换绑|修改|改了|改|登录|登陆)', '(钱|余额|存款|积蓄|零钱|资金|款)[^，。,.!?！？]{0,6}不翼而飞', '(银行卡|信用卡|储蓄卡|账户|余额|钱包|零钱|卡里|账上|账户里)(里)?[^，。,.!?！？积券分单红包会员]{0,8}(莫名其妙|莫名|突然|无故|凭空|平白无故)?(少了|没了|不见了|被扣光|被清空)', '(让|叫|要求|教|引导|诱导|指导|骗)(我|他|她|我爸|我妈|老人|家里人)?[^，。,.!?！？]{0,8}(共享|分享|开|开启|打开)(了)?(屏幕|屏幕共享)', '(共享|分享)屏幕[^。！？!?]{0,30}(钱|转|扣|验证码|密码|刷|银行卡)', '(我)?(根本|从来|压根|也|都)?没(有)?(办|办理|申请|开通|绑定)过(这个|这项|这张|这种|这|任何)', '(我)?(根本|从来|压根)?没(有)?(去过|到过)(银行|营业厅|网点|柜台)', '屏幕共享[^。！？!?]{0,30}(钱|转|扣|验证码|密码|刷|银行卡)', '远程(控制|协助|操控)', '(密码|手机号|邮箱|绑定|支付密码)[^，。,.!?！？]{0,12}(可|但|可是|但是)?(我)?(根本|从来|压根|并)?没(有)?(改|修改|更改|重置|申请|操作|换)过', '(修改|更改|重置|换绑)(成功|了)[^。.!?！？]{0,12}(根本|从来|压根|并)?没(有)?(改|修改|操作|申请|换)过', '(我|本人)(从来|根本|压根|都|也|从)*(没|没有|未)(在[^，。,.!?！？]{0,8})?(买过|消费过|购买过|下过单|刷过|转过账|转过钱|办过|借过)(?!这么|这样|如此|这种|那么|这家|这个牌子)', '没(有)?(告诉|给|透露给|泄露给)(过)?(任何人|别人|其他人)', '不认识的(收款人|收款账户|设备|账户|登录)', '(收款人|设备|手机号|号码)[^，。,.!?！？]{0,6}(不是我的|我不认识)', '(不知情|不知道)的情况下.{0,12}(修改|更改|改了|登录|转|消费|扣|刷)', '被(人)?(修改|更改|改)了?(我的)?(绑定|手机号|邮箱|密码)', '本人没有(消费|操作|购买|授权)', '我(从来)?(都)?没有?(消费过|买过|购买过|下过单|操作过|办理过)(?!这么|这样|如此|这种|那么|这家|这个牌子)', '(我|本人)(从来)?(都)?没有?(消费|授权).{0,6}(扣|消费|交易|支付|转账|购买|刷)', '从未(消费|购买|授权|办理)', '未经(我|本人)?(的)?授权.{0,6}(扣|消费|交易|支付|转账|登录|购买|刷)',
    '卡(也|一直|还|明明)?在(我)?(钱包|包|抽屉|家)里',
    '(扣|收费|费用|扣钱|扣款)[^。！？!?]{0,30}(从来|根本|压根|也|都)?没(有)?(开通|订阅|订购|定制|办理)过', '(从来|根本|压根|也|都)?没(有)?(开通|订阅|订购|定制)过[^。！？!?]{0,30}(扣|收费|费用|扣钱|扣款)',
    '(点|点开|点进|点击|打开)(了)?[^，。,.!?！？]{0,6}(链接|link|网址)[^。！？!?]{0,40}(扣|转走|刷|没了|少了|盗)', '(填|输|输入|填写)(了)?[^，。,.!?！？]{0,4}(银行卡|卡号|卡的信息|密码|验证码|身份证)[^。！？!?]{0,40}(扣|转走|刷|没了|少了|盗)',
    '(手机卡|sim卡|电话卡|手机号|号码|卡)[^，。,.!?！？]{0,6}被(人|别人|他人)?[^，。,.!?！？]{0,4}(补办|补卡|复制|过户)', '(有人|别人|他人)[^，。,.!?！？]{0,12}(补办|补卡)',
    '(扣|充值|消费|刷)[^。！？!?]{0,30}(我|家里|本人)(根本|从来|压根|都|也)?(不|没)(玩|打)(过)?(游戏|这个游戏|这款游戏)', '(我|家里|本人)(根本|从来|压根|都|也)?(不|没)(玩|打)(过)?(游戏|这个游戏|这款游戏)[^。！？!?]{0,30}(扣|充值|消费|刷)',
    '(验证码|短信码|动态码|校验码|密码|卡号|银行卡号|cvv)[^，。,.!?！？]{0,4}(报|告诉|给|发|念|说|提供)(给)?(了)?(他|她|对方|他们|客服|那人|那个人|骗子|人家)[^。！？!?]{0,40}(扣|转走|刷|没了|少了|盗|不见)', '(报|告诉|发|念|说|提供)(给)?(了)?(他|她|对方|他们|那人|那个人|骗子|人家)(了)?[^，。,.!?！？]{0,4}(验证码|短信码|动态码|校验码|密码|卡号|银行卡号|cvv)[^。！？!?]{0,40}(扣|转走|刷|没了|少了|盗|不见)',
    '(冒充|假冒|自称|说是|称是|自己说是)[^，。,.!?！？]{0,6}(公安|警察|民警|检察院|法院|银行|客服|快递|工作人员)[^。！？!?]{0,40}(转账|转过去|转了|汇款|打款|安全账户|验证码|卡号|密码|屏幕共享|共享屏幕)', '安全账户', '(有人|别人|他人|被人|陌生人)[^，。,.!?！？]{0,4}(用|拿|冒用|盗用)(了)?我的(身份证|身份信息|名义|名字|信息)[^。！？!?]{0,10}(办|开|注册|借|贷|申请|买)',
    '不认识的(交易|消费|扣款)', '陌生(交易|消费|扣款)', '莫名(其妙)?(多了|少了|不见了|被转)', '钱被转走', '被转走', '余额被(清空|转)', '被人(转账|消费|刷)', '诈骗', '电信诈骗', '冒充客服', '冒充.{0,4}客服', '假客服', '钓鱼(网站|链接|短信)', '身份被盗', '信息泄露', '被泄露',
  ],
  en: [
    '(?:read|gave|give|told|sent|shared|texted)(?: out| back)? (?:him|her|them|the caller|the guy|the man|the woman|the agent|the person|a caller)?[^.!?]{0,12}(?:code|otp|pin|passcode|password|card number|cvv)[^.!?]{0,60}(?:gone|taken|moved|transferred|withdrawn|emptied|missing|drained|cleaned out|wiped)',
    '(?:someone|somebody|they|scammers?|fraudsters?|a stranger)[^.!?]{0,30}(?:opened|took out|applied for|set up|registered|signed up for)[^.!?]{0,30}in (?:my|our|her|his) name', '(?:accounts?|loans?|cards?|credit cards?|contracts?|phone lines?|lines? of credit)[^.!?]{0,15}(?:opened|taken out|applied for|set up|registered) in (?:my|our|her|his) name', '(?:orders?|purchases?|charges?|transactions?|payments?)[^.!?]{0,25}(?:i|we) (?:never|did not|didn\'t) (?:do|did)(?! (?:anything|nothing|it on purpose))',
    'unauthori[sz]ed', 'fraud\\w*', 'hack(?:ed|er|ers|ing)?', 'compromised', 'account takeover', 'took over my account', 'taken over',
    'someone (?:else )?(?:has )?(?:logged|signed|got) in(?:to)?', '(?:logged|signed) into my account', 'login from (?:an? )?(?:unknown|unfamiliar|strange|foreign)', 'unknown (?:device|login|location)', 'unrecogni[sz]ed (?:device|login|sign-in|charges?|transactions?|purchases?)',
    'password (?:was |has been )?changed without', 'changed my (?:password|email|phone number) without', 'locked out .{0,30}(?:changed|hack)',
    '(?:i|we) (?:never|did not|didn\'t) (?:make|made|authori[sz]e|approve|recogni[sz]e|place|placed) (?:this|these|that|those|the|any|such) (?:\\w+ )?(?:charges?|transactions?|purchases?|payments?|orders?|withdrawals?|transfers?|debits?)', '(?:i|we) (?:never|did not|didn\'t) authori[sz]e', 'never authori[sz]ed', 'not authori[sz]ed', 'without my (?:permission|authori[sz]ation|consent|knowledge)',
    '(?:don\'t|do not|didn\'t|did not) recogni[sz]e (?:these|this|the|those|any of)', 'charges? (?:i|we) (?:never|did not|didn\'t) make', 'not my (?:charges?|transactions?|purchases?)', 'none of (?:them|these|those|the \\w+) (?:are|were|is) (?:mine|ours)', 'test charges?', '(?:reset|code|otp|verification|sign-in)[^.!?]{0,30}(?:didn\'t|did not|never) request', '(?:email|e-mail|phone number|password)(?: address)? (?:was|were|has been|had been) changed', 'someone (?:else )?(?:has )?accessed (?:my|our)', '(?:logged|signed) (?:in|into|on)[^.!?]{0,30}from (?:another|a different|an unknown|a foreign|an unfamiliar|a strange) (?:state|country|city|location|device|ip|phone|computer)', '(?:account|profile) (?:was|has been|got) (?:logged|signed|accessed)', '(?:i|we) (?:didn\'t|did not|never) (?:buy|purchase|order|use|make|authori[sz]e) anything', '(?<!(?:compan(?:y|ies)|firms?|brands?|people|places|sites?|shops?|products?|numbers?) )(?:i\'ve|i have|we\'ve|we have) never (?:used|heard of|shopped (?:at|with)|visited)', '(?:i|we)(?:\'ve| have)? never (?:bought|purchased|ordered) anything (?:from|with|at|on)', '(?:nobody|no one|no-one) else (?:has|had|uses|knows) (?:my|access to my|our) (?:card|pin|password|details|login)', 'still have (?:my|the) (?:card|phone)', '(?<!(?:could|can|would|will|please|get|have|need|want|wants|ask|asked|let|for|and|or) )someone(?! (?:from|on|in|at|of) (?:your|the|you)(?![a-z]))[^.!?]{0,40}(?:my account|my card|my login|my password|my identity)', '(?:i|we) (?:never|did not|didn\'t) (?:make|made|authori[sz]e) (?:it|them|any of (?:them|these|those))', '(?:that|which) (?:i|we) (?:never|did not|didn\'t) (?:make|made|authori[sz]e|request|do)', 'still have my card', 'card (?:is|was) (?:still )?(?:in my (?:wallet|pocket|purse)|with me)', '(?:charges?|transactions?|transfers?|purchases?|payments?|withdrawals?) (?:that )?(?:i|we) (?:never|did not|didn\'t) (?:make|made|authori[sz]e|place)',
    '(?:charges?|payments?|debits?|transactions?|bills?|billing|subscriptions?)[^.!?]{0,40}(?:i|we)(?:\'ve| have)? never (?:subscribed|signed up|registered|enrolled) (?:to|for|with)', 'identity theft', '(?:someone|somebody|a stranger|strangers|a man|a woman|a voice)[^.!?]{0,40}(?:viewing|watching|accessing|talking (?:to \\w+ )?through|speaking through|controlling) (?:our|my|the) (?:\\w+ ){0,2}(?:feed|camera|stream|monitor|doorbell|account)', '(?:we|i) (?:never|didn\'t|did not) (?:share|shared|give|gave|grant|granted) (?:anyone |any )?(?:access|the password|our login|my login|our password|my password)', '(?:billed|charged|invoiced)[^.!?]{0,40}(?:for )?(?:\\w+ ){0,3}(?:i|we|she|he) (?:never|didn\'t|did not) (?:have|had|undergo|underwent|book|booked|attend|attended|visit|visited)(?! (?:to|a problem|an issue|any (?:problem|issue)s?))', '(?:codes?|otps?|verification|login|log-in|sign-in|reset|security)[^.!?]{0,30}(?:i|we) (?:didn\'t|did not|never) ask(?:ed)? for', '(?:email|e-mail|phone number|mobile number|password|payee|pin|two-factor|2fa)[^.!?]{0,30}(?:was|were|has been|had been|got) (?:changed|reset|updated|swapped|added|removed|switched|moved|disabled|turned off)', '(?:unknown|unfamiliar|strange) (?:payees?|wallets?|(?:crypto )?address(?:es)?)', 'new payees?[^.!?]{0,30}(?:i|we) (?:didn\'t|did not|never)', 'payees? (?:was|were|has been|had been|got) added', '(?:that|this|it) (?:wasn\'t|was not|isn\'t|is not) (?:me|us)', 'wasn\'t me', '(?:i|we)(?:\'ve| have)? never been (?:there|to (?!such|a|an|the|this|that|these|those|so|more|any|one|your)[a-z]+)', '(?:orders?|purchases?|charges?|transactions?|withdrawals?|transfers?|payments?|subscriptions?)[^.!?]{0,20}(?:i|we) (?:never|did not|didn\'t) (?:place|placed|make|made|authori[sz]e|request|requested|sign up for|signed up for)', 'sim (?:was |got |card was )?(?:ported|swapped|cloned|hijacked)', '(?:email|e-mail|address|number|device|phone|login)[^.!?]{0,20}(?:i\'ve|i have|i) never (?:seen|heard of|used|owned)', 'new (?:device|phone|computer|ipad|browser) (?:was |has been |had been |got )?(?:added|registered|linked|paired)', '(?:device|phone|ipad|computer|browser)[^.!?]{0,20}(?:was|has been|had been|got) (?:added|registered|linked) (?:to|on) (?:my|our) account', '(?:i|we) (?:didn\'t|did not|never) (?:place|make|authori[sz]e) (?:them|these|those|any of them)', '(?:i|we) (?:never|didn\'t|did not) (?:change|reset|update|request) (?:my |the |our )?(?:password|email|e-mail|phone number|mobile number|pin|login details|security questions?)', '(?:asked|told|got|made|talked|had|persuaded|convinced) (?:me|her|him|us|them|my \\w+) (?:into |to )?(?:share (?:my|the|her|his|their) screen|screen[- ]shar\\w*|turn on screen[- ]shar\\w*)', 'screen[- ]shar\\w*[^.!?]{0,40}(?:money|transfer\\w*|bank|card|codes?|password|savings|took|taken|drained|emptied)', 'remote (?:access|desktop|control) (?:app|software|tool)', 'stolen (?:card|identity|account|credentials)', 'card (?:was |has been )?stolen', 'someone (?:used|is using|has used) my (?:card|account|details|identity)', 'phishing', 'scammer\\w*', 'fake (?:customer service|agent|support|website|site|call|text|sms|email)', 'sim swap\\w*', 'drained (?:my|our|the) (?:\\w+ )?account', 'account (?:was |has been )?drained', 'emptied my account', 'money (?:is |was |has )?(?:missing|disappeared|vanished|gone) from',
    '(?:i|we)(?:\'ve| have)? never (?:had|opened|held|created|signed up for|applied for|registered) (?:an? |any )?(?:account|card|subscription|membership|policy|loan|contract|plan)s? (?:with|from|at|for) (?:you|your|this|them|that)', '(?:i|we) (?:don\'t|do not|didn\'t|did not) (?:even )?(?:have|hold) (?:an? |any )?(?:account|card|subscription|membership|policy|loan|contract)s? (?:with|from|at) (?:you|your|this|them)', 'card (?:is|was|has been) (?:still |safely |always )?(?:in my (?:wallet|pocket|purse|bag|hand|possession|drawer)|with me|on me|at home)',
    '(?:i|we) (?:did not|didn\'t|never) (?:sign(?:ed)? up|subscribed?|register(?:ed)?|enrol(?:l?ed)?|opt(?:ed)? in) (?:for|to)[^.!?]{0,60}(?:charg\\w*|bill\\w*|pay\\w*|debit\\w*|taking|took|deduct\\w*)', '(?:has|have|had) (?:gone|disappeared|vanished|been taken) (?:out of|from) (?:my|our|her|his|their) (?:\\w+ )?account',
    '(?:emptied|drained|cleaned out|wiped out) (?:my|our|her|his|their) (?:\\w+ )?(?:account|isa|savings|wallet|balance|card|pension)s?', '(?:number|phone number|mobile number)[^.!?]{0,20}(?:moved|transferred|ported|switched) to (?:a )?(?:new|another|different) sim', '(?:sim|sim card|number|card|loan|credit card|account|payee|device)[^.!?]{0,30}(?:i|we|she|he) (?:never|didn\'t|did not) (?:ask(?:ed)? for|request(?:ed)?|appl(?:y|ied) for)',
    '(?:i|we)(?:\'ve| have)? (?:never|not|did not|didn\'t) set (?:them|it|these|those|this|that|either (?:of them|one)|any of (?:them|these|those)) up', '(?:i|we) (?:have|had|hold) no (?:\\w+ ){0,3}(?:contract|account|agreement|subscription|membership|policy)s? with',
    '(?:nobody|no one|no-one) (?:in (?:this|my|our|the) (?:house|household|family|home) )?(?:even )?(?:games|gambles|bets)', '(?:i|we) (?:don\'t|do not|never) (?:even )?(?:gamble|bet online|play (?:online |video )?games)',
  ],
};

/** Explicit escalation threats: regulator, media, lawyer (→ serious). Not negatable: "不想闹到12315" is still a threat. */
const ESCALATION: CueSpec = {
  zh: [
    '(?<![0-9])(?:12315|12345|12378|12363|12321)(?![0-9])', '银保监会', '住建', '证监会', '物价局', '发改委', '(?<!电子)税务局(?!网站|app|官网|系统)', '网信办', '邮政管理局', '运输管理', '文旅局', '教育局', '卫健委', '药监局', '(向|到|找)[^，。,.!！?？]{0,8}(局|部门|委员会|监管|证监会|主管部门)[^，。,.!！?？]{0,4}(投诉|举报|反映|申诉)', '消协', '消费者协会', '消保委', '消委会', '消基会', '消费者委员会', '消保官', '消保处', '消费者保护', '公平会', '爆料', '(发|po|贴|发到|贴到|po到|po上)(脸书|fb|ig|dcard|ptt|threads|连登|高登)', '市场监管', '市场监督', '工商局', '工商部门', '找工商', '监管部门', '监管局', '监管机构', '银保监', '金融监管', '人民银行', '央行', '通管局', '工信部', '民航局', '交通局', '卫生局', '食药监', '质监局',
    '黑猫投诉', '媒体', '曝光', '记者', '电视台', '报社', '新闻', '上热搜', '(发|发到|曝光到|晒到|挂到|挂在)(小红书|微博|抖音|网上|朋友圈|群里)', '网上曝光', '让大家都知道', '让更多人知道',
    '律师', '起诉', '上法院', '法院', '诉讼', '打官司', '法律途径', '法律手段', '法律责任', '追究.{0,4}责任', '仲裁', '报警(?!器|声|灯|铃|系统|装置)', '报案', '公安', '派出所', '投诉到底', '举报',
  ],
  en: [
    'bbb', 'better business bureau', 'data protection (?:authority|commissioner|regulator|office)', 'the sec', 'securities and exchange commission', 'finra', 'fda', 'ico', 'lodg(?:e|ed|ing) a (?:formal )?complaint with', 'complain(?:t|ed)? to the (?:\\w+ )?(?:authority|commission|regulator|ombudsman|department|agency)', 'attorney general', 'consumer protection', 'consumer (?:affairs|rights|council|agency|ombudsman)', 'ftc', 'cfpb', 'fca', 'fcc', 'ombudsman', 'trading standards', '(?:the|a|state|federal|financial|banking|industry|energy|government|relevant|telecoms?) regulators?', 'regulatory', 'state (?:agency|department|regulator)', 'department of consumer', 'watchdog',
    'report (?:you|this|your company|the company|them) to', 'file (?:a )?(?:formal )?complaint with', 'filing a complaint with', 'reported (?:you|this|it) to the',
    '(?:the|to|local|news) media', 'media outlets?', '(?:the|local) news', 'news (?:station|channel|outlet|paper)s?', 'newspapers?', '(?:the|to the) press', 'journalists?', 'reporters?', 'tv station', 'go(?:ing)? public', '(?:on|to|all over|across) social media', '(?:go|went|going) viral', 'post (?:this|it|about (?:this|you|your company)) (?:on|to|online|everywhere)', 'tiktok', 'reddit',
    'lawyers?', 'attorneys?', 'solicitors?', 'legal (?:action|counsel|advice|team|proceedings|route|steps)', 'sue', 'suing', 'lawsuit', 'class action', 'small claims', 'take (?:you|this|them|it) to court', '(?:in|to) court', 'court (?:case|action)', 'police',
  ],
};

/** Suspected counterfeit (→ serious, product_quality). */
const COUNTERFEIT: CueSpec = {
  zh: ['假货', '假冒', '仿冒', '冒牌', '山寨', '高仿', 'a货', '不是正品', '非正品', '不像正品', '不是原装', '非原装', '盗版', '假酒', '假药', '假烟', '鉴定.{0,4}假', '验.{0,2}是假', '(货|东西|产品|商品|鞋|包|表|酒|化妆品|香水|耳机|手机|奶粉).{0,3}是假的', '以次充好', '以假乱真', '调表', '事故车', '泡水车', '翻新机', '二手.{0,4}当.{0,2}新', '买的[^，。,.!?！？]{0,12}是假的', '(序列号|防伪码|sn码|串号)[^，。,.!?！？]{0,12}(查不到|查无|不存在|无效)', 'serial number[^，。,.!?！？]{0,6}(查不到|查无|不存在|无效)'],
  en: ['counterfeit\\w*', 'fake(?! (?:tracking|reviews?|promises?|excuses?|apolog\\w*|numbers?|address|delivery|news|discounts?|sales?|prices?|promotions?|promos?|offers?|deals?|coupons?|vouchers?|bargains?|countdown|timers?|ratings?|stars?|followers?|smile|sympathy|urgency|customer service|agent|support|website|site|call|text|sms|email))', 'knock-?offs?', 'replicas?', 'not (?:genuine|authentic|original|the real)', 'imitation', 'bootleg\\w*', 'fakes', 'refurbished (?:sold|passed off) as new', 'serial(?: number| no\\.?)?[^.!?]{0,30}(?:doesn\'t exist|does not exist|not found|invalid|isn\'t valid|not valid|not recogni[sz]ed|comes up as)', 'used (?:item|product|one) sold as new'],
};

/** Egregious staff behaviour: insults, swearing, mocking, yelling, discrimination (→ serious). */
const STAFF_ABUSE: CueSpec = {
  zh: ['辱骂', '骂人', '骂我', '骂骂咧咧', '破口大骂', '大骂', '踹(了)?(我|门)', '指着.{0,4}鼻子', '(对我|冲我|朝我|对着我).{0,4}(骂|吼|喊|嚷)', '骂(道|起来|得|顾客|客人|"|“)', '嫌我(胖|丑|穷|老|土|笨|矮|黑|残|烦)', '骂了', '骂顾客', '骂客户', '开骂', '对骂', '脏话', '爆粗口', '粗口', '嘲笑', '嘲讽', '讥讽', '讽刺', '挖苦', '冷嘲热讽', '阴阳怪气', '吼', '咆哮', '凶我', '很凶', '歧视', '人身攻击', '侮辱', '羞辱', '威胁我', '恐吓', '推搡', '推了我', '动手打', '对我动手', '打人', '拍桌子', '摔东西', '傻x', '傻逼', '神经病', '穷鬼', '土包子', '滚出去', '有病吧', '买不起就(别|不要|滚|走)', '(你|您)(也|肯定|根本)?买不起', '(这么|那么)(差|笨|蠢|穷|老|胖|丑)(还|也)(来|敢|好意思|想)', '(你|您)(是)?(耳朵)?(聋|瞎|傻)(了|子)?(啊|吗|吧|呀)', '你耳朵聋', '(你们|你|您)(这些|这种)?(乡下人|农村人|外地人|穷人|土包子)', '看(我|人)穿(得|的)', '(看|嫌)(我|人)(穷|没钱)', '穷就(别|不要)', '看不起(人|我|顾客|客人|老人)', '瞧不起(人|我|顾客|客人)', '狗眼看人低', '你是不是有病', '脑子有病', '白痴', '蠢货', '废物', '(让|叫|喊|要)(我|我们|顾客|客人|客户)闭嘴'],
  en: ['insulted', 'insulting (?:me|us|my|customers)', 'insults', 'swore', 'swear(?:ing|s)? at', 'cursed at', 'cursing', 'cussed', 'profanit\\w*', 'f-word', 'mock(?:ed|ing|s)?', 'laugh(?:ed|ing)? at (?:me|us|my|him|her)', 'ridicul(?:ed|ing)', 'yell(?:ed|ing|s)?', 'shout(?:ed|ing)? at', 'scream(?:ed|ing)? at', 'raised (?:his|her|their) voice', 'called (?:me|us|him|her|them|my(?: \\w+){1,2}?) (?:an? )?(?:\\w+ )?(?:stupid|idiot|liar|moron|dumb|names|crazy|thief|thieves|cheap|scammer|loser|beggar|peasant|useless|fat|ugly)', 'too (?:stupid|dumb|thick|thick|poor|old) to', 'discriminat\\w*', 'racis[tm]\\w*', 'racial(?:ly)?', 'sexis[tm]', 'homophobic', 'slurs?', 'humiliat\\w*', 'belittl\\w*', 'threaten(?:ed|ing) (?:me|us|to hit)', 'pushed me', 'shoved', 'grabbed me', 'abusive', 'verbal(?:ly)? abus\\w*', 'called (?:me|him|her|us|my (?:\\w+ ){0,2}) ?(?:an? )?"[a-z][a-z\' -]{0,30}"', 'kicked (?:my|the) (?:door|car)', 'sneer(?:ed|ing|s)?', 'jabbed (?:his|her|a) finger', 'body-?sham\\w*', 'go back to (?:your|my|their) (?:own )?country', 'go back (?:to )?where (?:you|i|we|they) (?:came|come) from', 'fat-?sham\\w*', '(?:poor people|people like you|your kind)(?: \\w+)? (?:shouldn\'t|should not|don\'t|do not|can\'t|cannot|never|aren\'t|are not) (?:shop|come|be|buy|belong|afford|welcome)', '(?:said|told (?:me|us)|asked (?:me|us))[^.!?]{0,20}(?:can(?:no|\')t|couldn\'t|could never|won\'t be able to) afford', 'told (?:me|us|my \\w+) to shut up', '(?:said|yelled|snapped|shouted)[^.!?]{0,12}shut up'],
};

export const SEVERITY_CUES: Record<SeverityCue, CueSpec> = {
  safety: SAFETY,
  fraud: FRAUD,
  escalation: ESCALATION,
  counterfeit: COUNTERFEIT,
  staff_abuse: STAFF_ABUSE,
};

const NEGATABLE: ReadonlySet<SeverityCue> = new Set(['safety', 'fraud', 'counterfeit']);

// ---------------------------------------------------------------------------------------------
// Category cues: evidence added to the statistical model's scores (not decisive on their own,
// except safety, which is forced by the severity cue above).

export const CATEGORY_CUES: Record<Exclude<Category, 'safety'>, CueSpec> = {
  logistics: {
    zh: ['快递', '物流', '配送', '派送', '派件', '送货', '发货', '没发货', '未发货', '到货', '还没到', '没收到(货|快递|包裹|东西)', '收不到货', '包裹', '丢件', '件丢了', '快递丢', '(行李|行李箱|托运的)[^，。,.!?！？]{0,8}(坏|破|摔|划|裂)', '(行李|行李箱|箱子|包裹|货物|件)[^，。,.!?！？]{0,6}丢(了|失)', '托运', '签收', '代签', '驿站', '快递柜', '快递员', '配送员', '送货员', '骑手', '外卖员', '送达', '送餐', '运单', '(?<![订工账保])单号', '物流信息', '物流.{0,4}(停|不动|没更新|不更新)', '中转', '转运', '地址.{0,4}(错|不对)', '送错', '派错', '发错', '寄错', '运输', '途中', '路上', '外包装', '箱子.{0,4}(烂|破|压)', '压坏', '压扁', '摔坏', '到手.{0,4}(碎|坏|破)', '预约.{0,6}(上门|送|安装)', '上门', '没送上楼', '放门口', '顺丰', '中通', '圆通', '韵达', '申通', '京东物流', '邮政', 'ems', '极兔', '延误', '延迟', '迟迟', '催了'],
    en: ['deliver\\w*', 'courier\\w*', 'shipment\\w*', 'ship(?:ped|ping)', 'tracking', 'track(?:ing)? number', 'parcels?', 'packages?', 'arriv\\w*', 'never arrived', 'hasn\'t arrived', 'not (?:been )?delivered', 'lost in (?:the )?(?:mail|post|transit)', 'in transit', 'transit', 'drivers?', 'carrier', 'dispatch\\w*', 'ups', 'fedex', 'dhl', 'usps', 'royal mail', 'left (?:at|on|outside|by)', 'porch', 'doorstep', 'wrong address', 'missed (?:the )?delivery', 'delivery (?:window|slot|date|appointment)', 'crushed', 'dented', 'warehouse', 'stuck (?:at|in)', 'out for delivery', 'signed for', 'mailbox', 'post office', 'wrong (?:item|size|colou?r) (?:was )?(?:sent|shipped|delivered)', 'sent (?:me )?the wrong', 'late', 'delay\\w*', 'depot', '(?:sorting|distribution|fulfil?ment) (?:centre|center|office|facility|hub)', 'hub', 'customs', 'post(?:man|woman|ie)', 'mail(?:man|carrier)', 'delivery (?:guy|man|person|boy|driver|partner|agent|executive|boy)', 'riders?', 'turn(?:ed|s)? up', 'show(?:ed|s)? up', 'no-?show', '(?:hasn\'t|has not|hadn\'t|haven\'t|not) (?:moved|been updated|updated)', 'label created', 'still (?:not )?(?:here|shipped|dispatched)', '(?:not|never) (?:yet )?(?:receiv\\w*|got) (?:my|the|any|it|anything)', 'not receive', 'evri', 'hermes', 'dpd', 'yodel', 'parcelforce', 'canada post', 'australia post', 'india post', 'delhivery', 'blue ?dart', 'ekart', 'aramex', 'empty (?:box|package|parcel)', 'contents (?:were |was )?(?:missing|gone)', 'neighbou?rs?', 'safe place', '(?:pick-?up|collection|drop-?off) point', 'lockers?', 'consignment', 'eta', 'where is (?:my|the) (?:order|parcel|package|stuff|delivery)', 'van'],
  },
  product_quality: {
    zh: ['没(有)?声音', '没声(了)?', '(东西|商品|货|产品|宝贝)(是|都是|全是|竟然是|居然是)?坏的', '(有|发现|吃出|吃到)(了)?(一|几|两)?根\\s?(头发|毛发|hair)', '质量', '坏了', '故障', '不工作', '不能用', '用不了', '无法使用', '开不了机', '无法开机', '开机.{0,3}(没反应|黑屏)', '黑屏', '死机', '失灵', '不灵敏', '开裂', '裂了', '裂开', '断了', '掉漆', '起球', '褪色', '掉色', '缩水', '变形', '异味', '做工', '粗糙', '瑕疵', '次品', '残次', '劣质', '不合格', '漏水', '渗水', '不制冷', '不制热', '不加热', '噪音', '异响', '嗡嗡', '与描述不符', '描述不符', '货不对板', '和图片不一样', '实物', '色差', '尺码.{0,3}(不准|偏)', '变质', '过期', '发霉', '霉', '馊', '烂的', '烂叶', '腐烂', '不新鲜', '臭了', '坏掉', '烂了', '续航', '电池不耐用', '充不进电', '充不上电', '屏幕', '坏点', '亮点', '划痕', '用了.{0,4}(天|次|周|个月).{0,4}(坏|就)', '没用几次', '保修', '维修', '返修', '售后维修', '产品'],
    en: ['no (?:sound|audio)', 'hairs? in (?:my|the|it|our|his|her)', '(?:found|was|there(?:\'s| is| was)) (?:a |an )?(?:long |black |human )?(?:hair|strand of hair)(?! (?:dryer|straightener|salon|cut|clipper))', 'sound (?:cuts|keeps cutting) out', '(?:not|never|\\w+n\'t) (?:even )?(?:\\w+ )?(?:spicy|crispy|fresh|seasoned)', 'tasteless', 'bland', 'no flavou?r', 'flavou?rless', 'defect\\w*', 'faulty', 'fault', 'broke', 'broken', 'stopped working', '(?:does not|doesn\'t|won\'t|will not|didn\'t) (?:work|turn on|charge|power on|start|heat|cool)', 'not working', 'quality', 'poor(?:ly)? made', 'cheap(?:ly)? made', 'flimsy', 'fell apart', 'falling apart', 'ripp(?:ed|ing)', 'torn', 'tear', 'stitch\\w*', 'seams?', 'peel\\w*', 'fad(?:ed|ing)', 'shrank', 'shrunk', 'leak(?:s|ed|ing|y)?', 'mou?ld(?:y)?', 'expired', 'expiry', 'best before', 'stale', 'spoil(?:ed|t)', 'rotten', 'sour(?:ed)?', 'not as described', '(?:doesn\'t|does not) match (?:the )?(?:description|photos?|pictures?)', 'misleading (?:description|photos?|listing)', 'malfunction\\w*', 'glitch(?:y|es)?', 'dead pixels?', 'battery (?:life|drains|dies)', 'crack(?:ed|s)?', 'scratch(?:ed|es)', 'warranty', 'repair\\w*', 'replacement', 'manufactur\\w*', 'product', 'item', 'material', 'workmanship', 'noisy', 'rattl\\w*', 'buzz\\w*', 'wobbl\\w*', 'hold(?:s|ing)? (?:a |its |any )?charge', 'drain(?:s|ed|ing)? (?:fast|quickly|overnight|in)', 'flicker\\w*', 'squeak\\w*', 'grind(?:s|ing)', 'jam(?:s|med|ming)?', 'snapp(?:ed|ing)', 'came (?:off|apart|loose|unstuck|unglued|undone)', 'fell off', 'loose', 'bent', 'chipp(?:ed|ing)', 'fray\\w*', 'pill(?:ed|ing|s)', 'bobbl\\w*', 'colou?r (?:ran|runs|bled|faded|came out)', 'discolou?r\\w*', 'lukewarm', 'inaccurate', 'wrong readings?', 'not as (?:advertised|pictured|shown|promised|listed)', 'nothing like (?:the )?(?:picture|photo|description|advert|ad|listing)s?', 'veneer', 'poor(?:er)? quality', 'low quality', 'rubbish', 'junk', 'not fit for purpose', 'gone off', 'tast(?:es|ed|ing)? (?:off|funny|strange|weird|bad|stale|flat|sour|rancid)', 'smell(?:s|ed|ing)? (?:off|bad|funny|rancid|musty)', 'rancid', 'mildew\\w*', 'weevils?', 'dead on arrival', 'doa', 'odometer', 'mileage (?:was )?(?:rolled back|clocked|tampered)', 'rolled[- ]back', 'stopped (?:charging|spinning|heating|cooling|responding|functioning)', '(?:won\'t|doesn\'t|does not|will not|wouldn\'t) (?:switch|turn|power) on', '(?:switch|turn|shut)(?:s|ed)? (?:itself |themselves )?(?:off|down)', 'pages? (?:are |were )?missing', 'missing pages', 'upside down', 'runs? (?:small|large|big)', 'sizing', '(?:wear|wore|worn) (?:out|through)', 'warp(?:ed|ing|s)?', 'shrink\\w*', 'wash(?:es|ed)?'],
  },
  refund: {
    zh: ['退款', '退货', '退钱', '退回', '退还', '退费', '退订', '退一半', '只退(了)?(我)?(一半|一部分|部分|[0-9一二两三四五六七八九十百]+)', '退了?(我)?(一半|一部分)', '少退', '(扣|扣除|扣掉)[^，。,.!?！？]{0,10}(再|才|后)退', '部分退款', '仅退款', '退货退款', '退款.{0,6}(没|未|还没)到', '到账', '原路退回', '取消订单', '取消了订单', '订单取消', '拒绝退', '不给退', '不予退', '不退', '七天无理由', '无理由', '退换', '换货', '退押金', '押金', '定金', '订金', '退差价', '退票', '售后', '申请.{0,4}退', '钱.{0,4}退', '赔偿', '补偿', '理赔', '赔付', '拒赔', '跑路', '(找谁|怎么|能不能|能否|可不可以|要求|必须)退', '退不(了|回)'],
    en: ['refund\\w*', 'return(?:ed|ing|s)?(?! (?:desk|counter|(?:my |a |any |the |one |our |his |her |their )?(?:single )?(?:calls?|phone calls?|emails?|messages?)))', 'money back', 'reimburs\\w*', 'cancel\\w*', 'cancell?ation', 'return label', 'rma', 'restocking fee', 'exchange\\w*', 'store credit', 'credit (?:back|note)', 'deposit', 'compensat\\w*', 'reversal', 'reversed', 'credited back', 'still (?:not |haven\'t )?(?:received|got) (?:my|the) (?:money|refund)', 'guarantee', 'claims?[^.!?]{0,40}(?:was|were|has been|have been|got|being) (?:rejected|denied|declined|refused|turned down)', 'insurance claims?', 'pay ?outs?'],
  },
  billing: {
    zh: ['扣费', '扣款', '扣钱', '扣了', '多扣', '重复扣', '扣了两次', '扣两次', '两笔', '收费', '乱收费', '多收', '价格', '价钱', '标价', '原价', '差价', '涨价', '优惠券', '优惠', '券', '满减', '折扣', '打折', '红包', '支付失败', '付款失败', '支付.{0,6}(扣|钱)', '付款', '支付', '自动续费', '续费', '连续包月', '包月', '会员费', '年费', '月费', '手续费', '服务费', '违约金', '滞纳金', '利息', '隐藏费用', '附加费', '额外(收|加收|收取|收了|要|付)', '另(外)?(收|加收|收取)(了)?', '加收', '(材料|安装|上门|作业|人工|辅材|工时|搬运|出车)费', '账单', '对账', '发票', '开票', '话费', '流量费', '套餐', '资费', '运费', '保价', '价保', '结算', '计费', '收银', '找零', '包邮', '到付', '加钱', '加价', '补差价', '(卖|要|收)(到)?[0-9]+(块|元|一)', '超时费', '保管费', '充值[^，。,.!?！？]{0,8}(没|未)到账', '取消费', '调度费', '空驶费', '等候费', '车费', '打车费', '收了我[0-9一二两三四五六七八九十百千万]', '收了[0-9一二两三四五六七八九十百千万]+(块|元)', '(钱|款)(已经|都)?扣了', '扣了(钱|款)?[^，。,.!?！？]{0,8}(没|未)(收到|到账)', '优惠码', '折扣码', '券码', '兑换码'],
    en: ['delivery (?:fee|charge|cost)s?', '(?:£|\\$|€|₹)\\s?[0-9]+(?:\\.[0-9]+)? (?:just |only )?(?:for|to) (?:delivery|deliver|shipping|ship|postage|p&p)', 'daylight robbery', '(?<!(?:wireless|fast|won\'t|doesn\'t|does not|didn\'t|stopped|not|isn\'t|wouldn\'t|to|hold a|holds a|holding a|hold its|holds its|hold any|keep a|keeps a) )charg(?:e|ed|es|ing)(?! (?:stand|pad|cable|port|case|dock|station|brick|block|speed|lead|cord|mat|time|light))', 'overcharg\\w*', 'double[- ]charg\\w*', 'charged twice', 'twice', 'bill(?:ed|ing|s)?', 'invoic\\w*', 'fees?', 'hidden (?:fee|charge|cost)s?', 'pric(?:e|es|ed|ing)', 'coupon\\w*', 'promo(?: code)?', 'discount\\w*', 'voucher\\w*', 'subscription\\w*', 'renew\\w*', 'auto-?renew\\w*', 'membership fee', 'annual fee', 'monthly fee', 'payment (?:failed|declined|went through)', 'declined', 'statement', 'tax(?:es)?', 'receipt', 'surcharge', 'interest', 'pending (?:charge|transaction)', 'pre-?authori[sz]ation', 'checkout total', 'price match', 'shipping (?:fee|cost|charge)', 'free shipping', 'still (?:being )?(?:charg\\w*|billed|taking|debit\\w*)', 'taking (?:£|\\$|€|money|payments?)', '(?:every|each|per|a) month', 'debit(?:ed|s)?', 'deducted', 'direct debit', 'top(?:ped)?[- ]?up', 'cost(?:s|ing)?', 'vat', 'gst', 'paid (?:extra|more|twice|double)', 'more than the (?:price|advertised|listed|menu)', '(?:price|amount) (?:shown|listed|advertised)', 'transfer(?:red)? (?:of|to)', 'payees?', 'transactions?', 'card statement', 'bank statement', 'tariffs?', 'fares?', 'long way (?:round|around)', '(?:promo|discount|coupon|voucher) ?codes?'],
  },
  service_attitude: {
    zh: ['态度', '服务态度', '态度差', '态度恶劣', '客服', '人工客服', '机器人', '不理人', '不理睬', '爱答不理', '不回复', '没人回复', '没有回复', '已读不回', '不回消息', '敷衍', '推诿', '踢皮球', '推来推去', '转来转去', '互相推', '推给', '等了.{0,4}(分钟|小时)', '排队', '打不通', '占线', '没人接', '无人接听', '回电', '回访', '回电话', '答应.{0,6}(联系|回复|回电|处理)', '挂电话', '挂断', '挂了', '不耐烦', '服务员', '店员', '工作人员', '柜员', '营业员', '导购', '经理', '冷漠', '不专业', '服务差', '没礼貌', '不礼貌', '语气', '一问三不知', '答非所问', '重复说', '让我等', '来回跑', '跑了(好几|三|两|几|四|五)趟', '(让我|叫我)(去|找)[^，。,.!?！？]{0,10}(又|却|就)?(让我|叫我)(去|找)'],
    en: ['rude\\w*', 'attitude', 'customer service', 'customer support', 'support team', 'agents?', 'representatives?', 'reps?', 'hung up', 'hang up', 'on hold', 'hold (?:for|music)', 'wait(?:ed|ing)? (?:for )?(?:over |almost |nearly )?(?:an? |\\d+ )?(?:hour|hours|minutes)', 'no (?:response|reply|answer)', 'never (?:called|got back|responded|replied|heard back)', 'call(?:ed)? back', 'callback', 'ignor\\w*', 'unhelpful', 'dismissive', 'unprofessional', 'transferr?ed', 'passed (?:around|from|between)', 'bounced (?:around|between)', 'runaround', 'staff', 'employees?', 'cashier', 'manager', 'supervisor', 'clerk', 'waiter', 'waitress', 'condescending', 'chatbot', 'bot', 'scripted', 'apolog\\w*', 'nobody (?:cared|helped)', 'left on read', 'emails? (?:went )?unanswered', 'tickets?', 'help ?lines?', 'hot ?lines?', 'call (?:cent(?:re|er)s?)', 'held (?:for|on)', 'cut off', 'rolled (?:his|her|their) eyes', 'walked (?:off|away)', 'sigh(?:ed|ing)', 'shrugg?(?:ed|ing)', 'snapped at (?:me|us|my)', 'sarcas\\w*', 'arrogan\\w*', 'patroni[sz]\\w*', 'impolite', '(?:no one|no-one|nobody) (?:answers|answered|picks up|picked up|gets back|got back|replies|replied|responds|responded|called|calls|rang|rings)', 'not (?:even )?(?:a|one|a single) (?:reply|response|acknowledg\\w*|call|word)', 'acknowledg\\w*', 'live chat', 'phone menu', 'disconnect(?:ed|s)? (?:me|the call)', 'tellers?', 'promised (?:a |me a |to )?(?:call|callback|call back|reply|response|email|ring)', 'refused to help', '(?:start|started|starting) (?:from scratch|all over|over again)', '(?:explain|explained|repeat|repeated) (?:the same|my) (?:problem|issue|story|complaint)', 'different (?:people|agents|departments)', 'departments?', 'emails? (?:have gone|went|go|are going) unanswered', '(?:haven\'t|have not|hasn\'t|has not|never) (?:heard|received|got|gotten) (?:back|(?:a |any |one |a single |an )?(?:reply|replies|response|answer)|anything back)', '(?:the|that) (?:woman|man|lady|guy|girl|bloke|gentleman|person) (?:at|on|behind) the (?:\\w+ )?(?:desk|counter|till|phone)'],
  },
  technical: {
    zh: ['app', '软件', '闪退', '打不开', '登录', '登陆', '登不上', '登不进', '无法登录', '验证码', '密码', '重置', '系统', '网页', '网站', '官网', '页面', '界面', '报错', '错误', '出错', '白屏', '卡死', '卡顿', '崩溃', 'bug', '更新', '升级', '版本', '网银', '手机银行', '小程序', '二维码', '扫码', '绑定', '解绑', '实名认证', '认证', '人脸识别', '刷脸', '账号', '账户', '帐号', '封号', '冻结', '异常', '加载', '转圈', '404', '500', '502', '服务器', '网络', '断网', '宕机', '提交不了', '提交失败', '下单失败', '无法下单', '点不了', '没反应', '数据', '记录不见', '消失了', '短信', '信号(差|不好|很差|弱|太差|不稳定|时有时无)', '没(有)?信号', '网速', '掉线', '网络(差|不好|很差|不稳定)', 'wifi', '宽带.{0,6}(断|慢|连不上|用不了)'],
    en: ['app', 'apps', 'application', 'website', 'site', 'web ?page', 'portal', 'online banking', 'mobile banking', 'log ?in', 'logg(?:ed|ing) (?:in|out)', 'sign(?:ed|ing)? (?:in|on)', 'password', 'reset', 'verification', 'verify', 'otp', 'one-time (?:code|password)', '2fa', 'two-factor', 'authenticat\\w*', 'error\\w*', 'error code', 'crash\\w*', 'bugs?', 'buggy', 'freez\\w*', 'frozen', 'loading', 'blank (?:screen|page)', 'server', 'outage', 'down', 'update', 'version', 'browser', 'account (?:locked|suspended|disabled|blocked|frozen)', 'locked out', 'two-step', 'captcha', 'checkout (?:page|button)', '404', '500', 'glitch\\w*', 'timeout', 'timed out', 'sync\\w*', 'notification\\w*', 'data', 'log(?:s|ged|ging)? (?:me |us )?out', 'session (?:expired|timed out|timeout)', 'gr[ae]yed out', 'buttons?', '(?:page|site|app|screen|portal)s? (?:won\'t|doesn\'t|does not|will not|wouldn\'t|didn\'t) (?:load|open|respond|work)', 'net ?banking', 'internet banking', 'upi', 'offline', 'profile', 'settings', 'dashboard', 'links?', 'upload\\w*', 'download\\w*', '(?:re|un)install\\w*', 'install(?:ed|ing)? the app', 'checkout (?:page|button|screen)', '(?:won\'t|doesn\'t|does not|will not|can\'t|cannot|couldn\'t|unable to) (?:let me )?(?:log ?in|sign in|check ?out|pay|load)', 'unable to (?:log ?in|login|sign in|access)', 'spinning (?:wheel|circle)', 'white screen'],
  },
  other: {
    zh: ['建议', '咨询', '请问', '积分', '会员等级', '广告', '骚扰电话', '骚扰短信', '推销', '营销短信', '营销电话', '垃圾短信', '退订短信', '停车', '停车场', '环境', '卫生间', '厕所', '空调太冷', '营业时间', '有没有(门店|分店|实体店|线下店)', '(门店|分店|实体店)(地址|在哪)', '最近的(门店|分店|网点)', '关门', '活动规则', '抽奖', '问卷', '隐私', '个人信息', '噪音扰民', '意见', '希望增加', '能不能增加', '排放', '无障碍', '环保', '可降解', '分店', '开到我们', '什么时候开', '能不能(换成|多开|开个|出个|加个|增加|推出)', '建议(你们|贵)'],
    en: ['suggest\\w*', 'question', 'wondering', 'loyalty', 'points', 'rewards?', 'spam\\w*', 'marketing', 'unsubscrib\\w*', 'newsletter', 'promotional (?:calls?|emails?|texts?)', 'telemarketing', 'parking', 'opening hours', 'do you have (?:a|an|any) (?:store|shop|branch|outlet|showroom)s?', 'store locator', 'nearest (?:store|shop|branch|outlet)', 'where (?:is|are) (?:your|the) (?:nearest |closest )?(?:stores?|shops?|branch(?:es)?|outlets?)', '(?:stores?|shops?|branch(?:es)?) (?:locations?|near me|in my area)', 'store hours', 'restroom', 'bathroom', 'toilets?', 'music (?:is )?(?:too )?loud', 'feedback', 'survey', 'privacy', 'personal data', 'gdpr', 'accessibility', 'wheelchair', 'feature request', 'would be nice', 'please add', 'sweepstakes', 'contest', 'raffle', 'eco-friendly', 'recycl\\w*', 'plastic packaging', 'clos(?:es|ing) (?:at|early)', 'open(?:ing)? (?:times|later|earlier)', 'new (?:store|branch|location)s?', 'student discount', 'is there (?:a|an|any) (?:way|option|plan)', 'ads', 'adverts?', 'advertis\\w*', 'commercials?', 'opt(?:ed)?[- ]out', 'take (?:me|my (?:number|email|name|details)) off', 'mailing list', '(?:baby )?changing (?:table|facilities|room)', 'vegan', 'menu (?:option|choice)s?', 'stamps', '(?:could|would|can) you (?:please )?(?:add|offer|open|stock|bring|consider|introduce|put)', 'it would (?:help|be great|be good)', 'queues?', 'trolleys?', 'litter'],
  },
};

// ---------------------------------------------------------------------------------------------
// Emotion cues

const ANGER: CueSpec = {
  zh: ['气死', '生气', '愤怒', '恼火', '火大', '窝火', '垃圾', '太差', '差劲', '恶心', '无语', '离谱', '过分', '太过分', '坑人', '坑爹', '被坑', '什么破', '破公司', '滚', '忍无可忍', '受够了', '崩溃', '奔溃', '气愤', '失望', '寒心', '黑心', '无良', '骗子', '强烈不满', '极其不满', '非常不满', '不满', '可恶', '搞什么', '搞笑', '开玩笑', '凭什么', '什么态度', '服了', '欺负人', '无耻', '恶劣', '投诉你们', '再也不', '差评'],
  en: ['angry', 'anger', 'furious', 'outrag\\w*', 'livid', 'pissed', 'ridiculous', 'unacceptable', 'disgust\\w*', 'terrible', 'horrible', 'horrendous', 'worst', 'awful', 'pathetic', 'useless', 'joke', 'fed up', 'sick (?:and tired )?of', 'wtf', 'damn\\w*', 'hell', 'fuck\\w*', 'shit\\w*', 'crap', 'incompeten\\w*', 'appall\\w*', 'infuriat\\w*', 'frustrat\\w*', 'disappoint\\w*', 'annoy\\w*', 'upset', 'shameful', 'disgrace\\w*', 'never again', 'last time', 'how dare', 'insane', 'absurd', 'garbage', 'trash', 'rip-?off', 'scam'],
};

const URGENCY: CueSpec = {
  zh: ['紧急', '着急', '很急', '急用', '急需', '急死', '马上', '立刻', '立即', '赶紧', '尽快', '尽早', '今天必须', '今天之内', '救命', '十万火急', '等着用', '来不及', '刻不容缓', '速度', '快点', '赶快', '火速', '第一时间'],
  en: ['urgent\\w*', 'asap', 'immediately', 'right now', 'right away', 'emergency', 'today', 'at once', 'help', 'critical', 'as soon as possible', 'time-sensitive', 'deadline', 'tonight', 'without delay', 'now'],
};

const THREAT_EXTRA: CueSpec = {
  zh: ['否则', '不然', '再不.{0,12}就', '别怪我', '走着瞧', '等着', '后果自负', '最后一次'],
  en: ['or else', 'otherwise', 'final warning', 'last chance', 'you will regret', 'if (?:this|it) is not (?:resolved|fixed|sorted)', 'unless'],
};

// ---------------------------------------------------------------------------------------------
// Compilation and matching

/** A Latin or digit cue in a Chinese list ("app", "bug", "ems", "404") is matched on word boundaries too: not inside "apparently", "debug", "items", "$1404". */
const ASCII_CUE = /^[\x20-\x7e]+$/;

function compile(spec: CueSpec): RegExp {
  const parts: string[] = [];
  const zh = spec.zh.filter((c) => !ASCII_CUE.test(c));
  const en = [...spec.en, ...spec.zh.filter((c) => ASCII_CUE.test(c))];
  if (zh.length) parts.push(`(?:${zh.join('|')})`);
  if (en.length) parts.push(`(?<![a-z0-9])(?:${en.join('|')})(?![a-z0-9])`);
  return new RegExp(parts.join('|'), 'g');
}

const SEVERITY_RE = Object.fromEntries(Object.entries(SEVERITY_CUES).map(([k, v]) => [k, compile(v)])) as Record<SeverityCue, RegExp>;
const CATEGORY_RE = Object.fromEntries(Object.entries(CATEGORY_CUES).map(([k, v]) => [k, compile(v)])) as Record<Exclude<Category, 'safety'>, RegExp>;
const ANGER_RE = compile(ANGER);
const WEAK_SAFETY_RE = compile(WEAK_SAFETY);
const URGENCY_RE = compile(URGENCY);
const THREAT_RE = compile(THREAT_EXTRA);

export interface CueHit {
  cue: string;
  index: number;
  negated: boolean;
}

// "没有受伤", "无人受伤", "幸好没烫到", "未造成人员伤亡" — but not "没想到会爆炸", "没多久就冒烟", "没有任何预兆就起火".
// "不是安全问题", "算不上安全隐患" — but not "不是第一次冒烟", "不是一般的烫".
const ZH_NEG = /(?:(?:没有|没|未|无|并未|从未|不曾|避免|防止|以免|免得|以为|还以为|当成|误以为)(?!想|料|多久|几|过多|一会|任何预兆|预兆|注意|提醒|告知|办法|法|人管|人理)|(?:不是|不算|并非|并不是|算不上|谈不上|不涉及|不存在)(?!第|头|一次|因为|说|只|我|很|太|一般|一点|普通|小))[^，。,.!！?？；;就却但还竟才]{0,4}$/;
// "no one was hurt", "nobody got injured", "wasn't burned", "without injury" — but not "did not expect it to explode".
const EN_NEG = /(?<![a-z])(?:no|not|never|nobody|nothing|none|without|n't|luckily no|thankfully no)(?![a-z])(?! (?:expect|think|know|realize|realise|notice|imagine|believe|want|see)\w*)(?:[ -]+(?!but\b|and\b)[a-z']+){0,3}[ -]*$/;
const NEG_FREE = /(?:免于|无论|不论|无数)$/;

function isNegated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  if (NEG_FREE.test(before)) return false;
  return ZH_NEG.test(before) || EN_NEG.test(before);
}

function scan(re: RegExp, text: string, negatable: boolean, limit = 20): CueHit[] {
  const hits: CueHit[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && hits.length < limit) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    hits.push({ cue: m[0], index: m.index, negated: negatable ? isNegated(text, m.index) : false });
  }
  return hits;
}

// Health words that describe no hazard from the product or service:
//  - medical treatment in an insurance / reimbursement claim ("住院花了1.8w，理赔一分没赔"): the claim is the complaint;
//  - an allergy in a question about ingredients, with no reaction described ("does the sauce contain peanuts? my son is allergic").
const INSURANCE_CONTEXT = /保险|理赔|拒赔|保单|医保|报销|保司|(?<![a-z])(?:insurance|insurers?|underwriters?|policy ?holders?|(?:medical|health|travel|hospital) (?:claims?|cover)|claims? (?:was|were|has been|have been|got) (?:rejected|denied|declined|refused))(?![a-z])/;
const TREATMENT_CUE = /^(?:哮喘|asthma|inhaler|住院|进了医院|去了医院|去医院|送医|就医|急诊|抢救|看医生|送到医院|hospital\w*|emergency room|the er|urgent care|a&e|ambulance|paramedics|doctor said)$/;
const ALLERGY_CUE = /^(?:allerg\w*|过敏)$/;
const ALLERGEN_QUESTION = /有没有|含不含|是否含|是不是含|会不会含|含(有)?[^，。,.!?！？]{0,8}(吗|么)|能不能吃|可以吃吗|能吃吗|请问|想问|想知道|(?<![a-z])(?:(?:does|do|is|are|can|could|will|would) (?:it|this|the|your|that|they|these|you|there|those)|whether|want to (?:know|check|ask)|wondering|asking for|tell me if|let me know if|before i (?:order|buy|book)|(?:list|label|show|mark)(?:ed|s)? (?:the |all )?allergens|allergen (?:info|information|list|labell?ing))(?![a-z])/;
const ALLERGY_REACTION = /吃了|喝了|用了|吃完|喝完|涂了|起疹|红肿|肿了|呼吸|医院|急诊|(?<![a-z])(?:ate|eaten|eating|drank|had (?:a|an) (?:\w+ )?reaction|reacted|swell\w*|swollen|hives|rash|epipen|hospital|breath\w*)(?![a-z])/;

function notHazards(text: string, hits: CueHit[]): void {
  const live = hits.filter((h) => !h.negated);
  if (!live.length) return;
  if (INSURANCE_CONTEXT.test(text)) for (const h of live) if (TREATMENT_CUE.test(h.cue)) h.negated = true;
  const rest = live.filter((h) => !h.negated);
  if (rest.length && rest.every((h) => ALLERGY_CUE.test(h.cue)) && ALLERGEN_QUESTION.test(text) && !ALLERGY_REACTION.test(text)) for (const h of rest) h.negated = true;
}

// "Fraud" said of a price, a fee or an advert ("跟诈骗有什么区别", "this is fraud, plain and simple",
// "borderline fraud") is a billing grievance, not a security / fraud incident: such a bare 诈骗 / fraud
// counts only when the text also says something was done without the customer (not me, never made…).
const LOOSE_FRAUD_CUE = /^(?:诈骗|fraud|fraudulent|scam)$/;
const LOOSE_FRAUD_IDIOM = /(?:跟|和|与)诈骗(?:有什么|有啥|没什么|没啥|没有|没)?(?:区别|两样)|(?:简直|完全|纯属|等于|相当于|无异于|跟|和|就是|这是|明摆着)(?:就)?(?:是)?(?:在)?(?:赤裸裸的|明目张胆的|变相)?诈骗|变相诈骗|诈骗(?:式|一样|似的|行为吧)|(?<![a-z])(?:(?:this|that|it|which)(?:'s| is| was| feels like| looks like| amounts to| seems like)(?: \w+){0,2} (?:fraud|a scam)|(?:borderline|bordering on|practically|basically|pretty much|tantamount to|next to|verging on) (?:fraud|fraudulent)|fraud,? plain and simple|(?:fraud|fraudulent) (?:pricing|advertising|ads?|marketing|fees?|charges? on (?:the|your) (?:site|menu|website)))(?![a-z])/g;
const LOOSE_FRAUD_TOPIC = /价格|价钱|标价|到手价|原价|收费|服务费|手续费|包装费|运费|费用|广告|宣传|结算|(?<![a-z])(?:price|prices|pricing|priced|fees?|advert\w*|ads?|checkout|menu|listed|surcharge|markup|mark-up|charged \w+ (?:more|extra)|costs?)(?![a-z])/;
const NOT_ME = /不是我|非本人|本人未|没(?:有)?(?:操作|授权|消费|买过|下过单)|未经(?:我|本人)|(?<![a-z])(?:not me|wasn't me|never (?:made|authori[sz]ed|ordered|bought|signed up)|did(?:n't| not) (?:make|authori[sz]e|order)|without my (?:permission|consent|knowledge)|unauthori[sz]ed|stolen|hack\w*)(?![a-z])/;

function looseFraud(text: string, hits: CueHit[]): void {
  const live = hits.filter((h) => !h.negated);
  if (!live.length || !live.every((h) => LOOSE_FRAUD_CUE.test(h.cue)) || !LOOSE_FRAUD_TOPIC.test(text) || NOT_ME.test(text)) return;
  const spans = [...text.matchAll(LOOSE_FRAUD_IDIOM)].map((m) => [m.index, m.index + m[0].length] as const);
  if (live.every((h) => spans.some(([a, b]) => h.index >= a && h.index < b))) for (const h of live) h.negated = true;
}

export function findSeverityCues(text: string): Record<SeverityCue, CueHit[]> {
  const out = {} as Record<SeverityCue, CueHit[]>;
  for (const k of Object.keys(SEVERITY_RE) as SeverityCue[]) out[k] = scan(SEVERITY_RE[k], text, NEGATABLE.has(k));
  notHazards(text, out.safety);
  looseFraud(text, out.fraud);
  return out;
}

export function findCategoryCues(text: string): Record<Exclude<Category, 'safety'>, CueHit[]> {
  const out = {} as Record<Exclude<Category, 'safety'>, CueHit[]>;
  for (const k of Object.keys(CATEGORY_RE) as Exclude<Category, 'safety'>[]) out[k] = scan(CATEGORY_RE[k], text, false);
  return out;
}

export function findWeakSafetyCues(text: string): CueHit[] {
  return scan(WEAK_SAFETY_RE, text, true);
}

export function findEmotionCues(text: string): { anger: CueHit[]; urgency: CueHit[]; threat: CueHit[] } {
  return { anger: scan(ANGER_RE, text, true), urgency: scan(URGENCY_RE, text, false), threat: scan(THREAT_RE, text, false) };
}

// ---------------------------------------------------------------------------------------------
// Amounts: "¥1,200", "1200元", "$1,500", "1.2万", "两千多块", "USD 2k" → numbers

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parses Chinese numerals such as 一千二百, 两千五, 三万, 十五 (common spoken forms). */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = 0;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch]!;
    } else if (ch in CN_UNIT) {
      const unit = CN_UNIT[ch]!;
      if (unit === 10000) {
        section += digit ?? 0;
        total += (section || 1) * 10000;
        section = 0;
      } else {
        section += (digit ?? (unit === 10 ? 1 : 0)) * unit;
      }
      digit = null;
      lastUnit = unit;
    } else {
      return null;
    }
  }
  if (digit !== null) {
    // 两千五 = 2500: a trailing digit is one unit below the last one.
    section += lastUnit >= 100 && lastUnit < 10000 ? digit * (lastUnit / 10) : lastUnit === 10000 ? digit * 1000 : digit;
  }
  const n = total + section;
  return Number.isFinite(n) && n > 0 ? n : null;
}

const MULT: Record<string, number> = { k: 1000, w: 10000, 万: 10000, 千: 1000, 百: 100, m: 1_000_000 };

function num(digits: string, mult?: string): number | null {
  const n = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  return n * (mult ? (MULT[mult] ?? 1) : 1);
}

const AMOUNT_PREFIX = /(?:¥|\$|€|£|₹|(?<![a-z])(?:us\$|hk\$|s\$|a\$|c\$|rmb|cny|usd|eur|gbp|hkd|aud|cad|sgd|nzd|inr|aed|chf|myr|rs\.?)(?![a-z]))\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*((?:k|w|m)(?![a-z])|万|千)?/g;
const AMOUNT_SUFFIX = /([0-9][0-9,]*(?:\.[0-9]+)?)\s*((?:k|w)(?![a-z])|万|千|百)?\s*多?\s*(?:元|块|圆|人民币|(?<![a-z])(?:rmb|yuan|dollars?|bucks|usd|eur|euros?|pounds?|gbp|quid|rupees?|rs|inr|aed|dirhams?|sgd|aud|cad|nzd|chf)(?![a-z]))/g;
const AMOUNT_CN = /([零〇一二两三四五六七八九十百千万]{1,8})\s*多?\s*(?:元|块|万元|的(?:货款|款项|费用|押金|定金|订金|学费|房费|医药费|损失|订单|商品|手机|电脑|家电))/g;
// "两万多的钢琴", "3千多的手机", "一万二买的": thousands / ten-thousands before 的 / 买的 / 块 are money.
const AMOUNT_BIG = /(?<![0-9a-z.])([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百]{1,4})\s*(万|千|w(?![a-z])|k(?![a-z]))([零一二两三四五六七八九]?)\s*多?\s*(?:块钱|块|的|买的|花的|买了|学费|房租|押金|定金|订金|货款|工资|保费|医药费|首付|尾款|会费|培训费|违约金)/g;
// "1.5 lakh", "2 lakhs", "3 grand" (Indian and colloquial English amounts).
const AMOUNT_WORD = /(?<![0-9a-z.])([0-9]+(?:\.[0-9]+)?)\s*(lakhs?|lacs?|crores?|grand)(?![a-z])/g;
// "forty thousand dollars", "a thousand pounds", "two and a half thousand euros" — number words before a currency word.
const EN_NUMBER: Record<string, number> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, several: 2, 'a few': 2, 'a couple of': 2,
};
const AMOUNT_EN_WORDS =
  /(?<![a-z])(a few|a couple of|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|several)(?:[- ](one|two|three|four|five|six|seven|eight|nine))? (thousand|million) (?:us |australian |canadian |singapore |hong kong )?(?:dollars|pounds|euros|bucks|quid|rupees|yuan|rmb|dirhams|francs)(?![a-z])/g;
const WORD_MULT: Record<string, number> = { lakh: 100_000, lakhs: 100_000, lac: 100_000, lacs: 100_000, crore: 10_000_000, crores: 10_000_000, grand: 1000 };
const AMOUNT_CONTEXT = /(?:全款|车款|车价|房款|房价|落地价?|售价|标价|价格|价钱|首付|尾款|裸车价?|成交价|押金|定金|订金|房租|租金|学费|货款|报价|保费|违约金|赔偿金|花了|花费|付了|支付了?|价值|损失|赔偿|赔|退款|扣了|扣款|金额|总价|总共|一共|合计|欠|贷款|转走|被刷|盗刷了?|收了我?|收我|交了|充了|骗了我?|被扣了?|保价了?|保了)\s*(?:了)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万|千|w|k)?/g;

// "保价了五千", "被刷了两千多", "损失了三万": spoken numerals after a money verb (a unit character is required: not "扣了两次").
const AMOUNT_CONTEXT_CN = /(?:全款|车款|车价|房款|房价|落地价?|售价|首付|尾款|裸车价?|成交价|押金|定金|订金|房租|租金|学费|货款|报价|保费|违约金|赔偿金|花了|花费|付了|损失了?|赔偿|扣了|转走了?|被刷了?|盗刷了?|价值|交了|充了|保价了?|骗了我?)\s*([零〇一二两三四五六七八九十百千万]*[十百千万][零〇一二两三四五六七八九十百千万]*)/g;

// "支付宝里少了2800", "卡里没了1500": a bare number right after money went missing (not "少了2件").
const AMOUNT_LOSS = /(?:少了|没了|不见了|被转走了?|被划走了?|转走了)\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万|千|w|k)?(?![0-9]|\s*(?:[个件次天分秒斤克张条台瓶盒包人页集期单双只颗粒片袋箱位公米毫岁楼号]|小时|g(?![a-z])|ml|kg|km|cm|mm|%))/g;
// "买了台3999的冰箱", "2599块的手机": a four- to six-digit number before 的 + a product is its price.
const AMOUNT_PRICE_OF = /(?<![0-9a-z.])([1-9][0-9]{3,5})\s*多?\s*(?:块钱?|元)?的(?:冰箱|洗衣机|空调|电视|手机|电脑|笔记本|平板|沙发|床垫|相机|耳机|手表|包包?|外套|羽绒服|大衣|鞋|热水器|油烟机|燃气灶|洗碗机|投影仪|扫地机|吸尘器|自行车|电动车|显卡|主机|显示器|课|课程|会员|套餐|机票|门票|按摩椅|跑步机|净水器|空气净化器|烤箱|微波炉|咖啡机|手镯|项链|戒指|眼镜|婴儿车|推车|衣柜|家具|东西|货|商品|产品|设备|机器)/g;

/** Money amounts mentioned in the text (already normalised), largest first. */
export function parseAmounts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(AMOUNT_PREFIX)) {
    const n = num(m[1]!, m[2]);
    if (n !== null) out.push(n);
  }
  for (const m of text.matchAll(AMOUNT_SUFFIX)) {
    const n = num(m[1]!, m[2]);
    if (n !== null) out.push(n);
  }
  for (const m of text.matchAll(AMOUNT_CN)) {
    let n = parseChineseNumber(m[1]!);
    if (n !== null && m[0].endsWith('万元') && !m[1]!.includes('万')) n *= 10000;
    if (n !== null) out.push(n);
  }
  for (const m of text.matchAll(AMOUNT_BIG)) {
    const head = /^[0-9]/.test(m[1]!) ? Number(m[1]) : parseChineseNumber(m[1]!);
    const unit = m[2] === '万' || m[2] === 'w' ? 10000 : 1000;
    const tail = m[3] ? (parseChineseNumber(m[3]) ?? 0) * (unit / 10) : 0;
    if (head !== null && Number.isFinite(head)) out.push(head * unit + tail);
  }
  for (const m of text.matchAll(AMOUNT_WORD)) {
    const n = Number(m[1]) * (WORD_MULT[m[2]!] ?? 1);
    if (Number.isFinite(n)) out.push(n);
  }
  for (const m of text.matchAll(AMOUNT_EN_WORDS)) {
    const n = ((EN_NUMBER[m[1]!] ?? 0) + (m[2] ? (EN_NUMBER[m[2]] ?? 0) : 0)) * (m[3] === 'million' ? 1_000_000 : 1000);
    if (n > 0) out.push(n);
  }
  for (const m of text.matchAll(AMOUNT_CONTEXT_CN)) {
    const n = parseChineseNumber(m[1]!);
    if (n !== null) out.push(n);
  }
  for (const re of [AMOUNT_LOSS, AMOUNT_PRICE_OF]) {
    for (const m of text.matchAll(re)) {
      const n = num(m[1]!, m[2]);
      if (n !== null && m[1]!.replace(/[,.]/g, '').length <= 7) out.push(n);
    }
  }
  for (const m of text.matchAll(AMOUNT_CONTEXT)) {
    const n = num(m[1]!, m[2]);
    // A bare number after a money verb is money only when it looks like one (not a 12-digit order id).
    if (n !== null && m[1]!.replace(/[,.]/g, '').length <= 7) out.push(n);
  }
  return out.filter((n) => n > 0 && n < 1e10).sort((a, b) => b - a);
}

export function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}
