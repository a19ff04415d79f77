/** Product images on local disk: the shared upload helpers (server/http/images.ts). */
export { CONTENT_TYPES, detectImageKind, isMediaFileName, kindOf, MAX_IMAGE_BYTES, removeImage, saveImage, type ImageKind } from '../../http/images.js';
