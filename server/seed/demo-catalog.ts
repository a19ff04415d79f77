import { inTx } from '../db/tx.js';
import type { Ctx } from '../kernel/ctx.js';
import { createCategory, createProduct, createSupplier } from '../modules/catalog/index.js';
import { receive } from '../modules/inventory/index.js';

/**
 * 巷口优选's shelf: four sections, five suppliers, ~30 everyday products. Prices are integer
 * fen; weighed fresh goods are sold per 斤 at an estimated weight. Opening stock goes through
 * the ledger (receive movements), so the stock page shows where every unit came from.
 */

type Section = 'fresh' | 'dairy' | 'pantry' | 'home';
type SupplierKey = 'farm' | 'eggs' | 'milk' | 'grain' | 'daily';

const SECTIONS: Record<Section, string> = { fresh: '新鲜果蔬', dairy: '蛋奶乳品', pantry: '粮油零食', home: '日用百货' };

const SUPPLIERS: Record<SupplierKey, { name: string; contact: string; phone: string; casePackDefault: number }> = {
  farm: { name: '南汇果蔬合作社', contact: '王建国', phone: '139-1760-2231', casePackDefault: 10 },
  eggs: { name: '崇明绿禾蛋禽场', contact: '陆阿姨', phone: '021-5948-3310', casePackDefault: 12 },
  milk: { name: '光明乳业浦东配送站', contact: '沈师傅', phone: '400-820-3688', casePackDefault: 24 },
  grain: { name: '盛丰粮油批发部', contact: '刘老板', phone: '138-1652-7788', casePackDefault: 6 },
  daily: { name: '联华日化批发', contact: '赵经理', phone: '021-6432-1100', casePackDefault: 12 },
};

/** spec, unit, price in fen, opening stock, the first 12 digits of an EAN-13 or 'weighed' (sold per 斤) */
type Sku = [spec: string, unit: string, priceFen: number, stock: number, code?: string];
type Item = [section: Section, supplier: SupplierKey, name: string, description: string, skus: Sku[]];

