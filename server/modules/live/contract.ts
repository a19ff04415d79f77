import { z } from 'zod';

/** Live video: stream keys, shows and playback. Browser-safe (web/ imports these). */

const isoTime = z.string().describe('ISO 8601, UTC');

export const StreamKeyView = z.object({
  id: z.uuid(),
  label: z.string(),
  host: z.object({ staffId: z.uuid(), name: z.string() }),
  /** the key's last characters: the key itself is shown only when created or rotated */
  keyHint: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: isoTime,
  rotatedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
  lastPublishedAt: isoTime.nullable(),
});
export type StreamKeyView = z.infer<typeof StreamKeyView>;

/** Shown once: what OBS (Server + Stream Key) or a phone app (one URL) needs. */
export const StreamKeySecret = StreamKeyView.extend({
  streamKey: z.string(),
  /** OBS → Settings → Stream → Server */
  server: z.string(),
  /** phone apps (Larix Broadcaster…): server and key in one URL */
  url: z.string(),
});
export type StreamKeySecret = z.infer<typeof StreamKeySecret>;

export const CreateStreamKeyBody = z.object({
  /** the staff member who will stream with the key; the caller when omitted */
  hostStaffId: z.uuid().optional(),
  label: z.string().trim().max(40).default(''),
});

export const ShowStatus = z.enum(['scheduled', 'live', 'ended']);

export const ShowView = z.object({
  id: z.uuid(),
  title: z.string(),
  /** null for a show started ad hoc by a push */
  scheduledAt: isoTime.nullable(),
  status: ShowStatus,
  startedAt: isoTime.nullable(),
  endedAt: isoTime.nullable(),
  hostStaffId: z.uuid().nullable(),
  streamKeyId: z.uuid().nullable(),
});
export type ShowView = z.infer<typeof ShowView>;

export const ScheduleShowBody = z.object({
  title: z.string().trim().min(1).max(60),
  scheduledAt: z.iso.datetime({ offset: true }),
  hostStaffId: z.uuid().optional(),
});

export const ListShowsQuery = z.object({ status: ShowStatus.optional() });

export const StreamStatus = z.object({
  streamKeyId: z.uuid(),
  label: z.string(),
  hostName: z.string(),
  state: z.enum(['idle', 'starting', 'publishing', 'reconnecting']),
  showId: z.uuid().nullable(),
  since: isoTime.nullable(),
  video: z.object({ codec: z.string(), width: z.number(), height: z.number(), fps: z.number() }).nullable(),
  audio: z.object({ codec: z.string(), sampleRate: z.number(), channels: z.number() }).nullable(),
  bitrateKbps: z.number(),
  flvViewers: z.number(),
  recording: z.boolean(),
  hls: z.boolean(),
});

export const LiveStatus = z.object({
  /** where hosts push: null while the RTMP listener is not running in this process */
  rtmpServer: z.string().nullable(),
  /** HLS and recording need ffmpeg */
  ffmpeg: z.boolean(),
  streams: z.array(StreamStatus),
});
export type LiveStatus = z.infer<typeof LiveStatus>;

export const Playback = z.object({
  /** HTTP-FLV (mpegts.js on MSE browsers): ~1 s behind */
  flvUrl: z.string(),
  /** HLS for players without MSE (iOS Safari): several seconds behind; null until ready */
  hlsUrl: z.string().nullable(),
});

export const CurrentShow = z.object({
  /** the live show; with playback null while its host is reconnecting */
  show: z.object({ id: z.uuid(), title: z.string(), startedAt: isoTime }).nullable(),
  playback: Playback.nullable(),
  /** the next scheduled show, for "tonight at 8" */
  next: z.object({ id: z.uuid(), title: z.string(), scheduledAt: isoTime }).nullable(),
});
export type CurrentShow = z.infer<typeof CurrentShow>;
