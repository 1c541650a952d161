export { type NoticeText, noticeText } from "./notice-text.ts"
export { type ChannelSenders, routedNotifier } from "./routing.ts"
