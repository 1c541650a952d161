// Errors of the ports that reach outside the system (payment gateway, signer, national portal, notifications,
// devices). A failed delivery is retried by the outbox relay; a callback that does not verify is refused.
import { Data } from "effect"

/** The outside service (or device) could not be reached or refused the call: worth retrying later. */
export class ExternalServiceFailed extends Data.TaggedError("ExternalServiceFailed")<{
  readonly port: string
  readonly operation: string
  readonly cause: unknown
}> {
  override get message(): string {
    const why = this.cause instanceof Error ? this.cause.message : String(this.cause)
    return `${this.port}.${this.operation} failed: ${why}`
  }
}

/**
 * Why a notice (e-mail, SMS, Zalo) could not be delivered, as the cause of ExternalServiceFailed: `permanent` when
 * sending it again cannot help (no such mailbox, not a mobile number, refused template), `code` the channel's own
 * answer (SMTP or HTTP status, ZNS error code) when there was one. One class for every channel.
 */
export class DeliveryRefused extends Error {
  readonly permanent: boolean
  readonly code: number | undefined
  constructor(message: string, permanent: boolean, code?: number) {
    super(message)
    this.name = "DeliveryRefused"
    this.permanent = permanent
    this.code = code
  }
}

/** A callback from outside (payment gateway, portal) whose signature or content does not verify (HTTP 401/422). */
export class CallbackRejected extends Data.TaggedError("CallbackRejected")<{
  readonly port: string
  readonly reason: string
  /**
   * What kind of refusal, for the payments' rejected log: the signature does not verify, the message is too old
   * (a replay), or it is not the message it should be.
   */
  readonly code?: "bad-signature" | "stale" | "malformed"
}> {
  override get message(): string {
    return `lệnh gọi lại bị từ chối / callback rejected by ${this.port}: ${this.reason}`
  }
}

/** What went wrong with a counter device, for the officer's screen and the agent's log. */
export type DeviceProblem =
  | "no-device" // nothing attached, or the named device does not answer
  | "busy" // another program (or another scan) is using it
  | "jammed" // paper jam in the feeder
  | "no-paper" // nothing on the glass or in the feeder, no card on the reader
  | "cover-open"
  | "timeout" // it did not finish in time
  | "invalid-output" // it answered something that is not what it should (untrusted input refused)
  | "failed" // any other failure, with the device's words in `detail`

/**
 * A device (card reader, scanner) could not give what was asked: no card on the reader, no paper in the scanner, a
 * jam, a busy or missing device, output that does not parse. `problem` says which (absent: not ready).
 */
export class DeviceNotReady extends Data.TaggedError("DeviceNotReady")<{
  readonly device: string
  readonly detail: string
  readonly problem?: DeviceProblem
}> {
  override get message(): string {
    return `thiết bị chưa sẵn sàng / ${this.device} not ready: ${this.detail}`
  }
}
