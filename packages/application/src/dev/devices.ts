// Development stand-ins for the counter devices: no card reader or scanner is attached, so every read or scan answers
// DeviceNotReady (the counter types the applicant's details and uploads documents instead). Device adapters (chip
// readers of the CCCD, TWAIN/SANE scanners) come with later work.
import { Effect, Layer } from "effect"
import { IdCardReader, Scanner } from "../ports/devices.ts"
import { DeviceNotReady } from "../ports/external-errors.ts"

const notAttached = (device: string) =>
  Effect.fail(
    new DeviceNotReady({ device, detail: "không có thiết bị trong môi trường phát triển (no device attached)" }),
  )

export const DevicesDevelopment = {
  layer: Layer.merge(
    Layer.succeed(IdCardReader, IdCardReader.of({ read: () => notAttached("IdCardReader") })),
    Layer.succeed(Scanner, Scanner.of({ scan: () => notAttached("Scanner") })),
  ),
}
