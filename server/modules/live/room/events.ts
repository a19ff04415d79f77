import type { PinnedSnapshot } from './tables.js';

/** Domain events of the live room (and of the show extras: access, reminders). */
declare module '../../../kernel/events.js' {
  interface DomainEvents {
    'live.room_settings_changed': { showId: string; access: 'public' | 'members' | 'invite'; skuIds: string[]; inviteRotated: boolean };
    'live.reminder_reserved': { showId: string; customerId: string };
    'live.reminders_sent': { showId: string; count: number };
    'live.pinned': { showId: string; pinned: PinnedSnapshot | null; at: string };
    'live.chat_removed': { showId: string; messageId: string; customerId: string; at: string };
    'live.viewer_muted': { showId: string; customerId: string; until: string | null };
    'live.viewer_blocked': { customerId: string; blocked: boolean };
    'live.blocked_words_changed': { count: number };
    'live.giveaway_changed': {
      giveawayId: string;
      showId: string;
      prize: string;
      status: 'open' | 'drawn' | 'cancelled';
      endsAt: string;
      entrants: number;
      /** masked */
      winner: string | null;
      at: string;
    };
  }
}

export {};
