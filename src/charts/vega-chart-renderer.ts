import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartRenderer, DigestChartInput } from '../domain/insights/chart.js';
import { SEVERITY_INFO } from '../domain/severity.js';

/**
 * Shipped with the app (and copied into the image), so text renders without system fonts:
 * DejaVu Sans for Latin text, NanumSquare for Hangul (resvg falls back to it glyph by glyph).
 */
const FONT_FILES = ['DejaVuSans.ttf', 'NanumSquareR.ttf'].map((name) => fileURLToPath(new URL(`../../assets/fonts/${name}`, import.meta.url)));
const FONT = 'DejaVu Sans';

/** Vega-Lite spec: every incident a dot on a log time-to-resolve axis, one row per severity, the period before faint. */
export function digestChartSpec(input: DigestChartInput): TopLevelSpec {
  const { axis, thisPeriod, periodBefore } = input.labels;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: input.title,
    width: 560,
    height: 150,
    background: 'white',
    config: { font: FONT },
    data: {
      values: input.dots.map((d) => ({
        severity: SEVERITY_INFO[d.severity].label,
        minutes: Math.max(1, d.resolveMinutes),
        period: d.previous ? periodBefore : thisPeriod,
      })),
    },
    mark: { type: 'circle', size: 80 },
    encoding: {
      x: { field: 'minutes', type: 'quantitative', title: axis, scale: { type: 'log', domain: [1, 1440 * 7] } },
      y: { field: 'severity', type: 'nominal', title: null, sort: ['SEV-1', 'SEV-2', 'SEV-3'], scale: { domain: ['SEV-1', 'SEV-2', 'SEV-3'] } },
      yOffset: { field: 'period', type: 'nominal', sort: [periodBefore, thisPeriod] },
      opacity: { field: 'period', type: 'nominal', sort: [thisPeriod, periodBefore], scale: { domain: [thisPeriod, periodBefore], range: [0.9, 0.25] }, legend: { title: null } },
      color: { value: '#c0392b' },
    },
  };
}

/** Vega-Lite → Vega → SVG on the server (no browser), rasterized by resvg with the bundled font. */
export class VegaChartRenderer implements ChartRenderer {
  async render(input: DigestChartInput): Promise<Uint8Array> {
    const view = new View(parse(compile(digestChartSpec(input)).spec), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    return rasterize(svg);
  }
}

/** SVG → PNG at twice the size, with the bundled fonts only. */
export function rasterize(svg: string): Uint8Array {
  const resvg = new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT }, fitTo: { mode: 'zoom', value: 2 } });
  return resvg.render().asPng();
}
