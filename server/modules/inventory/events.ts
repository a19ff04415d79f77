import type { MovementKind } from './contract.js';

/** Inventory events: the live room and shop show stock from level_changed; orders cancel on expiry. */
declare module '../../kernel/events.js' {
  interface DomainEvents {
    'inventory.level_changed': { skuId: string; kind: MovementKind; onHand: number; reserved: number; available: number };
    'inventory.reservation_expired': {
      reservationId: string;
      skuId: string;
      qty: number;
      orderId: string | null;
      orderLineId: string | null;
    };
    'inventory.reservation_expiry_changed': { reservationId: string; expiresAt: string | null };
  }
}

export {};
