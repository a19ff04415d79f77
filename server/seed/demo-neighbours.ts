import type { Ctx } from '../kernel/ctx.js';
import { findOrCreateCustomerByPhone } from '../modules/customers/index.js';

/** The demo store's regulars; e2e tests log in with these phones (codes from the outbox page). */
export const DEMO_NEIGHBOURS = [
  { name: '张阿姨', phone: '13800000001' },
  { name: '李大爷', phone: '13800000002' },
  { name: '王姐', phone: '13800000003' },
  { name: '刘奶奶', phone: '13800000004' },
  { name: '陈老师', phone: '13800000005' },
  { name: '杨阿姨', phone: '13800000006' },
  { name: '黄师傅', phone: '13800000007' },
  { name: '周小姐', phone: '13800000008' },
  { name: '吴叔', phone: '13800000009' },
  { name: '孙大妈', phone: '13800000010' },
  { name: '林宝妈', phone: '13800000011' },
  { name: '马大哥', phone: '13800000012' },
] as const;

export async function seedDemoNeighbours(ctx: Ctx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const n of DEMO_NEIGHBOURS) {
    const { customerId } = await findOrCreateCustomerByPhone(ctx, n.phone, { name: n.name });
    ids.set(n.phone, customerId);
  }
  return ids;
}
