// motcua verify: checks a result PDF that anyone holds — its digital signature (intact, covering the whole file,
// from a certificate chaining to a trusted root and valid when signed) and, with --server, that it is the result
// the province issued under the code of its QR (GET/POST /api/v1/verify/{id}).
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { certificatesFromPem, type RevocationList, readRevocationLists, verifyPdf } from "@motcua/signature-x509"
import { EXIT_FAILURE, EXIT_OK, parseCommandLine, UsageError } from "../args.ts"
import type { Command } from "../command.ts"
import { type Io, say } from "../io.ts"

const options = {
  help: { type: "boolean", short: "h" },
  roots: { type: "string" },
  crl: { type: "string" },
  server: { type: "string" },
  id: { type: "string" },
  json: { type: "boolean" },
} as const

export const verify: Command = {
  name: "verify",
  summary: "kiểm tra kết quả đã ký số (verify a signed result PDF)",
  help: `Cách dùng (usage): motcua verify <tệp.pdf> --roots <root.pem> [--crl <ca.crl>] [--server <URL> --id <mã xác thực>] [--json]

Kiểm tra chữ ký số của tệp PDF (không bị sửa, ký toàn bộ tệp, chứng thư thuộc CA tin cậy, còn hiệu lực khi ký);
với --server và --id, đối chiếu tệp với kết quả đã cấp (checks the PDF's signature; with --server and --id,
also that it is the result issued under that verification code). Exit 0 only when authentic.
  --roots      tệp PEM các chứng thư gốc tin cậy (PEM file of trusted root certificates)
  --crl        tệp danh sách thu hồi chứng thư của CA, PEM hoặc DER (the CAs' revocation lists: a revoked
               certificate makes the signature not valid)
  --server     địa chỉ máy chủ motcua, ví dụ https://dichvucong.quangninh.gov.vn (the motcua server)
  --id         mã xác thực in dưới mã QR (the verification code printed with the QR code)
  --json       in kết quả dạng JSON (print the report as JSON)
  -h, --help   trợ giúp (this help)`,
  async run(args: ReadonlyArray<string>, io: Io) {
    const { values, positionals } = parseCommandLine(args, options)
    const [file, ...extra] = positionals
    if (file === undefined || extra.length > 0) throw new UsageError("cần đúng một tệp PDF (exactly one PDF file)")
    if (values.roots === undefined) throw new UsageError("thiếu --roots (missing --roots)")
    if ((values.server === undefined) !== (values.id === undefined))
      throw new UsageError("--server và --id đi cùng nhau (--server and --id go together)")
    let bytes: Uint8Array
    let rootsPem: string
    let revocationLists: RevocationList[] | undefined
    try {
      bytes = new Uint8Array(readFileSync(resolve(io.cwd, file)))
      rootsPem = readFileSync(resolve(io.cwd, values.roots), "utf8")
      if (values.crl !== undefined)
        revocationLists = readRevocationLists(new Uint8Array(readFileSync(resolve(io.cwd, values.crl))))
    } catch (error) {
      io.err(say(`không đọc được tệp: ${String(error)}`, "cannot read the file"))
      return EXIT_FAILURE
    }
    const report = await verifyPdf(bytes, certificatesFromPem(rootsPem), {
      ...(revocationLists === undefined ? {} : { revocationLists }),
    })
    let online: { authentic: boolean; verdict: string } | undefined
    if (values.server !== undefined && values.id !== undefined) {
      const url = `${values.server.replace(/\/+$/, "")}/api/v1/verify/${encodeURIComponent(values.id)}`
      try {
        const answer = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/pdf" },
          body: bytes as Uint8Array<ArrayBuffer>,
        })
        const body = (await answer.json()) as { authentic?: boolean; verdict?: string; detail?: string }
        online =
          answer.status === 200
            ? { authentic: body.authentic === true, verdict: body.verdict ?? "" }
            : { authentic: false, verdict: body.detail ?? `HTTP ${answer.status}` }
      } catch (error) {
        io.err(say(`không liên lạc được máy chủ ${url}: ${String(error)}`, "cannot reach the server"))
        return EXIT_FAILURE
      }
    }
    const authentic = report.valid && (online === undefined || online.authentic)
    if (values.json === true) io.out(JSON.stringify({ authentic, signature: report, online }, null, 2))
    else {
      io.out(
        report.valid
          ? `Chữ ký số hợp lệ / valid signature: ${report.signer?.commonName} (sê-ri ${report.signer?.serialNumber}), ký lúc / signed at ${report.signedAt}`
          : `Chữ ký số KHÔNG hợp lệ / signature NOT valid: ${report.messages.join("; ")}`,
      )
      if (online !== undefined) io.out(`Đối chiếu với máy chủ / against the server: ${online.verdict}`)
    }
    return authentic ? EXIT_OK : EXIT_FAILURE
  },
}
