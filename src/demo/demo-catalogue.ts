/** What the demo shop sells: enough variety for every complaint story. Prices in CNY. */
export type ProductKind = 'charging' | 'electronics' | 'appliance' | 'kettle' | 'food' | 'apparel' | 'baby' | 'toy' | 'beauty' | 'membership';

export interface Product {
  sku: string;
  zh: string;
  en: string;
  price: number;
  kind: ProductKind;
}

export const PRODUCTS: Product[] = [
  { sku: 'CHG-65W', zh: '65W 氮化镓快充充电器', en: '65W GaN fast charger', price: 199, kind: 'charging' },
  { sku: 'PB-20K', zh: '20000mAh 移动电源', en: '20,000 mAh power bank', price: 149, kind: 'charging' },
  { sku: 'CHG-WL3', zh: '三合一无线充电座', en: '3-in-1 wireless charging stand', price: 329, kind: 'charging' },
  { sku: 'HP-ANC9', zh: '无线降噪耳机', en: 'wireless noise-cancelling headphones', price: 899, kind: 'electronics' },
  { sku: 'SW-GT4', zh: '智能运动手表', en: 'smart sports watch', price: 1299, kind: 'electronics' },
  { sku: 'PH-X12', zh: '5G 智能手机 256GB', en: '5G smartphone 256 GB', price: 3999, kind: 'electronics' },
  { sku: 'NB-AIR14', zh: '14 英寸轻薄笔记本电脑', en: '14-inch ultrabook laptop', price: 5999, kind: 'electronics' },
  { sku: 'TB-P11', zh: '11 英寸平板电脑', en: '11-inch tablet', price: 2199, kind: 'electronics' },
  { sku: 'RC-4L', zh: '4L 智能电饭煲', en: '4 L smart rice cooker', price: 459, kind: 'appliance' },
  { sku: 'AF-55', zh: '5.5L 空气炸锅', en: '5.5 L air fryer', price: 399, kind: 'appliance' },
  { sku: 'RV-S8', zh: '扫拖一体机器人', en: 'robot vacuum and mop', price: 2499, kind: 'appliance' },
  { sku: 'HD-1800', zh: '高速吹风机', en: 'high-speed hair dryer', price: 699, kind: 'appliance' },
  { sku: 'KT-17', zh: '1.7L 不锈钢电热水壶', en: '1.7 L stainless steel electric kettle', price: 129, kind: 'kettle' },
  { sku: 'FD-NUT', zh: '每日坚果礼盒 750g', en: 'daily mixed nuts gift box 750 g', price: 168, kind: 'food' },
  { sku: 'FD-MILK', zh: '有机纯牛奶 250ml×24', en: 'organic whole milk 24 × 250 ml', price: 89, kind: 'food' },
  { sku: 'FD-MOON', zh: '流心奶黄月饼礼盒', en: 'custard mooncake gift box', price: 238, kind: 'food' },
  { sku: 'BB-FML3', zh: '婴幼儿配方奶粉 3 段 800g', en: 'infant formula stage 3, 800 g', price: 328, kind: 'baby' },
  { sku: 'BB-STRL', zh: '轻便婴儿推车', en: 'lightweight baby stroller', price: 1580, kind: 'baby' },
  { sku: 'AP-DOWN', zh: '90 绒长款羽绒服', en: 'long down jacket (90 % down)', price: 899, kind: 'apparel' },
  { sku: 'AP-RUN', zh: '缓震跑步鞋', en: 'cushioned running shoes', price: 599, kind: 'apparel' },
  { sku: 'AP-SILK', zh: '真丝连衣裙', en: 'silk dress', price: 1099, kind: 'apparel' },
  { sku: 'TY-BLK', zh: '儿童益智积木 520 粒', en: "children's building block set, 520 pcs", price: 259, kind: 'toy' },
  { sku: 'TY-CAR', zh: '遥控越野车', en: 'remote-control off-road car', price: 189, kind: 'toy' },
  { sku: 'BT-CRM', zh: '修护精华面霜 50ml', en: 'repair face cream 50 ml', price: 580, kind: 'beauty' },
  { sku: 'BT-SUN', zh: '清爽防晒乳 SPF50+', en: 'sunscreen SPF 50+', price: 139, kind: 'beauty' },
  { sku: 'VIP-Y', zh: 'PLUS 会员年卡', en: 'PLUS membership (annual)', price: 198, kind: 'membership' },
];

export const ACCESSORIES: Product[] = [
  { sku: 'AC-CBL', zh: 'USB-C 编织数据线 1.5m', en: 'braided USB-C cable 1.5 m', price: 39, kind: 'charging' },
  { sku: 'AC-CASE', zh: '防摔保护壳', en: 'protective case', price: 59, kind: 'electronics' },
  { sku: 'AC-BAG', zh: '环保购物袋', en: 'reusable shopping bag', price: 9.9, kind: 'apparel' },
  { sku: 'AC-SOCK', zh: '运动袜 3 双装', en: 'sports socks, 3 pairs', price: 49, kind: 'apparel' },
];

export function productsOf(kinds: readonly ProductKind[]): Product[] {
  return PRODUCTS.filter((p) => kinds.includes(p.kind));
}
