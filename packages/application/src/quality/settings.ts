// The deployment's quality settings (rules, import, SLA warning window, petition deadlines: the domain's
// QualitySettings) as a context reference: the defaults unless the composition root provides the deployment's
// (catalog-quangninh's quality.json), e.g. `Effect.provideService(QualityConfig, settings)` or `QualityConfig.layer`.
import { defaultQualitySettings, type QualitySettings } from "@motcua/domain"
import { Context, Layer } from "effect"

export const QualityConfig = Context.Reference<QualitySettings>("@motcua/application/QualityConfig", {
  defaultValue: () => defaultQualitySettings,
})

/** Provides the deployment's settings. */
export const qualityConfigLayer = (settings: QualitySettings) => Layer.succeed(QualityConfig, settings)
