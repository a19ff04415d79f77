import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../kernel/errors.js';

/**
 * Uploaded images on local disk (DATA_DIR/media), shared by every module that takes photos
 * (product images, after-sales photos): the bytes decide the type, the server picks the name.
 */

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export type ImageKind = 'jpg' | 'png' | 'webp';

export const CONTENT_TYPES: Record<ImageKind, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** names of stored images: random hex + the extension its bytes proved */
const STORED_NAME = /^[0-9a-f]{32}\.(jpg|png|webp)$/;

/** The image type proven by the file's first bytes, or null (the client's name and type are ignored). */
export function detectImageKind(b: Uint8Array): ImageKind | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 8 && PNG.every((v, i) => b[i] === v)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/** Writes the image under a random name (never the client's) and returns that name. */
export async function saveImage(mediaDir: string, bytes: Buffer, kind: ImageKind): Promise<string> {
  await mkdir(mediaDir, { recursive: true });
  const file = `${randomBytes(16).toString('hex')}.${kind}`;
  await writeFile(join(mediaDir, file), bytes, { flag: 'wx' });
  return file;
}

export async function removeImage(mediaDir: string, file: string): Promise<void> {
  if (isMediaFileName(file)) await rm(join(mediaDir, file), { force: true });
}

/** Only names Linli itself made can be served: no separators, no dots but the extension. */
export function isMediaFileName(file: string): boolean {
  return STORED_NAME.test(file);
}

export function kindOf(file: string): ImageKind {
  return file.slice(file.lastIndexOf('.') + 1) as ImageKind;
}

/** The one file of a multipart request (the scope registered @fastify/multipart); IMAGE_INVALID otherwise. */
export async function readUploadedImage(req: FastifyRequest): Promise<Buffer> {
  try {
    const part = await req.file();
    if (!part) throw new AppError('IMAGE_INVALID', { reason: 'no file' });
    return await part.toBuffer();
  } catch (e) {
    if (e instanceof AppError) throw e;
    // too large, not multipart, or a broken upload: the client sees one stable code
    throw new AppError('IMAGE_INVALID', { reason: (e as { code?: string }).code ?? 'upload failed' });
  }
}

/** Streams a stored image; NOT_FOUND for a name Linli did not make or a missing file. */
export async function sendImage(reply: FastifyReply, mediaDir: string, file: string, cache: string) {
  if (!isMediaFileName(file)) throw new AppError('NOT_FOUND', { file });
  const path = join(mediaDir, file);
  const found = await stat(path).catch(() => null);
  if (!found?.isFile()) throw new AppError('NOT_FOUND', { file });
  return reply
    .type(CONTENT_TYPES[kindOf(file)])
    .header('content-length', found.size)
    .header('cache-control', cache)
    .header('x-content-type-options', 'nosniff')
    .send(createReadStream(path));
}
