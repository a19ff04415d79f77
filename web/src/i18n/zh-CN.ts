/** 简体中文 — the default language. Every UI string lives here (and in en.ts, same keys). */
const zhCN = {
  common: {
    actions: '操作', add: '添加', cancel: '取消', confirm: '确定', detail: '详情', edit: '编辑', logout: '退出登录',
    none: '暂无', refresh: '刷新', retry: '重试', save: '保存', saved: '已保存', time: '时间', updatedAt: '更新时间',
    networkError: '网络连接失败，请检查网络后重试', serverError: '服务器开小差了（{{status}}），请稍后再试', unknownError: '出错了，请重试',
  },
  login: {
    account: '账号', password: '密码', submit: '登录',
    accountPlaceholder: '请输入账号（演示：{{demo}}）', passwordPlaceholder: '请输入密码（演示：{{demo}}）',
    accountRequired: '请输入账号', passwordRequired: '请输入密码',
  },
  console: {
    title: '邻里 · 店主后台', subtitle: '直播 · 社区团购 · 门店，一个后台管起来', brand: '邻里 · 店主后台',
    openCounter: '核销台', openShop: '邻居商城', staffOnlyCounter: '店员账号请使用门店核销台', goCounter: '去核销台',
    menu: { orders: '订单', products: '商品', stock: '库存', refunds: '退款队列', outbox: '消息', staff: '店员' },
  },
  order: {
    status: { pending_payment: '待支付', paid: '已支付', ready_for_pickup: '待提货', picked_up: '已提货', cancelled: '已取消', refunded: '已退款' },
    channel: { groupbuy: '社区团购', live: '直播', pos: '门店收银', event: '活动', service: '服务' },
    payment: { sandbox: '在线支付（沙箱）', pay_at_pickup: '到店付款', cash: '现金' },
    fulfilment: { in_stock: '现货', presale: '预售' },
  },
  refund: { status: { failed: '退款失败', pending: '处理中', succeeded: '已退款' } },
  products: {
    title: '商品', sub: '门店所有商品与规格，价格以元录入', new: '新建商品', search: '搜索商品名称', category: '分类', status: '状态',
    active: '在售', inactive: '已下架', on: '上架', off: '下架', listed: '已上架', unlisted: '已下架', name: '商品名称', skusPrice: '规格 · 价格',
    newTitle: '新建商品', editTitle: '编辑商品：{{name}}', namePlaceholder: '如：本地散养土鸡蛋', pickCategory: '选择分类', newCategory: '新分类名称',
    description: '商品描述', descriptionPlaceholder: '产地、口感、保存方式…', listedInShop: '在商城上架', images: '商品图片',
    imagesAfterSave: '保存商品后即可上传图片', upload: '上传', skus: '规格与价格', spec: '规格', specPlaceholder: '如：500g/盒',
    unit: '单位', unitPlaceholder: '盒', priceYuan: '售价（元）', barcode: '条码', barcodeInvalid: '条码为 4–32 位字母或数字',
    supplier: '供应商', pickSupplier: '选择供应商', casePack: '箱规', weighed: '称重商品', skuActive: '规格在售', addSku: '添加规格',
    needSku: '至少需要一个规格',
  },
  stock: {
    title: '库存', sub: '在库 = 货架上的数量；已预订 = 已被订单占用；可售 = 在库 − 已预订', search: '搜索商品或规格', lowOnly: '只看低库存（≤{{n}}）',
    product: '商品', spec: '规格', onHand: '在库', reserved: '已预订', available: '可售',
    receive: '入库', adjust: '盘点', loss: '报损', history: '流水', historyTitle: '库存流水 · {{name}}',
    qtyLabel: { receive: '入库数量', adjust: '盘点实数', loss: '报损数量' },
    adjustDiff: '与在库相差 {{diff}}', note: '备注', notePlaceholder: '如：供应商、批次', reason: '原因', reasonPlaceholder: '选择或填写原因',
    reasons: { receive: [], adjust: ['月度盘点', '日常抽盘', '录入错误更正'], loss: ['过期', '破损', '变质', '丢失'] },
    done: { receive: '已入库', adjust: '已按盘点数更新', loss: '已报损' },
    kind: '类型', by: '操作人', onHandDelta: '在库变化', reservedDelta: '预订变化', onHandAfter: '变化后在库',
    kinds: { receive: '入库', reserve: '预订', release: '释放', commit: '出库', reopen: '撤销出库', return: '退货', loss: '报损', adjust: '盘点' },
  },
  orders: {
    title: '订单', sub: '所有渠道的订单：团购、直播、门店', no: '订单号', createdAt: '下单时间', channel: '渠道', items: '商品', amount: '金额',
    payment: '支付方式', status: '状态', moreItems: '等 {{n}} 种商品', refundedShort: '已退 {{amount}}',
    detail: '订单详情', detailTitle: '订单 {{no}}', customer: '顾客', neighbour: '邻居', walkIn: '散客', total: '订单金额', paid: '已付',
    refunded: '已退款', fulfilment: '履约方式', payBy: '支付截止', note: '备注', cancelReason: '取消原因', lines: '商品明细', product: '商品',
    unitPrice: '单价', qty: '数量', refundedQty: '已退数量', lineTotal: '小计', refunds: '退款记录', reason: '原因',
    markReady: '备货完成', readyConfirm: '确认货已到店、可以通知顾客提货？', readyDone: '已标记为待提货，已通知顾客',
    refund: '退款', refundTitle: '退款', refundConfirm: '确认退款', refundable: '可退 {{amount}}（已付 {{paid}}）',
    refundLines: '退回的商品（可选）', refundLinesHint: '勾选未提走的商品，金额自动计算，并释放库存', refundAmount: '退款金额（元）',
    reasonPlaceholder: '选择或填写退款原因', refundReasons: ['缺货', '商品质量问题', '顾客取消', '称重差价退款'],
    refundTooMuch: '退款金额不能超过 {{max}}', refundDone: '已退款 {{amount}}', refundPending: '退款处理中',
    refundQueued: '支付渠道暂时拒绝了退款，已进入退款队列，将自动重试',
  },
  refunds: {
    title: '退款队列', sub: '未能退回的款项不会丢失：系统按退避策略自动重试，也可以在这里手动重试', createdAt: '发起时间', order: '订单',
    amount: '金额', reason: '原因', status: '状态', attempts: '尝试次数', nextRetry: '下次重试', error: '错误信息', retry: '立即重试',
    retryOk: '退款成功', retryStill: '仍未成功：{{status}}', sandboxFail: '演示：沙箱退款失败', sandboxFailHint: '打开后沙箱支付会拒绝退款，用于演示退款队列（仅店主，非生产环境）',
  },
  outbox: {
    title: '消息', sub: '系统发出的短信（开发环境不真正发送，验证码在这里查看）', auto: '自动刷新', to: '接收号码', template: '类型', content: '内容', status: '状态',
    templates: { otp: '登录验证码', order_ready: '到货提醒', order_refunded: '退款通知', pickup_reminder: '提货提醒', generic: '通知' },
    statuses: { queued: '待发送', sent: '已发送', failed: '发送失败' },
  },
  staff: {
    title: '店员', sub: '{{store}} 的店员账号', add: '添加店员', added: '已添加 {{name}}', name: '姓名', login: '登录账号', password: '初始密码',
    roleLabel: '角色', status: '状态', active: '在职', inactive: '停用', you: '我', loginRule: '3–64 位字母、数字、_ . -', passwordRule: '至少 8 位',
    role: { owner: '店主', manager: '店长', staff: '店员' },
  },
  counter: {
    title: '门店核销台', subtitle: '扫码或输入提货码，一键核销', staffOnDuty: '当班：{{name}}', enterCode: '输入提货码', codePlaceholder: '8 位数字', clear: '清空',
    scan: '扫码', lookup: '查询', scanTitle: '扫描顾客的提货二维码', scanHint: '请顾客打开「我的订单」，把二维码对准摄像头',
    cameraDenied: '没有摄像头权限，请在浏览器设置中允许使用摄像头', cameraUnavailable: '无法打开摄像头（需要 HTTPS 或 localhost）',
    idle: '等待顾客出示提货码', neighbour: '邻居', collect: '到店付款，请收款', verify: '确认核销', verifyCollect: '已收款 {{amount}}，确认核销',
    verified: '核销成功', verifiedAt: '{{time}} 已交付顾客', next: '继续核销', undo: '撤销', undoWithin: '撤销（{{min}} 分钟内）', undone: '已撤销核销',
    collected: '本单已收款', recent: '最近核销', recentEmpty: '本机还没有核销记录', undoneTag: '已撤销', doneTag: '已完成',
    cannot: {
      pending_payment: '该订单尚未支付，不能提货', paid: '商品还未到店，暂不能提货', picked_up: '该订单已经提货了', cancelled: '该订单已取消',
      refunded: '该订单已退款', other: '该订单当前不能核销',
    },
  },
  shop: {
    loading: '加载中…', pickupAtStore: '到店自提', otherCategory: '其他', noProducts: '店里还没有上架商品', pullRetry: '请稍后刷新重试',
    storeNotFound: '找不到这家店', goDemoStore: '去演示门店「巷口优选」', weighed: '称重', soldOut: '已售罄', left: '剩余 {{n}}', add: '加入购物车',
    cart: '购物车', cartEmpty: '购物车是空的', clearCart: '清空', checkout: '去结算', tabHome: '商品', tabOrders: '我的订单',
    confirmOrder: '确认订单', total: '合计', payMethod: '支付方式', sandboxHint: '演示用沙箱钱包，不会真实扣款',
    payAtPickupHint: '提货时在门店付款', notePlaceholder: '给店家留言（选填）', placeOrder: '提交订单',
    login: '登录', loginTitle: '手机号登录', loginSub: '登录后下单，到 {{store}} 自提', phone: '手机号', phonePlaceholder: '请输入手机号',
    code: '验证码', codePlaceholder: '6 位验证码', getCode: '获取验证码', resendIn: '{{s}} 秒后重发', codeSent: '验证码已发送',
    phoneInvalid: '请输入正确的手机号', loginButton: '登录', loginHint: '演示环境不发真实短信：验证码在店主后台「消息」页查看',
    myOrders: '我的订单', loginToSee: '登录后查看订单', signedInAs: '已登录：{{phone}}', noOrders: '还没有订单',
    orderDetail: '订单详情', pickupCode: '提货码', pickupCodeHint: '到店出示此码或二维码，店员核销后即可取货',
    orderNo: '订单号', orderedAt: '下单时间', note: '备注', refundedAmount: '已退款', refundedQty: '已退 {{n}}',
    payNow: '去支付', cancelOrder: '取消订单', refundAnytime: '随时退 · 申请退款', cancelConfirm: '确定取消这个订单吗？',
    refundConfirm: '提货前随时可退，款项将原路退回。确定退款吗？', cancelled: '订单已取消', refunded: '已退款，将原路退回',
    hint: {
      payBy: '请在 {{time}} 前完成支付，超时订单自动取消', pending_payment: '等待付款', paid: '支付成功，商品到店后会通知您提货',
      ready_for_pickup: '商品已备好，凭提货码到店自提', picked_up: '已提货，欢迎再来', cancelled: '订单已取消', refunded: '已全额退款，款项原路退回',
    },
    wallet: {
      brand: '邻里支付 · 沙箱钱包', payee: '付款给 {{store}}', note: '这是演示用的沙箱支付，不会产生真实扣款',
      confirm: '确认支付', paying: '支付中', waiting: '等待到账',
    },
  },
  live: { title: '邻里直播间', comingSoon: '直播间即将开放', desc: '每晚 8 点，老赵在店里开播：讲解好货、限时秒杀、接龙团购。敬请期待！', goShop: '先去逛逛商城' },
};

export default zhCN;

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends readonly string[] ? string[] : Strings<T[K]> };
/** the shape en.ts must have: the same keys, any strings */
export type Messages = Strings<typeof zhCN>;
