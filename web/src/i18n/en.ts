import type { Messages } from './zh-CN.js';

/** English — loaded only when someone switches to it. Same keys as zh-CN.ts (the type checks it). */
const en: Messages = {
  common: {
    actions: 'Actions', add: 'Add', cancel: 'Cancel', confirm: 'OK', detail: 'Details', edit: 'Edit', logout: 'Sign out',
    none: 'None', refresh: 'Refresh', retry: 'Retry', save: 'Save', saved: 'Saved', time: 'Time', updatedAt: 'Updated',
    networkError: 'No connection. Check the network and try again', serverError: 'The server had a problem ({{status}}); try again later', unknownError: 'Something went wrong; try again',
  },
  login: {
    account: 'Account', password: 'Password', submit: 'Sign in',
    accountPlaceholder: 'Account (demo: {{demo}})', passwordPlaceholder: 'Password (demo: {{demo}})',
    accountRequired: 'Enter your account', passwordRequired: 'Enter your password',
  },
  console: {
    title: 'Linli · Store console', subtitle: 'Live, group buys and the store in one place', brand: 'Linli Console',
    openCounter: 'Counter', openShop: 'Shop', staffOnlyCounter: 'Staff accounts use the counter', goCounter: 'Open the counter',
    menu: { orders: 'Orders', products: 'Products', stock: 'Stock', refunds: 'Refund queue', outbox: 'Messages', staff: 'Staff' },
  },
  order: {
    status: { pending_payment: 'Awaiting payment', paid: 'Paid', ready_for_pickup: 'Ready for pickup', picked_up: 'Picked up', cancelled: 'Cancelled', refunded: 'Refunded' },
    channel: { groupbuy: 'Group buy', live: 'Live', pos: 'In store', event: 'Event', service: 'Service' },
    payment: { sandbox: 'Online (sandbox)', pay_at_pickup: 'Pay at pickup', cash: 'Cash' },
    fulfilment: { in_stock: 'In stock', presale: 'Presale' },
  },
  refund: { status: { failed: 'Failed', pending: 'Pending', succeeded: 'Refunded' } },
  products: {
    title: 'Products', sub: 'Every product and SKU of the store; prices in yuan', new: 'New product', search: 'Search products', category: 'Category', status: 'Status',
    active: 'On sale', inactive: 'Unlisted', on: 'On', off: 'Off', listed: 'Listed', unlisted: 'Unlisted', name: 'Product', skusPrice: 'SKUs · price',
    newTitle: 'New product', editTitle: 'Edit: {{name}}', namePlaceholder: 'e.g. Free-range eggs', pickCategory: 'Pick a category', newCategory: 'New category',
    description: 'Description', descriptionPlaceholder: 'Origin, taste, storage…', listedInShop: 'Listed in the shop', images: 'Images',
    imagesAfterSave: 'Save the product first, then upload images', upload: 'Upload', skus: 'SKUs and prices', spec: 'Spec', specPlaceholder: 'e.g. 500 g box',
    unit: 'Unit', unitPlaceholder: 'box', priceYuan: 'Price (¥)', barcode: 'Barcode', barcodeInvalid: '4–32 letters or digits',
    supplier: 'Supplier', pickSupplier: 'Pick a supplier', casePack: 'Case pack', weighed: 'Sold by weight', skuActive: 'SKU on sale', addSku: 'Add a SKU',
    needSku: 'At least one SKU is needed',
  },
  stock: {
    title: 'Stock', sub: 'On hand = on the shelf; reserved = held by orders; available = on hand − reserved', search: 'Search product or spec', lowOnly: 'Low stock only (≤{{n}})',
    product: 'Product', spec: 'Spec', onHand: 'On hand', reserved: 'Reserved', available: 'Available',
    receive: 'Receive', adjust: 'Count', loss: 'Write off', history: 'History', historyTitle: 'Stock history · {{name}}',
    qtyLabel: { receive: 'Quantity received', adjust: 'Counted quantity', loss: 'Quantity lost' },
    adjustDiff: '{{diff}} against on hand', note: 'Note', notePlaceholder: 'e.g. supplier, batch', reason: 'Reason', reasonPlaceholder: 'Pick or type a reason',
    reasons: { receive: [], adjust: ['Monthly count', 'Spot check', 'Correcting an entry'], loss: ['Expired', 'Broken', 'Spoiled', 'Missing'] },
    done: { receive: 'Received', adjust: 'Set to the counted quantity', loss: 'Written off' },
    kind: 'Type', by: 'By', onHandDelta: 'On hand ±', reservedDelta: 'Reserved ±', onHandAfter: 'On hand after',
    kinds: { receive: 'Receive', reserve: 'Reserve', release: 'Release', commit: 'Out', reopen: 'Undo out', return: 'Return', loss: 'Write off', adjust: 'Count' },
  },
  orders: {
    title: 'Orders', sub: 'Orders from every channel: group buys, live, the store', no: 'Order', createdAt: 'Placed', channel: 'Channel', items: 'Items', amount: 'Amount',
    payment: 'Payment', status: 'Status', moreItems: '({{n}} items)', refundedShort: '{{amount}} refunded',
    detail: 'Order', detailTitle: 'Order {{no}}', customer: 'Customer', neighbour: 'Neighbour', walkIn: 'Walk-in', total: 'Total', paid: 'Paid',
    refunded: 'Refunded', fulfilment: 'Fulfilment', payBy: 'Pay by', note: 'Note', cancelReason: 'Cancel reason', lines: 'Items', product: 'Product',
    unitPrice: 'Unit price', qty: 'Qty', refundedQty: 'Refunded qty', lineTotal: 'Subtotal', refunds: 'Refunds', reason: 'Reason',
    markReady: 'Goods ready', readyConfirm: 'Goods are in the store and the customer can be told to come?', readyDone: 'Marked ready; the customer was told',
    refund: 'Refund', refundTitle: 'Refund', refundConfirm: 'Refund', refundable: '{{amount}} refundable (paid {{paid}})',
    refundLines: 'Items handed back (optional)', refundLinesHint: 'Tick items not taken: the amount is filled in and their stock released', refundAmount: 'Amount (¥)',
    reasonPlaceholder: 'Pick or type a reason', refundReasons: ['Out of stock', 'Quality problem', 'Customer cancelled', 'Weight difference'],
    refundTooMuch: 'At most {{max}} can be refunded', refundDone: '{{amount}} refunded', refundPending: 'Refund in progress',
    refundQueued: 'The payment provider refused the refund for now; it is in the refund queue and will be retried',
  },
  refunds: {
    title: 'Refund queue', sub: 'Refunds that did not go through are never dropped: retried automatically with backoff, or by hand here', createdAt: 'Requested', order: 'Order',
    amount: 'Amount', reason: 'Reason', status: 'Status', attempts: 'Attempts', nextRetry: 'Next retry', error: 'Error', retry: 'Retry now',
    retryOk: 'Refunded', retryStill: 'Still not through: {{status}}', sandboxFail: 'Demo: sandbox refunds fail', sandboxFailHint: 'While on, the sandbox refuses refunds, to show the queue (owner only, not in production)',
  },
  outbox: {
    title: 'Messages', sub: 'Text messages the system sent (in development nothing is sent: login codes show here)', auto: 'Auto refresh', to: 'To', template: 'Type', content: 'Content', status: 'Status',
    templates: { otp: 'Login code', order_ready: 'Ready', order_refunded: 'Refund', pickup_reminder: 'Pickup reminder', generic: 'Notice' },
    statuses: { queued: 'Queued', sent: 'Sent', failed: 'Failed' },
  },
  staff: {
    title: 'Staff', sub: 'Staff accounts of {{store}}', add: 'Add staff', added: '{{name}} added', name: 'Name', login: 'Login', password: 'First password',
    roleLabel: 'Role', status: 'Status', active: 'Active', inactive: 'Inactive', you: 'You', loginRule: '3–64 letters, digits, _ . -', passwordRule: 'At least 8 characters',
    role: { owner: 'Owner', manager: 'Manager', staff: 'Staff' },
  },
  counter: {
    title: 'Pickup counter', subtitle: 'Scan or type the pickup code, verify in one tap', staffOnDuty: 'On duty: {{name}}', enterCode: 'Pickup code', codePlaceholder: '8 digits', clear: 'Clear',
    scan: 'Scan', lookup: 'Look up', scanTitle: "Scan the customer's pickup QR", scanHint: 'Ask the customer to open My orders and hold the QR to the camera',
    cameraDenied: 'No camera permission: allow the camera in the browser settings', cameraUnavailable: 'Cannot open the camera (needs HTTPS or localhost)',
    idle: 'Waiting for a pickup code', neighbour: 'Neighbour', collect: 'Pay at pickup: collect', verify: 'Verify pickup', verifyCollect: 'Collected {{amount}} · verify',
    verified: 'Picked up', verifiedAt: 'Handed over at {{time}}', next: 'Next customer', undo: 'Undo', undoWithin: 'Undo ({{min}} min left)', undone: 'Verification undone',
    collected: 'Collected for this order', recent: 'Recent pickups', recentEmpty: 'No pickups on this device yet', undoneTag: 'Undone', doneTag: 'Done',
    cannot: {
      pending_payment: 'Not paid yet: cannot be picked up', paid: 'The goods are not in the store yet', picked_up: 'Already picked up', cancelled: 'This order was cancelled',
      refunded: 'This order was refunded', other: 'This order cannot be verified now',
    },
  },
  shop: {
    loading: 'Loading…', pickupAtStore: 'Pick up in store', otherCategory: 'Other', noProducts: 'Nothing on sale yet', pullRetry: 'Try again in a moment',
    storeNotFound: 'Store not found', goDemoStore: 'Go to the demo store', weighed: 'by weight', soldOut: 'Sold out', left: '{{n}} left', add: 'Add to cart',
    cart: 'Cart', cartEmpty: 'Your cart is empty', clearCart: 'Clear', checkout: 'Checkout', tabHome: 'Shop', tabOrders: 'My orders',
    confirmOrder: 'Confirm order', total: 'Total', payMethod: 'Payment', sandboxHint: 'Demo sandbox wallet: no real money moves',
    payAtPickupHint: 'Pay in the store when you pick up', notePlaceholder: 'Note to the store (optional)', placeOrder: 'Place order',
    login: 'Sign in', loginTitle: 'Sign in with your phone', loginSub: 'Order now, pick up at {{store}}', phone: 'Phone', phonePlaceholder: 'Mobile number',
    code: 'Code', codePlaceholder: '6-digit code', getCode: 'Get code', resendIn: 'Resend in {{s}}s', codeSent: 'Code sent',
    phoneInvalid: 'Enter a valid mobile number', loginButton: 'Sign in', loginHint: 'The demo sends no real SMS: the code shows on the console Messages page',
    myOrders: 'My orders', loginToSee: 'Sign in to see your orders', signedInAs: 'Signed in: {{phone}}', noOrders: 'No orders yet',
    orderDetail: 'Order', pickupCode: 'Pickup code', pickupCodeHint: 'Show this code or QR in the store to collect your goods',
    orderNo: 'Order no.', orderedAt: 'Placed', note: 'Note', refundedAmount: 'Refunded', refundedQty: '{{n}} refunded',
    payNow: 'Pay now', cancelOrder: 'Cancel order', refundAnytime: 'Refund (any time before pickup)', cancelConfirm: 'Cancel this order?',
    refundConfirm: 'You can get a refund any time before pickup, back to where you paid from. Refund now?', cancelled: 'Order cancelled', refunded: 'Refunded to your original payment',
    hint: {
      payBy: 'Pay by {{time}} or the order is cancelled', pending_payment: 'Awaiting payment', paid: "Paid. We'll tell you when your goods arrive",
      ready_for_pickup: 'Ready: show your pickup code in the store', picked_up: 'Picked up. See you again!', cancelled: 'Order cancelled', refunded: 'Fully refunded to your original payment',
    },
    wallet: {
      brand: 'Linli Pay · sandbox wallet', payee: 'Pay {{store}}', note: 'A demo sandbox payment: no real money moves',
      confirm: 'Pay', paying: 'Paying', waiting: 'Confirming',
    },
  },
  live: { title: 'Linli Live', comingSoon: 'The live room opens soon', desc: 'Every night at 8, Lao Zhao goes live from the store: product talks, flash sales, group buys. Stay tuned!', goShop: 'Browse the shop' },
};

export default en;
