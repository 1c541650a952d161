// Services whose adapters carry a large module graph that only some routes need: the PDF renderer (pdf-lib, fontkit
// with its fonts, qrcode) and the X.509 signer (pkijs, asn1js, node-forge, @signpdf). Loading them at start cost the
// server ~20 MB of resident memory for the whole of its life, whether or not it ever renders or signs (the index
// report, the queues and the lookups never do). `lazyLayer` provides the port at once; the adapter's module is
// imported, and its layer built, on the first call of any of the port's methods, once, and then reused.
import { Context, Effect, Layer } from "effect"

/** A port whose members are all methods returning an Effect that needs nothing more (what can be deferred). */
// biome-ignore lint/suspicious/noExplicitAny: any method's parameters and results
type Deferrable<S> = { readonly [K in keyof S]: (...args: any[]) => Effect.Effect<any, any, never> }

/**
 * The port `tag` whose implementation is `load()`'s layer, loaded on first use. `methods` names every method of the
 * port (a record over the shape's keys, so the compiler refuses a list that misses one). The loaded layer must hold
 * no resource (no finalizer): it is built once, outside any scope the runtime closes. A failure to load the module
 * is a defect (an installation problem), not a typed error of the port.
 */
export function lazyLayer<I, S extends Deferrable<S>>(
  tag: Context.Service<I, S>,
  load: () => Promise<Layer.Layer<I>>,
  methods: { readonly [K in keyof S]-?: true },
): Layer.Layer<I> {
  let loaded: Promise<S> | undefined
  const service = Effect.promise(() => {
    loaded ??= load().then((layer) =>
      Effect.runPromise(Effect.scoped(Effect.map(Layer.build(layer), (context) => Context.get(context, tag)))),
    )
    return loaded
  })
  const shape: Record<string, unknown> = {}
  for (const name of Object.keys(methods) as Array<keyof S & string>)
    shape[name] = (...args: unknown[]) => Effect.flatMap(service, (s) => s[name](...args))
  return Layer.succeed(tag, shape as S)
}
