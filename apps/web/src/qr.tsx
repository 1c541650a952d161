// A QR code drawn in the browser from a payment request's VietQR payload (the qrcode library, loaded only by the pages
// that show one). Drawn as an SVG image with a text alternative; the payload is printed beside it for reading aloud.
import QRCode from "qrcode"
import { useEffect, useState } from "react"

export default function QrImage({ payload, label }: { payload: string; label: string }) {
  const [svg, setSvg] = useState<string>()
  useEffect(() => {
    let live = true
    void QRCode.toString(payload, { type: "svg", margin: 2, errorCorrectionLevel: "M" }).then((text) => {
      if (live) setSvg(text)
    })
    return () => {
      live = false
    }
  }, [payload])
  if (svg === undefined) return null
  return (
    <img
      className="qr"
      data-testid="vietqr"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={label}
      width={200}
      height={200}
    />
  )
}
