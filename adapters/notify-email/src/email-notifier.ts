// The Notifier port by e-mail over SMTP (nodemailer): one message per notification, subject and text from the one
// wording of notices (noticeText, Vietnamese first), sent from the centre's own address when the deployment names one
// for the dossier's agency, with the standard form attached as PDF when the notice has one and a renderer is given.
// - The notification id goes out as the Message-ID's local part, so a retried delivery of the same notification
//   carries the same Message-ID (receivers and the SMTP relay can drop the duplicate).
// - An SMTP answer 5xx (no such mailbox, refused) is permanent: the failure says so and the relay stops retrying it;
//   4xx and connection errors are temporary and retried by the outbox.
// - Nothing personal is logged here: errors name the dossier and the notification id, never the address.
import {
  DeliveryRefused,
  ExternalServiceFailed,
  type Notification,
  type NotifierShape,
  noticeText,
} from "@motcua/application"
import { parseDossierCode } from "@motcua/domain"
import { Effect, Result } from "effect"
import nodemailer from "nodemailer"

export interface SmtpSettings {
  readonly host: string
  readonly port: number
  /** TLS from the first byte (port 465). */
  readonly secure?: boolean
  /** Refuse to send unless the server offers STARTTLS (port 587). */
  readonly requireTLS?: boolean
  readonly auth?: { readonly user: string; readonly pass: string }
  /** Extra trusted CA certificates (PEM), e.g. the province's internal CA. */
  readonly ca?: string
  /** Milliseconds for connecting, greeting and each command (default 15 000). */
  readonly timeoutMs?: number
}

export interface RenderedForm {
  readonly filename: string
  readonly content: Uint8Array
}

export interface EmailSettings {
  readonly smtp: SmtpSettings
  /** The default sender, e.g. `"Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh" <motcua@quangninh.gov.vn>`. */
  readonly from: string
  /** The sender per agency code (the dossier code's first part): each centre writes from its own address. */
  readonly fromByAgency?: Readonly<Record<string, string>>
  /** The mail domain of Message-IDs (default: the default sender's domain). */
  readonly messageIdDomain?: string
  /** The standard form as a PDF, when the notice names one (the PDF renderer); no attachment without it. */
  readonly renderForm?: (notification: Notification) => Promise<RenderedForm | undefined>
}

/** The channel's refusal: the application's one DeliveryRefused (permanent or not, with the channel's code). */
export const EmailRefused = DeliveryRefused
export type EmailRefused = DeliveryRefused

const domainOf = (address: string): string => /@([^>\s]+)>?\s*$/.exec(address)?.[1] ?? "motcua.invalid"

function senderFor(settings: EmailSettings, dossierCode: string): string {
  const parsed = parseDossierCode(dossierCode)
  if (Result.isSuccess(parsed)) {
    const own = settings.fromByAgency?.[parsed.success.agencyCode]
    if (own !== undefined) return own
  }
  return settings.from
}

export function emailNotifier(settings: EmailSettings): NotifierShape & { readonly close: () => void } {
  const timeout = settings.smtp.timeoutMs ?? 15_000
  const transport = nodemailer.createTransport({
    host: settings.smtp.host,
    port: settings.smtp.port,
    secure: settings.smtp.secure ?? false,
    requireTLS: settings.smtp.requireTLS ?? false,
    ...(settings.smtp.auth === undefined ? {} : { auth: { ...settings.smtp.auth } }),
    ...(settings.smtp.ca === undefined ? {} : { tls: { ca: settings.smtp.ca } }),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  })
  const idDomain = settings.messageIdDomain ?? domainOf(settings.from)

  const deliver = async (notification: Notification): Promise<{ messageId: string }> => {
    const text = noticeText(notification)
    const form = notification.form === undefined ? undefined : await settings.renderForm?.(notification)
    const messageId = `<${notification.notificationId}@${idDomain}>`
    try {
      const info = await transport.sendMail({
        from: senderFor(settings, notification.dossierCode),
        to: notification.recipient,
        subject: text.subject,
        text: text.text,
        messageId,
        headers: { "X-Motcua-Dossier": notification.dossierCode, "X-Motcua-Notice": notification.about },
        ...(form === undefined
          ? {}
          : {
              attachments: [
                { filename: form.filename, content: Buffer.from(form.content), contentType: "application/pdf" },
              ],
            }),
      })
      if (info.rejected.length > 0)
        throw new EmailRefused(`máy chủ thư từ chối người nhận (recipient refused): ${info.response}`, true)
      return { messageId: info.messageId ?? messageId }
    } catch (error) {
      if (error instanceof EmailRefused) throw error
      const code = (error as { responseCode?: unknown }).responseCode
      const responseCode = typeof code === "number" ? code : undefined
      const reason = error instanceof Error ? error.message : String(error)
      throw new EmailRefused(
        `gửi thư cho hồ sơ ${notification.dossierCode} (${notification.notificationId}) không thành công: ${reason}`,
        responseCode !== undefined && responseCode >= 500,
        responseCode,
      )
    }
  }

  return {
    send: (notification) =>
      Effect.tryPromise({
        try: () => deliver(notification),
        catch: (cause) => new ExternalServiceFailed({ port: "Notifier", operation: "send.email", cause }),
      }),
    close: () => transport.close(),
  }
}
