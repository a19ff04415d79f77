import { catalogApi } from '../../../api/catalog.js';
import { useApi } from '../../../lib/use-api.js';
import { formatFen } from '../../../lib/money.js';

export interface SkuOption {
  value: string;
  label: string;
  priceFen: number;
}

/** the store's active SKUs as select options ("阳光玫瑰 · 500g ¥39.90") */
export function useSkuOptions(): { options: SkuOption[]; byId: Map<string, SkuOption>; loading: boolean } {
  const products = useApi((signal) => catalogApi.products({ active: 'true' }, signal), []);
  const options = (products.data ?? []).flatMap((p) =>
    p.skus.filter((s) => s.active).map((s) => ({ value: s.id, label: `${p.name}${s.spec ? ` · ${s.spec}` : ''}  ${formatFen(s.priceFen)}`, priceFen: s.priceFen })),
  );
  return { options, byId: new Map(options.map((o) => [o.value, o])), loading: products.loading };
}
