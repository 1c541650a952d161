export {
  EmailRefused,
  type EmailSettings,
  emailNotifier,
  type RenderedForm,
  type SmtpSettings,
} from "./email-notifier.ts"
