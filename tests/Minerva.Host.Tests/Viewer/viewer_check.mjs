// Drives the system Chromium (playwright-core, WebGL through SwiftShader) through the viewer pages of a plan and
// reports what it saw: per step a screenshot, the colours at given image pixels, the levels whose tiles are in view,
// the zarr requests per level; per page the facts the panel shows, its channel toggles and every console error.
// Assertions are the caller's (ViewerBrowserTests.cs).
//
// usage: node viewer_check.mjs PLAN.json   (run with the repository as working directory, for playwright-core)
// plan:  { "screenshots": DIR, "viewport": [w, h], "pages": [{ "name", "url", "probes": [[x, y], ...],
//          "steps": [{ "name", "set": { "#z-slider": 2 }, "zoom": [x, y, wheelDelta], "probes": [[x, y], ...] }] }] }
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const { chromium } = createRequire(join(process.cwd(), 'package.json'))('playwright-core');

// Software WebGL2 (ANGLE on SwiftShader); no network beyond loopback, so nothing in the background reaches out.
const CHROMIUM_FLAGS = [
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const LOAD_TIMEOUT = 30000;

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const browser = await chromium.launch({ executablePath: plan.chromium ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
try {
  const pages = [];
  for (const target of plan.pages) {
    pages.push(await visit(target));
  }
  console.log(JSON.stringify({ pages }));
} finally {
  await browser.close();
}

async function visit(target) {
  const [width, height] = plan.viewport;
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = [];
  const levelRequests = {};
  page.on('console', message => message.type() === 'error' && errors.push(`console: ${message.text()}`));
  page.on('pageerror', error => errors.push(`page: ${error.message}`));
  page.on('response', response => response.status() >= 400 && errors.push(`${response.status()}: ${response.url()}`));
  page.on('requestfailed', request => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('request', request => {
    const level = /\/zarr\/(\d+)\//.exec(new URL(request.url()).pathname)?.[1];
    if (level !== undefined) {
      levelRequests[level] = (levelRequests[level] ?? 0) + 1;
    }
  });

  const result = { name: target.name, errors, steps: [] };
  try {
    await page.goto(target.url);
    await page.waitForFunction(() => window.minerva?.ready || window.minerva?.errors.length, null, { timeout: LOAD_TIMEOUT });
    await waitForTiles(page, 0);
    result.title = await page.title();
    result.facts = await page.$$eval('dd[data-fact]', list => Object.fromEntries(list.map(d => [d.dataset.fact, d.textContent])));
    result.toggles = await page.$$eval('#channels input[type=checkbox]', boxes => boxes.map(b => b.checked));
    result.steps.push(await capture(page, target.name, 'opened', target.probes, levelRequests));
    for (const step of target.steps ?? []) {
      const loads = await page.evaluate(() => window.minerva.viewportLoads);
      for (const [selector, value] of Object.entries(step.set ?? {})) {
        const before = await page.evaluate(() => window.minerva.viewportLoads);
        await page.fill(selector, String(value));
        await waitForTiles(page, before);
      }
      if (step.zoom) {
        const [x, y, delta] = step.zoom;
        const [px, py] = await page.evaluate(([ix, iy]) => window.minerva.toPage(ix, iy), [x, y]);
        await page.mouse.move(px, py);
        await page.mouse.wheel(0, delta);
        await waitForTiles(page, loads);
      }
      result.steps.push(await capture(page, target.name, step.name, step.probes, levelRequests));
    }
  } catch (error) {
    errors.push(`driver: ${error.message}`);
  } finally {
    await page.close();
  }
  return result;
}

/** Waits until the viewer reports a viewport whose tiles all loaded after `before` such reports, then for two frames. */
async function waitForTiles(page, before) {
  await page.waitForFunction(b => window.minerva.viewportLoads > b || window.minerva.errors.length, before, { timeout: LOAD_TIMEOUT });
  await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** A screenshot, and the mean colour of the 5x5 screen pixels around each probe (image pixel coordinates of level 0). */
async function capture(page, name, step, probes = [], levelRequests) {
  const path = join(plan.screenshots, `${name}-${step}.png`);
  const png = await page.screenshot({ path });
  const points = await page.evaluate(ps => ps.map(([x, y]) => window.minerva.toPage(x, y)), probes);
  const colours = await page.evaluate(async ([base64, at]) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return at.map(([x, y]) => {
      const { data } = context.getImageData(Math.round(x) - 2, Math.round(y) - 2, 5, 5);
      const mean = [0, 1, 2].map(k => data.filter((_, i) => i % 4 === k).reduce((a, b) => a + b, 0) / 25);
      return mean.map(Math.round);
    });
  }, [png.toString('base64'), points]);
  const state = await page.evaluate(() => ({ resolutions: window.minerva.resolutions, errors: window.minerva.errors }));
  return { name: step, screenshot: path, colours, resolutions: state.resolutions, levelRequests: { ...levelRequests } };
}
