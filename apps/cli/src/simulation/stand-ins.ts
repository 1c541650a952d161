// The outside services a simulation runs against: the application's test stand-ins. Simulated results are signed by
// the test signer over text stand-ins (nothing is rendered or certified), payments go to the test gateway, and the
// stand-ins' calls are not kept, since a long run would keep every one. `motcua simulate`, the portal bar test and
// the national-day benchmark all simulate on these.
import { CallLog, DocumentRenderer, PaymentGateway, PublicPages, Signer } from "@motcua/application"
import { Layer } from "effect"

export const simulationStandIns = Layer.mergeAll(
  Signer.layerTest,
  PaymentGateway.layerTest,
  DocumentRenderer.layerTest,
  PublicPages.layerTest,
).pipe(Layer.provideMerge(CallLog.layerUnkept))
