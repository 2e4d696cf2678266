/**
 * Opens the combined report in a real browser (Debian's Chromium, driven by Playwright), reads the
 * verdict and the coverage matrix as a person would see them, collects console errors and failed
 * requests (the page must need no network), and saves a screenshot.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

import { CHROMIUM } from './chromium.ts';

export { CHROMIUM };

export interface BrowserCheck {
  verdict: string;
  matrixRows: number;
  matrixCells: number;
  /** Trend charts drawn from the load history (#load-trends), 0 when there is no history yet. */
  trendCharts: number;
  consoleErrors: string[];
  externalRequests: string[];
  screenshot: string;
}

export class BrowserMissingError extends Error {
  override name = 'BrowserMissingError';
}

export async function checkInBrowser(htmlFile: string, screenshot: string): Promise<BrowserCheck> {
  if (!existsSync(CHROMIUM)) throw new BrowserMissingError(`no browser at ${CHROMIUM} (optional): install Chromium (e.g. apt-get install chromium; in a clone, \`npm run setup\` as root) or set TCIM_CHROMIUM`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const consoleErrors: string[] = [];
    const externalRequests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) externalRequests.push(r.url());
    });
    await page.goto(pathToFileURL(htmlFile).toString(), { waitUntil: 'load' });
    const verdict = (await page.locator('#verdict').innerText()).trim();
    const matrixRows = await page.locator('#coverage-matrix tr').count();
    const matrixCells = await page.locator('#coverage-matrix td.cell').count();
    const trendCharts = await page.locator('#load-trends figure.chart > svg').count();
    await page.screenshot({ path: screenshot, fullPage: false });
    return { verdict, matrixRows: Math.max(0, matrixRows - 1), matrixCells, trendCharts, consoleErrors, externalRequests, screenshot };
  } finally {
    await browser.close();
  }
}
