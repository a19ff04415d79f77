/** Domain events of live video. Payloads never carry a stream key. */
declare module '../../kernel/events.js' {
  interface DomainEvents {
    'live.stream_key_created': { streamKeyId: string; hostStaffId: string };
    'live.stream_key_rotated': { streamKeyId: string };
    'live.stream_key_revoked': { streamKeyId: string };
    'live.show_scheduled': { showId: string; title: string; scheduledAt: string };
    'live.show_started': { showId: string; title: string; streamKeyId: string; hostStaffId: string; adHoc: boolean; startedAt: string };
    'live.show_ended': { showId: string; startedAt: string | null; endedAt: string; durationSeconds: number };
  }
}

export {};
