/**
 * `npm run bench:dots`: how long painting the cycle-time scatterplot's dots takes on the page's main thread, in
 * headless Chromium, alone (no page around it). 16,000 dots (`BENCH_DOTS`), scattered as a big project's
 * cycle times are (most low, a few high), on a canvas of the chart's size in the UI benchmark (1,200 × 460
 * pixels) and of twice the density (a high-density screen: four times the pixels per dot).
 *
 * Each round paints the dots two ways, alternately: as the page does (`compositeDots`: blended in script,
 * one `putImageData`), and with a `drawImage` per dot, the way a canvas copies a picture, which the page did
 * before. Both include painting the model dot, and reading back one pixel, so the canvas has done its work
 * inside the timing. The table gives medians over `BENCH_DOTS_ROUNDS` rounds (11), of which `compositeDots`
 * alone (the blending, what dot-compositing.ts can make cheaper), and the largest difference of any byte between
 * the two canvases (rounding; the two should look the same).
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from '../dev/testing/chromium';

const DOTS = Number(process.env['BENCH_DOTS'] ?? 16_000);
const ROUNDS = Number(process.env['BENCH_DOTS_ROUNDS'] ?? 11);
/** The scatterplot's dot (ScatterChart.tsx), its colours as the light theme resolves them. */
const DOT = { radius: 3, fill: 'rgb(101, 84, 192)', fillOpacity: 0.7, edge: 'rgb(0, 82, 204)' };
const CHART = { width: 1200, height: 460 };

interface Round {
  composited: number;
  /** Of \`composited\`: \`compositeDots\` alone. */
  blending: number;
  drawImage: number;
}

/** What the page answers: each round's times (ms), and how far the two canvases differ. */
interface Painted {
  results: Round[];
  largestDifference: number;
  canvas: string;
}

/** Runs in the page: `DotCompositing` is dot-compositing.ts, bundled. Plain JavaScript, as the browser reads it. */
const IN_PAGE = `(({ dots, rounds, dot, chart, pixelRatio }) => {
  const width = Math.round(chart.width * pixelRatio), height = Math.round(chart.height * pixelRatio);
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const centres = Array.from({ length: dots }, () => ({
    x: Math.round((40 + random() * (chart.width - 60)) * pixelRatio),
    y: Math.round((chart.height - 30 - Math.pow(random(), 3) * (chart.height - 40)) * pixelRatio),
  }));
  function modelDot() {
    const radius = dot.radius * pixelRatio, edgeWidth = pixelRatio, size = 2 * Math.ceil(radius + edgeWidth) + 2;
    const canvas = new OffscreenCanvas(size, size);
    const context = canvas.getContext('2d');
    context.beginPath();
    context.arc(size / 2, size / 2, radius, 0, 2 * Math.PI);
    context.globalAlpha = dot.fillOpacity;
    context.fillStyle = dot.fill;
    context.fill();
    context.globalAlpha = 1;
    context.lineWidth = edgeWidth;
    context.strokeStyle = dot.edge;
    context.stroke();
    return canvas;
  }
  function newCanvas() {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    document.body.append(canvas);
    return canvas.getContext('2d');
  }
  const composited = newCanvas(), drawn = newCanvas();
  let blending = 0;
  function paintComposited() {
    const model = modelDot();
    const picture = model.getContext('2d').getImageData(0, 0, model.width, model.height);
    const half = model.width / 2;
    const origins = centres.map(({ x, y }) => ({ x: x - half, y: y - half }));
    const blendingStart = performance.now();
    const pixels = DotCompositing.compositeDots(width, height, picture, origins);
    blending = performance.now() - blendingStart;
    composited.putImageData(new ImageData(pixels, width, height), 0, 0);
    composited.getImageData(0, 0, 1, 1);
  }
  function paintWithDrawImage() {
    const model = modelDot();
    const half = model.width / 2;
    drawn.clearRect(0, 0, width, height);
    for (const { x, y } of centres) drawn.drawImage(model, x - half, y - half);
    drawn.getImageData(0, 0, 1, 1);
  }
  const timed = (paint) => {
    const start = performance.now();
    paint();
    return performance.now() - start;
  };
  const results = [];
  for (let round = 0; round < rounds; round++) {
    const composited = timed(paintComposited);
    results.push({ composited, blending, drawImage: timed(paintWithDrawImage) });
  }
  const a = composited.getImageData(0, 0, width, height).data, b = drawn.getImageData(0, 0, width, height).data;
  let largestDifference = 0;
  for (let i = 0; i < a.length; i++) largestDifference = Math.max(largestDifference, Math.abs(a[i] - b[i]));
  return { results, largestDifference, canvas: width + ' × ' + height };
})`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const bundled = await build({
    entryPoints: [path.resolve(__dirname, '../static/project-page/src/charts/dot-compositing.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'DotCompositing',
    write: false,
  });
  const browser = await launchChromium();
  const rows: string[] = [];
  try {
    for (const pixelRatio of [1, 2]) {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><body></body>');
      await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
      const { results, largestDifference, canvas } = await page.evaluate<Painted>(
        `${IN_PAGE}(${JSON.stringify({ dots: DOTS, rounds: ROUNDS, dot: DOT, chart: CHART, pixelRatio })})`,
      );
      const ms = (pick: (round: Round) => number) => `${median(results.map(pick)).toFixed(1)} ms`;
      rows.push(
        `| ${pixelRatio} (${canvas}) | ${ms((r) => r.composited)} | ${ms((r) => r.blending)} | ${ms((r) => r.drawImage)} | ${largestDifference} |`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`\nPainting ${DOTS.toLocaleString('en')} dots, medians of ${ROUNDS} rounds (load ${loadavg()[0]!.toFixed(1)})\n`);
  console.log('| pixel ratio (canvas) | blended in script | of which compositeDots | a drawImage per dot | largest byte difference |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
