// The contract suite against the in-memory layer of @motcua/application, so that use-case tests written against
// it can trust it to behave like the SQL adapter.
import { layerMemoryStorage, MemoryDatabase } from "@motcua/application"
import { ManagedRuntime } from "effect"
import { type ContractTarget, storageContract } from "./contract.test-support.ts"
import { qualityContract } from "./quality-contract.test-support.ts"
import { reportContract } from "./report-contract.test-support.ts"

const target: ContractTarget = {
  name: "in-memory (layerMemoryStorage)",
  open: async ({ maxDocumentBytes }) => {
    const runtime = ManagedRuntime.make(layerMemoryStorage({ maxDocumentBytes }))
    const withState = (f: (db: MemoryDatabase["Service"]) => void) => runtime.runPromise(MemoryDatabase.useSync(f))
    return {
      runtime,
      // One process, one state: the second "instance" is the same store.
      second: runtime,
      reset: () =>
        withState((db) => {
          db.state = MemoryDatabase.make().state
        }),
      editAuditEntry: (seq, detailJson) =>
        withState((db) => {
          db.state.audit = db.state.audit.map((e) => (e.seq === seq ? { ...e, detail: JSON.parse(detailJson) } : e))
        }),
      deleteAuditEntry: (seq) =>
        withState((db) => {
          db.state.audit = db.state.audit.filter((e) => e.seq !== seq)
        }),
      insertAuditEntry: (entry) =>
        withState((db) => {
          db.state.audit = [...db.state.audit, entry].sort((a, b) => a.seq - b.seq)
        }),
      close: () => runtime.dispose(),
    }
  },
}

storageContract(target)
qualityContract(target)
reportContract(target)
