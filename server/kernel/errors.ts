/**
 * Errors are values with a stable code. One table maps each code to its HTTP status and its
 * zh-CN / en message; routes never pick a status by hand.
 */
export type Lang = 'zh-CN' | 'en';

interface CodeSpec {
  status: number;
  zh: string;
  en: string;
}

export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '输入有误，请检查后重试', en: 'The input is not valid' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  CSRF_HEADER_MISSING: { status: 403, zh: '请求来源无法确认', en: 'The request origin could not be confirmed' },
  NOT_FOUND: { status: 404, zh: '找不到该记录', en: 'Not found' },
  CONFLICT: { status: 409, zh: '数据已被修改，请刷新后重试', en: 'The data changed; refresh and try again' },
  RATE_LIMITED: { status: 429, zh: '操作太频繁，请稍后再试', en: 'Too many attempts; try again later' },
  INTERNAL: { status: 500, zh: '系统出错了，请稍后再试', en: 'Something went wrong; try again later' },

  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误', en: 'Wrong account or password' },
  OTP_INVALID: { status: 401, zh: '验证码错误或已过期', en: 'The code is wrong or expired' },
  OTP_ATTEMPTS_EXCEEDED: { status: 401, zh: '验证码错误次数过多，请重新获取', en: 'Too many wrong codes; request a new one' },
  PHONE_INVALID: { status: 400, zh: '请输入正确的手机号', en: 'Enter a valid mobile number' },
  STORE_NOT_FOUND: { status: 404, zh: '门店不存在', en: 'Store not found' },

  IDEMPOTENCY_KEY_REQUIRED: { status: 400, zh: '缺少幂等键（Idempotency-Key）', en: 'An Idempotency-Key header is required' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, zh: '该幂等键已用于另一笔不同的请求', en: 'This idempotency key was used for a different request' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, zh: '相同请求正在处理中', en: 'The same request is still being processed' },

  PRODUCT_NOT_FOUND: { status: 404, zh: '商品不存在', en: 'Product not found' },
  SKU_NOT_FOUND: { status: 404, zh: '规格不存在', en: 'SKU not found' },
  SKU_INACTIVE: { status: 409, zh: '该商品已下架', en: 'This item is no longer for sale' },
  BARCODE_TAKEN: { status: 409, zh: '条码已被其他商品使用', en: 'This barcode is already used by another item' },
  SUPPLIER_NOT_FOUND: { status: 404, zh: '供应商不存在', en: 'Supplier not found' },
  PURCHASE_ORDER_NOT_FOUND: { status: 404, zh: '采购单不存在', en: 'Purchase order not found' },
  PURCHASE_ORDER_STATE_INVALID: { status: 409, zh: '采购单当前状态不允许此操作', en: 'The purchase order is not in a state that allows this' },
  PO_LINE_NOT_FOUND: { status: 404, zh: '采购单中没有该商品行', en: 'This line is not on the purchase order' },
  CATEGORY_NOT_FOUND: { status: 404, zh: '分类不存在', en: 'Category not found' },
  IMAGE_INVALID: { status: 400, zh: '图片格式不支持（仅限 JPG/PNG/WebP，5MB 以内）', en: 'Unsupported image (JPG/PNG/WebP up to 5 MB)' },

  INSUFFICIENT_STOCK: { status: 409, zh: '库存不足', en: 'Not enough stock' },
  STOCK_BELOW_RESERVED: { status: 409, zh: '盘点数量不能少于已被预订的数量', en: 'The counted quantity cannot be below what is reserved' },
  RESERVATION_NOT_ACTIVE: { status: 409, zh: '该预占已释放或已出库', en: 'This reservation is no longer active' },
  RESERVATION_NOT_FOUND: { status: 404, zh: '预占记录不存在', en: 'Reservation not found' },

  ORDER_NOT_FOUND: { status: 404, zh: '订单不存在', en: 'Order not found' },
  ORDER_STATE_INVALID: { status: 409, zh: '订单当前状态不允许此操作', en: 'The order is not in a state that allows this' },
  ORDER_EMPTY: { status: 400, zh: '订单中没有商品', en: 'The order has no items' },
  REFUND_EXCEEDS_PAID: { status: 409, zh: '退款金额超过可退金额', en: 'The refund exceeds what can be refunded' },
  PICKUP_CODE_INVALID: { status: 404, zh: '提货码无效', en: 'Unknown pickup code' },
  PICKUP_NOT_READY: { status: 409, zh: '该订单尚未到货或未支付，暂不能提货', en: 'This order is not ready for pickup yet' },
  PICKUP_ALREADY_VERIFIED: { status: 409, zh: '该订单已核销', en: 'This order was already picked up' },
  PICKUP_UNDO_EXPIRED: { status: 409, zh: '已超过可撤销时限', en: 'The undo window has passed' },
  PICKUP_UNDO_LIMIT: { status: 409, zh: '撤销次数已达上限', en: 'This order has been undone too many times' },

  PAYMENT_NOT_FOUND: { status: 404, zh: '支付单不存在', en: 'Payment not found' },
  PAYMENT_SIGNATURE_INVALID: { status: 400, zh: '支付通知签名无效', en: 'The payment notification signature is invalid' },
  PAYMENT_METHOD_UNAVAILABLE: { status: 400, zh: '不支持该支付方式', en: 'This payment method is not available' },
  PAYMENT_AMOUNT_MISMATCH: { status: 409, zh: '支付金额与订单不符', en: 'The paid amount does not match the order' },

  STREAM_KEY_NOT_FOUND: { status: 404, zh: '推流密钥不存在', en: 'Stream key not found' },
  STREAM_KEY_REVOKED: { status: 409, zh: '该推流密钥已作废', en: 'This stream key has been revoked' },
  LIVE_HOST_INVALID: { status: 400, zh: '主播必须是本店在职店员', en: 'The host must be an active staff member of this store' },
  LIVE_SHOW_NOT_ON_AIR: { status: 404, zh: '直播未开始或已结束', en: 'This show is not on air' },
  LIVE_SHOW_NOT_LIVE: { status: 409, zh: '直播未在进行中', en: 'The show is not live' },
  LIVE_ROOM_RESTRICTED: { status: 403, zh: '该直播间仅限本店会员或受邀邻居进入', en: "This live room is for the store's members or invited neighbours only" },
  LIVE_CHAT_MUTED: { status: 403, zh: '你已被主播禁言', en: 'The host has muted you in this room' },
  LIVE_CHAT_BLOCKED: { status: 403, zh: '你已被本店禁止发言', en: "You are blocked from chatting in this store's rooms" },
  LIVE_CHAT_BLOCKED_WORD: { status: 400, zh: '消息包含不允许的词语，未发送', en: 'The message contains a word this room does not allow; it was not sent' },
  LIVE_CHAT_MESSAGE_NOT_FOUND: { status: 404, zh: '该条弹幕不存在', en: 'Chat message not found' },
  LIVE_REMINDER_CLOSED: { status: 409, zh: '直播已开始或已结束，无需预约提醒', en: 'The show has already started or ended; no reminder needed' },
  LIVE_GIVEAWAY_NOT_FOUND: { status: 404, zh: '抽奖活动不存在', en: 'Giveaway not found' },
  LIVE_GIVEAWAY_CLOSED: { status: 409, zh: '抽奖已结束', en: 'This giveaway is closed' },
  LIVE_GIVEAWAY_NO_ELIGIBLE: { status: 409, zh: '暂无正在观看的参与者，稍后再开奖', en: 'No entrant is watching now; draw a little later' },
  LIVE_SHOW_NOT_FOUND: { status: 404, zh: '直播场次不存在', en: 'Show not found' },
  FLASH_SALE_NOT_FOUND: { status: 404, zh: '秒杀活动不存在', en: 'Flash sale not found' },
  FLASH_SALE_INVALID: { status: 400, zh: '秒杀设置有误（价格、数量、限购或时长）', en: 'The flash sale settings are not valid (price, quantity, limit or duration)' },
  FLASH_SALE_SOLD_OUT: { status: 409, zh: '手慢了，已经抢光啦', en: 'Sold out: this flash sale has no units left' },
  FLASH_SALE_PERSON_LIMIT: { status: 409, zh: '超过每人限购数量', en: 'That is more than the per-person limit' },
  FLASH_SALE_ENDED: { status: 409, zh: '秒杀已结束', en: 'This flash sale has ended' },
  VOUCHER_DROP_NOT_FOUND: { status: 404, zh: '到店券活动不存在', en: 'Voucher drop not found' },
  VOUCHER_DROP_EMPTY: { status: 409, zh: '到店券已被领完', en: 'All vouchers of this drop have been claimed' },
  VOUCHER_DROP_INVALID: { status: 400, zh: '到店券设置有误（数量或有效期）', en: 'The voucher drop settings are not valid (count or validity)' },
  VOUCHER_NOT_PRESENT: { status: 403, zh: '只有正在观看直播的邻居才能领取', en: 'Only neighbours watching the show now can claim this' },
  VOUCHER_ALREADY_CLAIMED: { status: 409, zh: '每人限领一张', en: 'You have already claimed one' },
  VOUCHER_NOT_FOUND: { status: 404, zh: '券码无效', en: 'Unknown voucher code' },
  VOUCHER_ALREADY_REDEEMED: { status: 409, zh: '该券已核销', en: 'This voucher was already redeemed' },
  VOUCHER_EXPIRED: { status: 409, zh: '该券已过期', en: 'This voucher has expired' },
  PAYMENT_STATE_INVALID: { status: 409, zh: '该支付单已关闭或已完成', en: 'This payment is closed or already done' },
  REFUND_NOT_FOUND: { status: 404, zh: '退款单不存在', en: 'Refund not found' },
  REALTIME_MALFORMED: { status: 400, zh: '实时消息格式有误', en: 'The realtime frame is not valid' },
  REALTIME_TOO_LARGE: { status: 413, zh: '实时消息过长', en: 'The realtime frame is too large' },
  REALTIME_TOPIC_FORBIDDEN: { status: 403, zh: '无权订阅该频道', en: 'You may not subscribe to this topic' },
  REALTIME_TOO_MANY_SUBSCRIPTIONS: { status: 429, zh: '订阅的频道过多', en: 'Too many subscriptions on this connection' },
  REALTIME_NOT_SUBSCRIBED: { status: 409, zh: '请先订阅该频道', en: 'Subscribe to this topic first' },
  REALTIME_UNKNOWN_MESSAGE: { status: 400, zh: '该频道不接受此类消息', en: 'This topic does not accept this message' },
  CAMPAIGN_NOT_FOUND: { status: 404, zh: '团购活动不存在', en: 'Group-buy campaign not found' },
  CAMPAIGN_INVALID: { status: 400, zh: '团购活动设置有误（时间、阶梯价或限购）', en: 'The campaign settings are not valid (times, ladder prices or caps)' },
  CAMPAIGN_STATE_INVALID: { status: 409, zh: '团购活动当前状态不允许此操作', en: 'The campaign is not in a state that allows this' },
  CAMPAIGN_NOT_OPEN: { status: 409, zh: '团购尚未开始或已结束', en: 'This group buy is not open' },
  CAMPAIGN_CUTOFF_PASSED: { status: 409, zh: '已截单，下次早点来哦', en: 'This group buy has reached its cut-off' },
  CAMPAIGN_ITEM_NOT_FOUND: { status: 404, zh: '该团购商品不存在', en: 'This item is not part of the campaign' },
  CAMPAIGN_SOLD_OUT: { status: 409, zh: '该商品已抢完', en: 'This item is sold out' },
  CAMPAIGN_PERSON_LIMIT: { status: 409, zh: '超过每人限购数量', en: 'This exceeds the per-person limit' },
  CAMPAIGN_SLOT_FULL: { status: 409, zh: '该提货时段已约满，请换一个时段', en: 'This pickup slot is full; pick another' },
  AFTER_SALES_NOT_FOUND: { status: 404, zh: '售后单不存在', en: 'After-sales ticket not found' },
  AFTER_SALES_NOT_ALLOWED: { status: 409, zh: '该订单暂不能申请售后（需已付款或已提货，且有可退金额）', en: 'This order cannot have an after-sales ticket (it must be paid or picked up, with money left to refund)' },
  AFTER_SALES_ALREADY_OPEN: { status: 409, zh: '该订单已有处理中的售后申请', en: 'This order already has an open after-sales ticket' },
  AFTER_SALES_STATE_INVALID: { status: 409, zh: '该售后单已处理', en: 'This after-sales ticket has already been decided' },
} as const satisfies Record<string, CodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, details: Record<string, unknown> = {}) {
    super(`${code}: ${ERROR_CODES[code].en}`);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function isAppError(e: unknown, code?: ErrorCode): e is AppError {
  return e instanceof AppError && (code === undefined || e.code === code);
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

export function errorBody(e: AppError, lang: Lang): ErrorBody {
  const spec = ERROR_CODES[e.code];
  return { code: e.code, message: lang === 'en' ? spec.en : spec.zh, details: e.details };
}
