import type { z } from 'zod';
import { inTx } from '../../../db/tx.js';
import { emit } from '../../../events/emit.js';
import type { Ctx } from '../../../kernel/ctx.js';
import { newId } from '../../../kernel/ids.js';
import type { CreateSupplierBody, SupplierView } from '../contract.js';
import { suppliers } from '../tables.js';

export async function createSupplier(ctx: Ctx, input: z.infer<typeof CreateSupplierBody>): Promise<SupplierView> {
  const view: SupplierView = {
    id: newId(),
    name: input.name,
    contact: input.contact ?? '',
    phone: input.phone ?? '',
    casePackDefault: input.casePackDefault ?? 1,
    active: true,
  };
  await inTx(ctx, async (tx) => {
    await tx.db.insert(suppliers).values({ ...view, storeId: tx.storeId });
    await emit(tx, 'catalog.supplier_saved', { supplierId: view.id, created: true });
  });
  return view;
}