const W = 'weighed';
const ITEMS: Item[] = [
  ['fresh', 'farm', '烟台红富士苹果', '脆甜多汁，当天到店', [['约500g', '斤', 690, 80, W]]],
  ['fresh', 'farm', '海南香蕉', '自然熟，不催熟', [['约500g', '斤', 399, 60, W]]],
  ['fresh', 'farm', '赣南脐橙', '整箱更划算', [['约500g', '斤', 599, 50, W], ['5斤装', '箱', 2690, 12, '693746120011']]],
  ['fresh', 'farm', '阳光玫瑰葡萄', '无籽，玫瑰香', [['500g/盒', '盒', 2590, 20, '693746120012']]],
  ['fresh', 'farm', '麒麟西瓜', '南汇8424，沙瓤', [['整个约8斤', '个', 3990, 15]]],
  ['fresh', 'farm', '丹东草莓', '99草莓，现摘现发', [['300g/盒', '盒', 2990, 18, '693746120013']]],
  ['fresh', 'farm', '库尔勒香梨', '皮薄汁多', [['约500g', '斤', 599, 40, W]]],
  ['fresh', 'farm', '上海青', '本地小青菜，清早到店', [['约500g', '斤', 350, 40, W]]],
  ['fresh', 'farm', '西红柿', '沙瓤番茄，炒蛋最好', [['约500g', '斤', 480, 50, W]]],
  ['fresh', 'farm', '黄瓜', '顶花带刺', [['约500g', '斤', 390, 45, W]]],
  ['fresh', 'farm', '土豆', '黄心土豆，耐储存', [['约500g', '斤', 250, 100, W]]],
  ['fresh', 'farm', '大白菜', '一棵约3斤', [['约500g', '斤', 199, 90, W]]],
  ['fresh', 'farm', '香菜', '一把约100g', [['100g/把', '把', 200, 30]]],
  ['fresh', 'farm', '胡萝卜', '甜脆，可生吃', [['约500g', '斤', 300, 60, W]]],
  ['dairy', 'eggs', '崇明土鸡蛋', '散养土鸡，蛋黄橙红', [['10枚/盒', '盒', 1590, 30, '692345670001'], ['30枚/箱', '箱', 4290, 8, '692345670002']]],
  ['dairy', 'eggs', '新鲜鸡蛋', '每日到货，量贩装', [['15枚/盒', '盒', 1290, 40, '692345670003']]],
  ['dairy', 'milk', '光明鲜牛奶', '巴氏杀菌，冷藏保存', [['950ml/瓶', '瓶', 1580, 36, '690120920011'], ['450ml/瓶', '瓶', 880, 48, '690120920012']]],
  ['dairy', 'milk', '光明原味酸奶', '100g×8杯', [['800g/组', '组', 1690, 24, '690120920013']]],
  ['dairy', 'milk', '现磨豆浆', '无添加，冷藏3天', [['500ml/瓶', '瓶', 450, 24, '690120920014']]],
  ['pantry', 'grain', '五常大米', '稻花香2号，当季新米', [['5kg/袋', '袋', 4990, 30, '694876540011'], ['10kg/袋', '袋', 9490, 12, '694876540012']]],
  ['pantry', 'grain', '金龙鱼花生油', '压榨一级', [['5L/桶', '桶', 8990, 18, '694876540013']]],
  ['pantry', 'grain', '海天生抽', '酿造酱油', [['500ml/瓶', '瓶', 890, 36, '694876540014']]],
  ['pantry', 'grain', '龙须挂面', '细面，3分钟煮熟', [['1kg/袋', '袋', 790, 40, '694876540015']]],
  ['pantry', 'grain', '旺旺雪饼', '家庭装', [['520g/袋', '袋', 1590, 24, '694876540016']]],
  ['pantry', 'grain', '每日坚果', '30小包，一天一包', [['750g/盒', '盒', 9900, 10, '694876540017']]],
  ['pantry', 'grain', '乐事薯片', '原味', [['70g/袋', '袋', 850, 48, '694876540018']]],
  ['pantry', 'grain', '农夫山泉', '饮用天然水', [['550ml/瓶', '瓶', 200, 96, '694876540019'], ['550ml×24瓶/箱', '箱', 3600, 10, '694876540020']]],
  ['home', 'daily', '维达抽纸', '3层100抽×6包', [['6包/提', '提', 1990, 30, '697000120011']]],
  ['home', 'daily', '立白洗洁精', '不伤手', [['1kg/瓶', '瓶', 1190, 24, '697000120012']]],
  ['home', 'daily', '蓝月亮洗衣液', '深层洁净', [['2kg/瓶', '瓶', 3990, 18, '697000120013']]],
  ['home', 'daily', '加厚垃圾袋', '45×50cm', [['50只/卷', '卷', 590, 40, '697000120014']]],
];

/** The check digit makes the demo barcodes scannable when printed (GS1 mod-10 weights 1,3). */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 ? 3 : 1), 0);
  return first12 + String((10 - (sum % 10)) % 10);
}

export interface SeededCatalog {
  products: number;
  /** sku ids by "product name · spec", for the seeds that come after (orders) */
  skuIds: Map<string, string>;
}

/** One transaction: a start that fails half-way leaves no half-stocked shelf behind. */
export function seedDemoCatalog(ctx: Ctx): Promise<SeededCatalog> {
  return inTx(ctx, fillShelf);
}

async function fillShelf(ctx: Ctx): Promise<SeededCatalog> {
  const sectionIds = new Map<Section, string>();
  let sort = 1;
  for (const [key, name] of Object.entries(SECTIONS) as Array<[Section, string]>) {
    sectionIds.set(key, (await createCategory(ctx, { name, sort: sort++ })).id);
  }
  const supplierIds = new Map<SupplierKey, string>();
  for (const [key, s] of Object.entries(SUPPLIERS) as Array<[SupplierKey, (typeof SUPPLIERS)[SupplierKey]]>) {
    supplierIds.set(key, (await createSupplier(ctx, s)).id);
  }
  const skuIds = new Map<string, string>();
  for (const [section, supplier, name, description, skus] of ITEMS) {
    const product = await createProduct(ctx, {
      name,
      description,
      categoryId: sectionIds.get(section)!,
      skus: skus.map(([spec, unit, priceFen, , code]) => ({
        spec,
        unit,
        priceFen,
        weighed: code === W,
        barcode: code && code !== W ? ean13(code) : null,
        supplierId: supplierIds.get(supplier)!,
      })),
    });
    for (const [i, sku] of product.skus.entries()) {
      skuIds.set(`${name} · ${sku.spec}`, sku.id);
      await receive(ctx, { skuId: sku.id, qty: skus[i]![3], note: '期初入库' });
    }
  }
  return { products: ITEMS.length, skuIds };
}
