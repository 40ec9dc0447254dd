// Stripe events in the shape Stripe posts them (API version 2024-06-20), for `send --example stripe:<type>`.
const base = (type: string, object: Record<string, unknown>) => ({
  id: 'evt_3PZ0example0000000000000',
  object: 'event',
  api_version: '2024-06-20',
  created: 1719849600,
  data: { object },
  livemode: false,
  pending_webhooks: 1,
  request: { id: 'req_example0000000', idempotency_key: '4d6c6a3e-8c7b-4a8e-9d44-0a1b2c3d4e5f' },
  type,
});

export const STRIPE_EVENTS: Record<string, unknown> = {
  'payment_intent.succeeded': base('payment_intent.succeeded', {
    id: 'pi_3PZ0example0000000000000',
    object: 'payment_intent',
    amount: 2000,
    amount_received: 2000,
    currency: 'usd',
    customer: 'cus_example0000000',
    livemode: false,
    metadata: { order_id: '6735' },
    payment_method: 'pm_example0000000',
    status: 'succeeded',
    created: 1719849590,
  }),
  'checkout.session.completed': base('checkout.session.completed', {
    id: 'cs_test_example0000000000000',
    object: 'checkout.session',
    amount_total: 2000,
    currency: 'usd',
    customer: 'cus_example0000000',
    mode: 'payment',
    payment_status: 'paid',
    status: 'complete',
    metadata: {},
  }),
  'invoice.paid': base('invoice.paid', {
    id: 'in_example0000000000000',
    object: 'invoice',
    amount_paid: 1500,
    currency: 'usd',
    customer: 'cus_example0000000',
    status: 'paid',
    subscription: 'sub_example0000000',
  }),
};
