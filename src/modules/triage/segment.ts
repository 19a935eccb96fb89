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

// Traditional → simplified for characters common in complaints (the seeds themselves mix both).
const TRAD_PAIRS =
  '貨货 務务 價价 費费 單单 號号 碼码 話话 電电 腦脑 機机 網网 頁页 錯错 誤误 戶户 帳帐 賬账 態态 區区 運运 輸输 遞递 達达 遲迟 發发 後后 時时 間间 問问 題题 質质 壞坏 損损 產产 處处 應应 該该 讓让 給给 這这 們们 個个 來来 對对 說说 請请 還还 會会 過过 無无 沒没 與与 為为 麼么 嗎吗 樣样 點点 擊击 錄录 證证 驗验 標标 準准 確确 認认 統统 擬拟 續续 維维 護护 實实 際际 帶带 開开 關关 閉闭 燒烧 煙烟 觸触 傷伤 療疗 醫医 藥药 險险 隱隐 檢检 舉举 詐诈 騙骗 盜盗 竊窃 轉转 購购 買买 賣卖 場场 據据 記记 訴诉 訟讼 師师 體体 聞闻 駡骂 罵骂 諷讽 視视 員员 廳厅 櫃柜 臺台 檯台 經经 權权 響响 親亲 愛爱 寶宝 紅红 綠绿 藍蓝 黃黄 東东 車车 輛辆 駕驾 駛驶 鐵铁 鋼钢 銀银 錢钱 萬万 億亿 絕绝 計计 劃划 優优 劵券 餘余 額额 預预 約约 訂订 補补 償偿 換换 數数 庫库 聯联 繫系 絡络 係系 進进 遠远 選选 擇择 鍵键 盤盘 螢萤 顯显 線线 團团 隊队 層层 級级 節节 專专 業业 術术 語语 歷历 復复 複复 雜杂 鬧闹 鐘钟 麵面 飯饭 館馆 飲饮 廚厨 衛卫 雞鸡 鴨鸭 魚鱼 蝦虾 蟲虫 燙烫 氣气 閃闪 當当 爍烁 儲储 資资 訊讯 傳传 郵邮 遺遗 丟丢 掃扫 規规 則则 讀读 書书 寫写 舊旧 鮮鲜 變变 黴霉 滅灭 災灾 難难 惡恶 罰罚 擔担 責责 負负 義义 報报 狀状 況况 總总 結结 憤愤 惱恼 煩烦 擾扰 騷骚 廣广 販贩 贈赠 獎奖 勵励 領领 導导 連连 設设 備备 裝装 飾饰 樂乐 興兴 奮奋 戲戏 劇剧 廂厢 門门 鎖锁 鑰钥 啟启 嚴严 緊紧 糾纠 紛纷 協协 監监 執执 詢询 覆复 饋馈 評评 論论 討讨 賠赔 強强 馬马 龍龙 屬属 將将 從从 雖虽 爭争 議议 儘尽 盡尽 拋抛 棄弃 鬆松 緩缓 廢废 殘残 壓压 擠挤 摺折 斷断 滲渗 濕湿 乾干 髒脏 亂乱 爛烂 臟脏 膚肤 癢痒 腫肿 嘔呕 瀉泻 腸肠 頭头 髮发 臉脸 衝冲 剎刹 輪轮 軟软 紀纪 雲云 載载 鏈链 陸陆 歲岁 孫孙 兒儿 媽妈 爺爷 嬰婴 齡龄 壽寿 詳详 細细 鄰邻 縣县 鄉乡 鎮镇 莊庄 寧宁 濟济 勞劳 貼贴 項项 積积 獲获 勝胜 敗败 鬥斗 辦办 蓋盖 簽签 証证 顧顾 倉仓 櫥橱 攤摊 鋪铺 樓楼 廈厦 漲涨 貴贵 賺赚 虧亏 幣币 贖赎 貸贷 債债 繳缴 納纳 稅税 銷销 鈔钞 餓饿 飽饱 噁恶 吳吴 劉刘 陳陈 張张 楊杨 趙赵 週周 兩两 幾几';
const TRAD_MAP = new Map<string, string>();
for (const pair of TRAD_PAIRS.split(' ')) TRAD_MAP.set(pair[0]!, pair[1]!);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Bounded, NFKC-normalised (full-width → ASCII, ￥ → ¥), simplified, lower-cased text with
 * control characters and broken surrogates turned into spaces.
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
  let out = '';
  for (const ch of s) out += TRAD_MAP.get(ch) ?? ch;
  return out.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
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
