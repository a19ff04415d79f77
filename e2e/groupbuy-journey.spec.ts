import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shot, watchPage } from './harness/browser.js';
import { antSelect, fillNumber, joinOnPhone, neighbourPage, ownerApi, readPoWorkbook, staffPage, typeDate } from './harness/groupbuy.js';
import { ROOT, startLinli, type ApiClient, type LinliServer } from './harness/server.js';

/**
 * The group-buy journey (接龙) on the demo store, as people do it: 老赵 creates a campaign in the
 * console (cut-off tonight 23:59, pickup today, store time: run it before 23:50 Asia/Shanghai);
 * 张阿姨, 李大爷 and 王姐 join on their phones and see each other in the 接龙 list without reloading;
 * 老赵 closes it early (the cut-off job decides: formed); the PO workbook is downloaded and read
 * back; receiving records one shortage (first come keeps its grapes, the last grape is
 * refunded); 小美 verifies two pickups at the counter; 张阿姨's after-sales ticket gets a partial
 * refund; 王姐 did not come: she is on the no-show list. Everyone pays in the sandbox: receiving
 * does not allocate pay-at-pickup joins yet (groupbuy/fulfil/allocation-ports.ts takes paid orders).
 * Screenshots: artifacts/screenshots/groupbuy-*.png; the PO workbook: artifacts/e2e-downloads/.
 */
interface Order { id: string; status: string; paidFen: number; refundedFen: number; totalFen: number; pickupCode: string; lines: Array<{ productName: string; qty: number; refundedQty: number }> }
interface Campaign { id: string; status: string; pickupDate: string; items: Array<{ productName: string; priceFen: number; totalCap: number | null; perPersonCap: number | null; sold: number }>; slots: Array<{ label: string }> }

const SLUG = 'xiangkou';
const ZHANG = { name: '张阿姨', phone: '13800000001' };
const LI = { name: '李大爷', phone: '13800000002' };
const WANG = { name: '王姐', phone: '13800000003' };
const DOWNLOADS = join(ROOT, 'artifacts', 'e2e-downloads');

let server: LinliServer;
let browser: Browser;
let owner: ApiClient;

