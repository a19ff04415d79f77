/** antd-mobile's Toast brings its animation library: fetched on the first error, not with the room. */
export function toastError(e: unknown): void {
  void import('../../../lib/mobile/notify.js').then((m) => m.toastError(e));
}
