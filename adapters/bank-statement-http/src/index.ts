export { BankStatementHttp, type BankStatementHttpSettings, bankStatementHttp, readPage } from "./statements.ts"
