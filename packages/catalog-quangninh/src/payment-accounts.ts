// The centres' collection accounts and e-receipt symbols (data/payment-accounts.json), decoded with the domain's
// PaymentAccounts schema and cross-checked against the centres (every centre has one account; see
// paymentAccountProblems). Optional: without it, payments by VietQR and e-receipts are not configured.
import { existsSync } from "node:fs"
import { join } from "node:path"
import { type DecodeError, PaymentAccounts } from "@motcua/domain"
import { Result, Schema } from "effect"
import { DATA_DIR } from "./files.ts"
import { loadFile } from "./jurisdiction.ts"

export const PAYMENT_ACCOUNTS_FILE = "payment-accounts.json"

export const PaymentAccountsFile = Schema.Struct({
  notes: Schema.optionalKey(Schema.Array(Schema.String)),
  ...PaymentAccounts.fields,
})

export function loadPaymentAccounts(
  dataDir: string = DATA_DIR,
): Result.Result<PaymentAccounts | undefined, DecodeError> {
  if (!existsSync(join(dataDir, PAYMENT_ACCOUNTS_FILE))) return Result.succeed(undefined)
  return Result.map(
    loadFile(PaymentAccountsFile, PAYMENT_ACCOUNTS_FILE, dataDir),
    ({ notes: _, ...accounts }) => accounts,
  )
}
