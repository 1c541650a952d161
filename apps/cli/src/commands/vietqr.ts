// motcua vietqr: prints the VietQR payload of a transfer and optionally draws it as PNG/SVG — for a counter to print
// a QR by hand, and for checking what a bank app will read.
import { writeFileSync } from "node:fs"
import { resolve } from "node:path"
import { buildVietQr } from "@motcua/domain"
import { drawVietQrPng, drawVietQrSvg } from "@motcua/payment-vietqr"
import { Result } from "effect"
import { EXIT_FAILURE, EXIT_OK, parseCommandLine, positiveInteger, UsageError } from "../args.ts"
import type { Command } from "../command.ts"
import { type Io, say } from "../io.ts"

const options = {
  help: { type: "boolean", short: "h" },
  bin: { type: "string" },
  account: { type: "string" },
  amount: { type: "string" },
  bill: { type: "string" },
  purpose: { type: "string" },
  card: { type: "boolean" },
  png: { type: "string" },
  svg: { type: "string" },
} as const

export const vietqr: Command = {
  name: "vietqr",
  summary: "tạo mã VietQR chuyển khoản (make a VietQR transfer code)",
  help: `Cách dùng (usage): motcua vietqr --bin <BIN> --account <số TK> [--amount <đồng>] [--bill <mã>]
                     [--purpose <nội dung>] [--card] [--png <tệp>] [--svg <tệp>]

In nội dung VietQR (EMVCo, NAPAS) ra stdout; --png/--svg vẽ mã QR vào tệp
(prints the VietQR payload on stdout; --png/--svg draw the QR code into a file).
  --bin        mã BIN 6 số của ngân hàng nhận (the receiving bank's 6-digit BIN)
  --account    số tài khoản nhận (the receiving account number)
  --amount     số tiền, đồng; có số tiền là QR động (amount in đồng: makes a dynamic QR)
  --bill       mã hóa đơn / tham chiếu (bill number: the payment's reference)
  --purpose    nội dung chuyển khoản, không dấu (transfer purpose, without diacritics)
  --card       chuyển đến thẻ (QRIBFTTC) thay vì tài khoản (to a card instead of an account)
  -h, --help   trợ giúp (this help)`,
  async run(args: ReadonlyArray<string>, io: Io) {
    const { values, positionals } = parseCommandLine(args, options)
    if (positionals.length > 0) throw new UsageError(`tham số thừa (unexpected argument): ${positionals.join(" ")}`)
    if (values.bin === undefined) throw new UsageError("thiếu --bin (missing --bin)")
    if (values.account === undefined) throw new UsageError("thiếu --account (missing --account)")
    const amount = values.amount === undefined ? undefined : positiveInteger("amount", values.amount, 0)
    const built = buildVietQr({
      bankBin: values.bin,
      accountNumber: values.account,
      service: values.card === true ? "card" : "account",
      ...(amount === undefined ? {} : { amount }),
      ...(values.bill === undefined ? {} : { billNumber: values.bill }),
      ...(values.purpose === undefined ? {} : { purpose: values.purpose }),
    })
    if (Result.isFailure(built)) {
      io.err(say(`Không tạo được VietQR: ${built.failure.field}: ${built.failure.reason}`, built.failure.message))
      return EXIT_FAILURE
    }
    const payload = built.success
    io.out(payload)
    if (values.png !== undefined) {
      const file = resolve(io.cwd, values.png)
      writeFileSync(file, await drawVietQrPng(payload))
      io.err(say(`đã ghi ${file}`, "written"))
    }
    if (values.svg !== undefined) {
      const file = resolve(io.cwd, values.svg)
      writeFileSync(file, await drawVietQrSvg(payload))
      io.err(say(`đã ghi ${file}`, "written"))
    }
    return EXIT_OK
  },
}
