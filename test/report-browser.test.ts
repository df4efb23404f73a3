import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderReport } from '@allhours/report';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { decodePng, inkStats } from './png.js';
import { buildReportData } from './report-fixture.js';

/**
 * The report in a real browser: Debian's headless Chromium (installed by scripts/ensure-chromium.sh when
 * missing) opens the file offline; no console errors, no network request, and the screenshot shows charts.
 */

const script = fileURLToPath(new URL('../scripts/ensure-chromium.sh', import.meta.url));
const ensured = spawnSync('bash', [script], { encoding: 'utf8', timeout: 540_000 });
const chromiumPath = ensured.status === 0 ? ensured.stdout.trim().split('\n').pop() : undefined;
if (!chromiumPath) {
  console.warn(
    `report-browser: SKIPPED — chromium is not installed and could not be installed:\n${ensured.stderr || ensured.error}`,
  );
}

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Collects console errors, uncaught exceptions and any request that leaves the file system. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`network request: ${r.url()}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`));
  return problems;
}

describe.skipIf(!chromiumPath)('report in headless Chromium', () => {
  test('loads with no console errors or network requests, and the screenshot shows the charts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allhours-report-'));
    // Two weeks across both autumn DST changes (EU 25 Oct, US 1 Nov 2026).
    const data = buildReportData({
      start: '2026-10-19T00:00:00Z',
      days: 14,
      timeZone: 'Europe/Amsterdam',
      volumeScale: 0.35,
    });
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport(data));

    // A fresh profile directory per run: nothing cached, nothing from an earlier session.
    const browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: chromiumPath!,
      headless: true,
      args: FLAGS,
      viewport: { width: 1240, height: 900 },
    });
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const problems = watch(page);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      const charts = await page.$$eval('svg.chart', (svgs) =>
        svgs.map((s) => {
          const box = s.getBoundingClientRect();
          return {
            id: s.id,
            width: box.width,
            height: box.height,
            shapes: s.querySelectorAll('rect,path,line').length,
          };
        }),
      );
      expect(charts.length).toBeGreaterThanOrEqual(3 + 3 + 3 + 3 + 2 + 2);
      for (const c of charts) {
        expect(c.width, c.id).toBeGreaterThan(300);
        expect(c.height, c.id).toBeGreaterThan(100);
        expect(c.shapes, c.id).toBeGreaterThan(10);
      }

      const shot = join(dir, 'report.png');
      const png = await page.screenshot({ path: shot, fullPage: true });
      const pixels = decodePng(png);
      const stats = inkStats(pixels);
      console.info(
        `report-browser: ${charts.length} charts, screenshot ${pixels.width}×${pixels.height} px, ` +
          `${(stats.inkShare * 100).toFixed(1)}% non-white, ${stats.colours} colours → ${shot}`,
      );
      expect(pixels.height).toBeGreaterThan(3000);
      expect(stats.inkShare).toBeGreaterThan(0.1);
      expect(stats.colours).toBeGreaterThan(50);

      // The heatmap alone: red and blue cells must both be drawn (shortfalls and overstaffing).
      const heat = decodePng(await (await page.$('#heat-0'))!.screenshot());
      let reddish = 0;
      let bluish = 0;
      for (let i = 0; i < heat.width * heat.height; i++) {
        const [r, g, b] = [
          heat.data[i * heat.channels]!,
          heat.data[i * heat.channels + 1]!,
          heat.data[i * heat.channels + 2]!,
        ];
        if (r > b + 40 && r > g + 40) reddish++;
        if (b > r + 40) bluish++;
      }
      expect(reddish).toBeGreaterThan(100);
      expect(bluish).toBeGreaterThan(100);
      expect(problems).toEqual([]);

      // Control: the same watch does catch a page that logs an error and throws.
      const bad = join(dir, 'bad.html');
      writeFileSync(
        bad,
        '<!DOCTYPE html><title>bad</title><script>console.error("boom"); throw new Error("bad page")</script>',
      );
      const control = await browser.newPage();
      const caught = watch(control);
      await control.goto(pathToFileURL(bad).href, { waitUntil: 'load' });
      expect(caught).toEqual(['console error: boom', 'page error: bad page']);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
