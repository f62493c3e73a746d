/** A webhook endpoint was disabled, to the contact address its organiser gave. */
export const en = {
  subject: 'Webhook endpoint disabled: {url}',
  body: 'mission-hub has stopped sending events to the webhook endpoint {url}: {reason, select, gone {it answered 410 Gone, which asks to be unsubscribed} other {every attempt to reach it has failed since {since}}}.',
  after:
    'Deliveries that were still waiting are marked failed. Once the endpoint works again, enable it in the console (Webhooks) and redeliver what you need.',
  closing: 'Kind regards,\nmission-hub',
};
export type WebhookMessage = keyof typeof en;
