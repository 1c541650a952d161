// The simulation's agenda: what happens next, earliest first; equal instants in the order they were scheduled, so
// that a seed always replays the same way.

interface Entry<A> {
  readonly at: number
  readonly order: number
  readonly item: A
}

export class Agenda<A> {
  private readonly heap: Entry<A>[] = []
  private scheduled = 0

  get size(): number {
    return this.heap.length
  }

  push(at: number, item: A): void {
    const heap = this.heap
    heap.push({ at, order: this.scheduled++, item })
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.before(heap[i] as Entry<A>, heap[parent] as Entry<A>)) break
      ;[heap[i], heap[parent]] = [heap[parent] as Entry<A>, heap[i] as Entry<A>]
      i = parent
    }
  }

  pop(): { readonly at: number; readonly item: A } | undefined {
    const heap = this.heap
    const top = heap[0]
    if (top === undefined) return undefined
    const last = heap.pop() as Entry<A>
    if (heap.length > 0) {
      heap[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < heap.length && this.before(heap[l] as Entry<A>, heap[m] as Entry<A>)) m = l
        if (r < heap.length && this.before(heap[r] as Entry<A>, heap[m] as Entry<A>)) m = r
        if (m === i) break
        ;[heap[i], heap[m]] = [heap[m] as Entry<A>, heap[i] as Entry<A>]
        i = m
      }
    }
    return { at: top.at, item: top.item }
  }

  private before(a: Entry<A>, b: Entry<A>): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order)
  }
}
