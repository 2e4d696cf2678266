/** The combined report opened in Chromium: one line saying what it showed, or why the check did not run. */
import { BrowserMissingError, checkInBrowser } from '../report/browser-check.ts';

/** Never throws: a missing or failing browser is reported in the line, it does not change the job's exit code. */
export async function checkReportInBrowser(file: string, screenshot: string): Promise<string> {
  try {
    const b = await checkInBrowser(file, screenshot);
    const problems = [...b.consoleErrors, ...b.externalRequests.map((u) => `network request to ${u}`)];
    return problems.length
      ? `browser check: ${problems.length} problem(s): ${problems.join('; ')}`
      : `browser check: Chromium shows ${b.verdict} and a ${b.matrixRows}-row coverage matrix${b.trendCharts ? `, ${b.trendCharts} load trend charts` : ''}, no console errors; screenshot ${b.screenshot}`;
  } catch (e) {
    return e instanceof BrowserMissingError ? `browser check skipped: ${e.message}` : `browser check could not run: ${(e as Error).message}`;
  }
}