beforeAll(async () => {
  [server, browser] = await Promise.all([startLinli({ name: 'groupbuy-journey' }), launchBrowser()]);
  owner = await ownerApi(server);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const order = async (id: string) => (await owner.get<Order>(`/api/console/orders/${id}`)).body;
const campaign = async (id: string) => (await owner.get<Campaign>(`/api/console/campaigns/${id}`)).body;

const entryCount = (p: Page) => p.getByTestId('campaign-entries').getAttribute('data-count');

describe('group-buy journey', () => {
  it('campaign → three joins seen live → cut-off → PO xlsx → a shortage → two pickups → after-sales refund → a no-show', async () => {
    // — 老赵 creates the campaign in the console —
    const con = await staffPage(browser, server, 'console', 'laozhao');
    const conWatch = watchPage(con);
    await con.goto('/console/campaigns/new');
    const title = `阳光玫瑰+草莓 周末接龙 ${Date.now() % 10000}`;
    await con.getByTestId('campaign-title').fill(title);
    // cut-off tonight, pickup today (store time): the no-show list shows orders whose pickup day has come
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await typeDate(con, 'campaign-cutoff-at', `${today} 23:59`);
    await typeDate(con, 'campaign-pickup-date', today);
    await antSelect(con, 'campaign-item-sku-0', '阳光玫瑰葡萄');
    await fillNumber(con.getByTestId('campaign-item-price-0'), '22.90');
    await fillNumber(con.getByTestId('campaign-item-cap-0'), '30');
    await fillNumber(con.getByTestId('campaign-item-limit-0'), '2');
    await con.getByTestId('campaign-item-add').click();
    await antSelect(con, 'campaign-item-sku-1', '丹东草莓');
    await fillNumber(con.getByTestId('campaign-min-value'), '2');
    await con.getByTestId('campaign-slot-add').click();
    await con.getByTestId('campaign-slot-label-0').fill('今天 16:00-19:00 店内自提');
    await con.getByTestId('campaign-item-1').scrollIntoViewIfNeeded();
    await shot(con, 'groupbuy-01-console-new-campaign');
    await con.getByTestId('campaign-save').click();
    await con.waitForURL(/\/console\/campaigns\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const campaignId = con.url().split('/').pop()!;
    const created = await campaign(campaignId);
    expect(created).toMatchObject({ status: 'open', title, pickupDate: today, slots: [{ label: '今天 16:00-19:00 店内自提' }] });
    expect(created.items).toMatchObject([
      { productName: '阳光玫瑰葡萄', priceFen: 2290, totalCap: 30, perPersonCap: 2 },
      { productName: '丹东草莓', priceFen: 2990, totalCap: null, perPersonCap: null },
    ]);
    const link = `/shop/${SLUG}/c/${campaignId}`;

    // — three neighbours join on their phones; earlier pages get later entries without reloading —
    const zhang = await neighbourPage(browser, server, owner, ZHANG.phone, link);
    const zhangWatch = watchPage(zhang);
    await zhang.getByTestId('campaign-live').filter({ hasText: /实时/ }).waitFor({ timeout: 30_000 });
    const zhangOrder = await joinOnPhone(zhang, [2, 0], 'sandbox');
    await shot(zhang, 'groupbuy-02-zhang-joined', { fullPage: true });

    const li = await neighbourPage(browser, server, owner, LI.phone, link);
    const liOrder = await joinOnPhone(li, [1, 1], 'sandbox');
    await expect.poll(() => entryCount(zhang), { timeout: 20_000 }).toBe('2');

    const wang = await neighbourPage(browser, server, owner, WANG.phone, link);
    const wangOrder = await joinOnPhone(wang, [0, 1], 'sandbox');
    for (const p of [zhang, li, wang]) await expect.poll(() => entryCount(p), { timeout: 20_000 }).toBe('3');
    await shot(zhang, 'groupbuy-03-zhang-sees-three', { fullPage: true });
    await shot(wang, 'groupbuy-04-wang-joined', { fullPage: true });
    // others appear masked (张**), never with a phone number; my own row is mine
    const wangList = (await wang.getByTestId('campaign-entries').textContent())!;
    expect(wangList).toContain('张*');
    expect(wangList).not.toContain(ZHANG.name);
    expect(wangList).not.toMatch(/1[3-9]\d{9}/);
    expect(await wang.locator('[data-testid=campaign-entry][data-mine=true]').count()).toBe(1);

    // — cut-off: 老赵 closes early; the cut-off job decides on its next tick —
    await con.reload();
    await con.getByTestId('campaign-close').click();
    await con.getByTestId('campaign-close-confirm').click();
    // the page shows the answer of the close (one CI run saw the campaign still open 90 s later: if
    // the close did not take, say what the page saw, keep a screenshot, and close once more)
    const closed = await expect
      .poll(async () => (await campaign(campaignId)).status, { timeout: 15_000, interval: 500 })
      .not.toBe('open')
      .then(() => true, () => false);
    if (!closed) {
      await shot(con, 'groupbuy-close-not-taken');
      console.warn(`close did not take: page errors ${JSON.stringify(conWatch)}`);
      await con.reload();
      await con.getByTestId('campaign-close').click();
      await con.getByTestId('campaign-close-confirm').click();
    }
    await expect.poll(async () => (await campaign(campaignId)).status, { timeout: 90_000, interval: 1000 }).toBe('formed');
    await zhang.reload();
    await expect.poll(() => zhang.getByTestId('campaign-banner').getAttribute('data-state'), { timeout: 20_000 }).toBe('formed');
    await shot(zhang, 'groupbuy-05-zhang-formed');

    // — the purchase order, downloaded in the browser and read back —
    await con.goto(`/console/purchase-orders?campaignId=${campaignId}`);
    await con.getByTestId('po-row-0').waitFor({ timeout: 30_000 });
    await shot(con, 'groupbuy-06-console-purchase-orders');
    const [download] = await Promise.all([con.waitForEvent('download'), con.getByTestId('po-download-campaign').click()]);
    mkdirSync(DOWNLOADS, { recursive: true });
    const xlsx = join(DOWNLOADS, `po-${campaignId}.xlsx`);
    await download.saveAs(xlsx);
    const sheet = await readPoWorkbook(xlsx);
    expect(sheet.title).toContain('采购单');
    expect(sheet.headers.slice(0, 9)).toEqual(['供应商', '商品', '规格', '单位', '需求数量', '损耗预留', '箱规', '箱数', '订货数量']);
    const grapes = sheet.rows.find((r) => r.product === '阳光玫瑰葡萄')!;
    const berries = sheet.rows.find((r) => r.product === '丹东草莓')!;
    expect(grapes).toMatchObject({ supplier: '南汇果蔬合作社', demand: 3, casePack: 10 });
    expect(berries).toMatchObject({ demand: 2, casePack: 10 });
    for (const r of [grapes, berries]) {
      expect(r.ordered).toBe(r.cases * r.casePack); // whole cases
      expect(r.ordered).toBeGreaterThanOrEqual(r.demand);
    }

    // — receiving: 2 grapes arrive for a demand of 3 (one short), the strawberries in full —
    await con.getByTestId('po-open-0').click();
    await con.getByTestId('po-send').click(); // 发送给供应商 first, as the store does
    await con.getByTestId('po-send-confirm').click();
    await expect.poll(() => con.getByTestId('po-status').textContent(), { timeout: 20_000 }).not.toContain('草稿');
    const received = (product: string) => con.locator('tr', { hasText: product }).locator('[data-testid^=po-receive-qty-]');
    await received('阳光玫瑰葡萄').waitFor();
    await fillNumber(received('阳光玫瑰葡萄'), '2');
    await fillNumber(received('丹东草莓'), String(berries.ordered));
    await con.getByTestId('po-shortage-warning').waitFor();
    await shot(con, 'groupbuy-07-console-receiving-shortage');
    await con.getByTestId('po-receive-submit').click();
    await con.getByTestId('po-allocation').waitFor({ timeout: 30_000 });
    await shot(con, 'groupbuy-08-console-allocation');
    // first come keeps its grapes; 李大爷's grape is refunded (partial), his strawberries stay
    await expect.poll(async () => (await order(liOrder)).refundedFen, { timeout: 30_000 }).toBe(2290);
    const [z1, l1, w1] = [await order(zhangOrder), await order(liOrder), await order(wangOrder)];
    expect(z1).toMatchObject({ status: 'ready_for_pickup', paidFen: 4580, refundedFen: 0 });
    expect(l1).toMatchObject({ status: 'ready_for_pickup', paidFen: 5280, refundedFen: 2290 });
    expect(w1).toMatchObject({ status: 'ready_for_pickup', paidFen: 2990, refundedFen: 0 });

    // — 小美 verifies two pickups at the counter —
    const counter = await staffPage(browser, server, 'counter', 'xiaomei', { width: 1180, height: 820 });
    const counterWatch = watchPage(counter);
    for (const [n, o] of [z1, l1].entries()) {
      await counter.goto('/counter');
      await counter.fill('[data-testid=counter-code-input]', o.pickupCode);
      await counter.getByTestId('counter-order').waitFor({ timeout: 30_000 });
      if (n === 1) {
        // 李大爷's refunded grape is struck through, not handed over; only his strawberries are
        expect(await counter.getByTestId('counter-line-off').count()).toBe(1);
        expect(await counter.getByTestId('counter-line-qty').count()).toBe(1);
        await shot(counter, 'groupbuy-09-counter-li-order');
      }
      await counter.getByTestId('counter-verify').click();
      await counter.getByTestId('counter-verified').waitFor({ timeout: 30_000 });
    }
    await shot(counter, 'groupbuy-10-counter-verified');
    expect((await order(zhangOrder)).status).toBe('picked_up');
    expect((await order(liOrder)).status).toBe('picked_up');

    // — after-sales: 张阿姨 reports a damaged box; 老赵 approves a partial refund of ¥10 —
    await zhang.goto(`/shop/${SLUG}/orders/${zhangOrder}`);
    await zhang.getByTestId('aftersales-open').click();
    await zhang.getByTestId('aftersales-reason-damaged').click();
    await zhang.locator('[data-testid=aftersales-text] textarea').fill('一盒葡萄压坏了，拍了照片');
    await zhang.getByTestId('aftersales-photo').setInputFiles(join(ROOT, 'artifacts', 'screenshots', 'groupbuy-05-zhang-formed.png'));
    await zhang.locator('[data-testid=aftersales-amount] input').fill('10');
    await shot(zhang, 'groupbuy-11-zhang-aftersales');
    await zhang.getByTestId('aftersales-submit').click();
    await zhang.getByTestId('aftersales-ticket').first().waitFor({ timeout: 30_000 });

    await con.goto('/console/after-sales');
    const row = con.locator(`[data-order-id="${zhangOrder}"]`).first();
    await row.getByTestId('aftersales-approve').click();
    await fillNumber(con.getByTestId('aftersales-refund-amount'), '10');
    await shot(con, 'groupbuy-12-console-approve');
    await con.getByTestId('aftersales-approve-ok').click();
    await expect.poll(async () => (await order(zhangOrder)).refundedFen, { timeout: 30_000 }).toBe(1000);
    expect((await order(zhangOrder)).status).toBe('picked_up');
    await zhang.goto(`/shop/${SLUG}/after-sales`);
    await expect.poll(() => zhang.getByTestId('aftersales-ticket').first().getAttribute('data-status'), { timeout: 20_000 }).toBe('approved');
    await shot(zhang, 'groupbuy-13-zhang-refund-approved');

    // — 王姐 did not come: she is on the no-show list; the two who came are not —
    const noShows = (await owner.get<Array<{ orderId: string; step: string }>>('/api/console/no-shows')).body;
    expect(noShows.map((x) => x.orderId)).toContain(wangOrder);
    expect(noShows.map((x) => x.orderId)).not.toContain(zhangOrder);
    expect(noShows.map((x) => x.orderId)).not.toContain(liOrder);
    await con.goto('/console/no-shows');
    await con.locator(`[data-order-id="${wangOrder}"]`).first().waitFor({ timeout: 30_000 });
    await shot(con, 'groupbuy-14-console-no-shows');

    for (const [who, w] of [['console', conWatch], ['张阿姨', zhangWatch], ['counter', counterWatch]] as const) {
      expect(w.errors, `uncaught errors on the ${who} page`).toEqual([]);
    }
  }, 900_000);
});
