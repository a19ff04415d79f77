import type { Db } from '../../kernel/ctx.js';
import { activeKeyGrants, hashStreamKey, type LiveGrant } from './stream-key.repo.js';

/**
 * The active stream keys in memory. node-media-server decides a push synchronously (its
 * prePublish hook cannot wait for a query), so the decision is a map lookup. Local changes apply
 * right after commit; `load` runs at start and periodically, for keys changed by another process.
 */
export class StreamKeyRegistry {
  private byHash = new Map<string, LiveGrant>();

  async load(db: Db): Promise<void> {
    const rows = await activeKeyGrants(db);
    this.byHash = new Map(rows.map((r) => [r.hash, r.grant]));
  }

  authorize(streamName: string): LiveGrant | null {
    return this.byHash.get(hashStreamKey(streamName)) ?? null;
  }

  activate(hash: string, grant: LiveGrant): void {
    this.byHash.set(hash, grant);
  }

  deactivate(keyId: string): void {
    for (const [hash, g] of this.byHash) if (g.channelId === keyId) this.byHash.delete(hash);
  }

  has(keyId: string): boolean {
    for (const g of this.byHash.values()) if (g.channelId === keyId) return true;
    return false;
  }
}
