import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { desktopContext, phoneContext } from './browser.js';
import { ApiClient, sleep, type LinliServer } from './server.js';

/** Helpers of the group-buy journey: logins as people do them, and reading back a PO workbook. */

export const DEMO_PASSWORD = 'linli-demo-2026';

/** The owner's API session (checks, and the login codes the dev SMS adapter leaves in the outbox). */
export async function ownerApi(server: LinliServer): Promise<ApiClient> {
  const api = new ApiClient(server.url);
  const r = await api.post('/api/auth/staff/login', { login: 'laozhao', password: DEMO_PASSWORD });
  if (r.status !== 200) throw new Error(`owner login: ${r.status} ${JSON.stringify(r.body)}`);
  return api;
}

/** A staff page (console or counter) logged in through its login form. */
export async function staffPage(browser: Browser, server: LinliServer, surface: 'console' | 'counter', login: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const ctx = await desktopContext(browser, server.url, { viewport, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(`/${surface}`);
  await page.fill('[data-testid=login-name]', login);
  await page.fill('[data-testid=login-password]', DEMO_PASSWORD);
  await page.click('[data-testid=login-submit]');
  await page.locator(`[data-testid=${surface}-store-name]`).waitFor({ timeout: 30_000 });
  return page;
}

interface OutboxItem { phone: string; template: string; body: string; createdAt: string }

/** the newest login code sent to `phone` after `since` */
async function otpFor(owner: ApiClient, phone: string, since: number): Promise<string> {
  for (let i = 0; i < 150; i++) {
    const page = (await owner.get<{ items: OutboxItem[] }>('/api/console/outbox?pageSize=50')).body;
    const m = page.items.find((x) => x.template === 'otp' && x.phone === phone && Date.parse(x.createdAt) >= since - 1000);
    const code = m && /\b(\d{6})\b/.exec(m.body)?.[1];
    if (code) return code;
    await sleep(200);
  }
  throw new Error(`no login code for ${phone} in the outbox`);
}

/** A neighbour's phone, logged in to the shop by phone number and one-time code, then on `next`. */
export async function neighbourPage(browser: Browser, server: LinliServer, owner: ApiClient, phone: string, next: string): Promise<Page> {
  const ctx = await phoneContext(browser, server.url);
  const page = await ctx.newPage();
  await page.goto(`/shop/xiangkou/login?next=${encodeURIComponent(next)}`);
  await page.fill('[data-testid=shop-phone] input', phone);
  const since = Date.now();
  await page.click('[data-testid=shop-otp-send]');
  await page.fill('[data-testid=shop-otp-code] input', await otpFor(owner, phone, since));
  await page.click('[data-testid=shop-login]');
  await page.waitForURL((u) => u.pathname === next, { timeout: 30_000 });
  return page;
}

/** An antd Select: open it, type to filter, pick the option whose text contains `text`. */
export async function antSelect(page: Page, testId: string, text: string): Promise<void> {
  const sel = page.getByTestId(testId);
  await sel.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/** antd InputNumber / Input: the testid sits on the input itself or on its wrapper */
export async function fillNumber(el: Locator, value: string): Promise<void> {
  const input = (await el.evaluate((n) => n.tagName)) === 'INPUT' ? el : el.locator('input').first();
  await input.fill(value);
}

/** an antd DatePicker: click, select all, type, Enter */
export async function typeDate(page: Page, testId: string, value: string): Promise<void> {
  const el = page.getByTestId(testId);
  const input = (await el.evaluate((n) => n.tagName)) === 'INPUT' ? el : el.locator('input').first();
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
}

/** On the campaign page: quantities per product (by position), a slot, a payment; returns the order id. */
export async function joinOnPhone(p: Page, qty: number[], pay: 'sandbox' | 'at-pickup'): Promise<string> {
  const before = await p.getByTestId('campaign-my-entry').count();
  // the page starts with one portion of the first product picked (once the campaign has loaded):
  // wait for that, then step each stepper to its target
  await expect.poll(() => p.getByTestId('campaign-join-qty').first().getAttribute('data-value'), { timeout: 20_000 }).toBe('1');
  for (const [i, n] of qty.entries()) {
    const stepper = p.getByTestId('campaign-join-qty').nth(i);
    for (let guard = 0; guard < 10; guard++) {
      const v = Number(await stepper.getAttribute('data-value'));
      if (v === n) break;
      await stepper.getByTestId(v < n ? 'campaign-join-qty-plus' : 'campaign-join-qty-minus').click();
      await expect.poll(() => stepper.getAttribute('data-value')).toBe(String(v < n ? v + 1 : v - 1));
    }
    expect(await stepper.getAttribute('data-value')).toBe(String(n));
  }
  await p.getByTestId('campaign-slot-0').click();
  await p.getByTestId(pay === 'sandbox' ? 'campaign-pay-sandbox' : 'campaign-pay-at-pickup').click();
  await p.getByTestId('campaign-join-submit').click();
  if (pay === 'sandbox') {
    await p.getByTestId('wallet-confirm').click({ timeout: 30_000 });
  }
  await expect.poll(() => p.getByTestId('campaign-my-entry').count(), { timeout: 30_000 }).toBe(before + 1);
  await p.getByTestId('pickup-code').first().waitFor({ timeout: 30_000 });
  return (await p.getByTestId('campaign-my-entry').last().getAttribute('data-order-id'))!;
}

export interface PoSheetRow { supplier: string; product: string; demand: number; casePack: number; cases: number; ordered: number }

/** Reads a downloaded PO workbook: the Chinese header row and the lines under it, per sheet. */
export async function readPoWorkbook(file: string): Promise<{ headers: string[]; title: string; rows: PoSheetRow[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).text === '供应商' && row.getCell(2).text === '商品') headerRow = n;
  });
  expect(headerRow, 'the header row (供应商, 商品, …)').toBeGreaterThan(0);
  const headers = (ws.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const col = (name: string) => headers.indexOf(name) + 1;
  const rows: PoSheetRow[] = [];
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const r = ws.getRow(n);
    if (r.getCell(1).text === '合计' || !r.getCell(2).text) continue;
    rows.push({
      supplier: r.getCell(col('供应商')).text,
      product: r.getCell(col('商品')).text,
      demand: Number(r.getCell(col('需求数量')).value),
      casePack: Number(r.getCell(col('箱规')).value),
      cases: Number(r.getCell(col('箱数')).value),
      ordered: Number(r.getCell(col('订货数量')).value),
    });
  }
  return { headers, title: ws.getCell(1, 1).text, rows };
}
