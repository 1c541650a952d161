export { channelsFor, deliverNotice, isNotificationChannel, type NoticeToDeliver } from "./deliver.ts"
export { type NoticeText, noticeText } from "./notice-text.ts"
export { type ChannelSenders, routedNotifier } from "./routing.ts"
export {
  MessageNotFound,
  myNotificationChannels,
  notificationsOf,
  reportDelivery,
  setMyNotificationChannels,
} from "./use-cases.ts"
