// Apache ECharts, only the parts the dashboards draw (bar charts on a canvas, with axes, tooltip, legend and the
// accessible description), loaded by the dashboard page when it opens: none of it is on the citizen's first load.
import { BarChart, LineChart } from "echarts/charts"
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components"
import * as echarts from "echarts/core"
import { CanvasRenderer } from "echarts/renderers"

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer])

export interface BarSeries {
  readonly name: string
  readonly values: ReadonlyArray<number>
}

/** Grouped bars (one group per category), drawn into `element`; dispose the answer when done. */
export function drawBars(
  element: HTMLElement,
  options: { readonly categories: ReadonlyArray<string>; readonly series: ReadonlyArray<BarSeries> },
): { dispose: () => void } {
  const chart = echarts.init(element, undefined, { renderer: "canvas" })
  chart.setOption({
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 72 },
    xAxis: {
      type: "category",
      data: [...options.categories],
      axisLabel: { interval: 0, rotate: options.categories.length > 4 ? 30 : 0 },
    },
    yAxis: { type: "value", minInterval: 1 },
    series: options.series.map((s) => ({ type: "bar", name: s.name, data: [...s.values] })),
  })
  const resize = () => chart.resize()
  window.addEventListener("resize", resize)
  return {
    dispose: () => {
      window.removeEventListener("resize", resize)
      chart.dispose()
    },
  }
}
