export { type HttpTransportOptions, HttpWebhookTransport, httpWebhookTransport } from "./http-transport.ts"
