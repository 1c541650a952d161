// Draws a VietQR payload (built by @motcua/domain's buildVietQr) as a QR code image a banking app can scan.
// The `qrcode` npm package does the encoding (mode selection, Reed–Solomon, masking): a well-tested implementation of
// ISO/IEC 18004 that writes PNG and SVG without native code — far safer than encoding QR symbols ourselves.
import QRCode from "qrcode"

export interface DrawOptions {
  /** Pixels per module in the PNG (default 8: a ~450 px image that phone cameras read from a screen). */
  readonly scale?: number
  /** Quiet-zone width in modules (default 4, the minimum the QR standard asks for). */
  readonly margin?: number
}

const settings = (options: DrawOptions) => ({
  // M recovers ~15% damage: enough for a printed receipt, while keeping a 100-character payload at a small version.
  errorCorrectionLevel: "M" as const,
  margin: options.margin ?? 4,
  scale: options.scale ?? 8,
})

/** The payload as a PNG image. */
export const drawVietQrPng = (payload: string, options: DrawOptions = {}): Promise<Uint8Array> =>
  QRCode.toBuffer(payload, { ...settings(options), type: "png" }).then((buffer) => new Uint8Array(buffer))

/** The payload as an SVG document (scales without blur: for the web page and the PDF receipt). */
export const drawVietQrSvg = (payload: string, options: DrawOptions = {}): Promise<string> =>
  QRCode.toString(payload, { ...settings(options), type: "svg" })
