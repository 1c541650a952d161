export {
  type DeliveryOutcome,
  DISABLE_AFTER_FAILURES,
  deliverEvent,
  deliverTo,
} from "./deliver.ts"
export { eventBody, type WebhookEvent, webhookEventTypes } from "./events.ts"
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhookSignature,
  type WebhookVerification,
} from "./signature.ts"
export {
  enableWebhook,
  listWebhooks,
  removeWebhook,
  type SubscribeInput,
  subscribeWebhook,
  testWebhook,
  viewOf,
  WebhookNotFound,
  WebhookRefused,
  type WebhookRules,
  type WebhookView,
  webhookAttempts,
} from "./use-cases.ts"
