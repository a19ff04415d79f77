import { eq } from 'drizzle-orm';
import type { Db } from '../../../kernel/ctx.js';
import { tenancyTables } from '../../tenancy/index.js';
import type { ShowAccess } from '../contract.js';
import { liveShowExtras } from '../show/tables.js';
import { liveShows } from '../tables.js';

/** What the socket side needs to know of a room, by show id alone (a topic names only the show). */
export interface RoomShow {
  id: string;
  orgId: string;
  storeId: string;
  slug: string;
  status: 'scheduled' | 'live' | 'ended';
  access: ShowAccess;
  inviteToken: string | null;
}

/** A changed room is seen at once in this process and within this long in the others. */
const TTL_MS = 3_000;

/** Rooms by show id, cached briefly: every subscribe and chat line asks. */
export class RoomDirectory {
  private readonly cache = new Map<string, { at: number; show: RoomShow | null }>();

  constructor(private readonly db: Db) {}

  async get(showId: string): Promise<RoomShow | null> {
    const now = Date.now();
    const hit = this.cache.get(showId);
    if (hit && now - hit.at < TTL_MS) return hit.show;
    const [r] = await this.db
      .select({
        id: liveShows.id,
        orgId: liveShows.orgId,
        storeId: liveShows.storeId,
        status: liveShows.status,
        slug: tenancyTables.stores.slug,
        access: liveShowExtras.access,
        inviteToken: liveShowExtras.inviteToken,
      })
      .from(liveShows)
      .innerJoin(tenancyTables.stores, eq(tenancyTables.stores.id, liveShows.storeId))
      .leftJoin(liveShowExtras, eq(liveShowExtras.showId, liveShows.id))
      .where(eq(liveShows.id, showId))
      .limit(1);
    const show: RoomShow | null = r ? { ...r, access: r.access ?? 'public', inviteToken: r.inviteToken ?? null } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(showId, { at: now, show });
    return show;
  }

  forget(showId: string): void {
    this.cache.delete(showId);
  }
}

export interface Visitor {
  customerId: string | null;
  /** the signed-in staff member's store, if any */
  staffStoreId: string | null;
  /** from ?invite= or the linli_invite cookie */
  inviteTokens: string[];
}

/** Who may enter a room: the store's staff always; then public / members / invite-link holders. */
export function mayEnter(show: Pick<RoomShow, 'storeId' | 'access' | 'inviteToken'>, v: Visitor): boolean {
  if (v.staffStoreId === show.storeId) return true;
  switch (show.access) {
    case 'public':
      return true;
    case 'members':
      return v.customerId !== null;
    case 'invite':
      return show.inviteToken !== null && v.inviteTokens.includes(show.inviteToken);
  }
}

export const INVITE_COOKIE = 'linli_invite';
