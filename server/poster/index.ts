/**
 * Share posters (分享海报): SVG drawn by the module that owns the content, rendered to PNG here
 * with the machine's CJK fonts, with a QR code of the share link. Used by group buy (campaigns)
 * and the live room (shows); channels never share code with each other, only this.
 */
export { cjkFontFiles } from './fonts.js';
export { renderPng } from './render.js';
export { escapeXml, formatZhDateTime, placeQr, POSTER_FONT, qrSvg, svgText, wrap } from './svg.js';
export { originOf, sendPng, warnOnce } from './http.js';
