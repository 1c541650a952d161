export { DEFAULT_SMS_FIELDS, type SmsFieldNames, SmsRefused, type SmsSettings, smsNotifier } from "./sms-notifier.ts"
