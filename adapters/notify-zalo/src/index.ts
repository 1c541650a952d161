export {
  fileTokenStore,
  ZALO_OAUTH_URL,
  ZALO_ZNS_URL,
  ZaloRefused,
  type ZaloSettings,
  type ZaloTokenStore,
  type ZaloTokens,
  zaloNotifier,
} from "./zalo-notifier.ts"
