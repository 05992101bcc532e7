// Transactions as SDKs send them, for the performance bench: a browser pageload with
// 40 spans (navigation phases, resources, long tasks, fetches) and web vitals, and a
// Django request with 30 db spans (a query per row: an N+1).

const hex = (n, width) => n.toString(16).padStart(width, '0');

export function pageloadTransaction(i, start = 1_780_000_000) {
  const root = hex(i * 100 + 1, 16);
  const spans = Array.from({ length: 40 }, (_, s) => {
    const kind = s % 4;
    const op = ['browser.dns', 'resource.script', 'ui.long-task', 'http.client'][kind];
    const description = [
      'https://shop.example.com',
      `https://cdn.example.com/assets/chunk-${s}.js`,
      'Main UI thread blocked',
      `GET https://shop.example.com/api/cart/${s}`,
    ][kind];
    return {
      span_id: hex(i * 100 + s + 2, 16),
      parent_span_id: root,
      trace_id: hex(i, 32),
      op,
      description,
      start_timestamp: start + s * 0.02,
      timestamp: start + s * 0.02 + 0.015 + (s % 7) * 0.003,
      data:
        kind === 1
          ? { 'http.response_content_length': 20_000 + s, render_blocking: 'non-blocking' }
          : {},
    };
  });
  return {
    type: 'transaction',
    event_id: hex(i, 32),
    transaction: `/products/:id`,
    transaction_info: { source: 'route' },
    platform: 'javascript',
    start_timestamp: start,
    timestamp: start + 1.2 + (i % 13) * 0.05,
    release: 'shop@1.4.2',
    environment: 'production',
    contexts: { trace: { trace_id: hex(i, 32), span_id: root, op: 'pageload', status: 'ok' } },
    measurements: {
      lcp: { value: 1800 + (i % 50) * 20, unit: 'millisecond' },
      fcp: { value: 900 + (i % 40) * 10, unit: 'millisecond' },
      ttfb: { value: 200 + (i % 30) * 5, unit: 'millisecond' },
      cls: { value: 0.02 + (i % 10) * 0.01, unit: '' },
      inp: { value: 120 + (i % 20) * 10, unit: 'millisecond' },
    },
    request: {
      url: `https://shop.example.com/products/${i}`,
      headers: { 'User-Agent': 'Mozilla/5.0 Chrome/120.0' },
    },
    spans,
  };
}

export function djangoTransaction(i, start = 1_780_000_000) {
  const root = hex(i * 100 + 1, 16);
  const view = hex(i * 100 + 2, 16);
  const spans = [
    {
      span_id: view,
      parent_span_id: root,
      op: 'view.render',
      description: 'shop.views.orders',
      start_timestamp: start + 0.001,
      timestamp: start + 0.4,
    },
    ...Array.from({ length: 30 }, (_, s) => ({
      span_id: hex(i * 100 + s + 3, 16),
      parent_span_id: view,
      trace_id: hex(i, 32),
      op: 'db',
      description:
        s === 0
          ? 'SELECT "shop_order"."id", "shop_order"."customer_id" FROM "shop_order" ORDER BY "shop_order"."id" DESC LIMIT 30'
          : 'SELECT "shop_customer"."id", "shop_customer"."name" FROM "shop_customer" WHERE "shop_customer"."id" = %s LIMIT 21',
      start_timestamp: start + 0.002 + s * 0.012,
      timestamp: start + 0.013 + s * 0.012,
      data: { 'db.system': 'postgresql' },
    })),
  ];
  return {
    type: 'transaction',
    event_id: hex(i + 10_000_000, 32),
    transaction: '/orders/',
    transaction_info: { source: 'route' },
    platform: 'python',
    start_timestamp: start,
    timestamp: start + 0.42,
    release: 'shop@1.4.2',
    environment: 'production',
    contexts: {
      trace: { trace_id: hex(i + 10_000_000, 32), span_id: root, op: 'http.server', status: 'ok' },
    },
    request: {
      url: 'http://shop.example.com/orders/',
      method: 'GET',
      headers: { Host: 'shop.example.com' },
    },
    spans,
  };
}
