/** The browser the report check drives: Debian's Chromium, installed by `npm run setup`. */
export const CHROMIUM = process.env.TCIM_CHROMIUM ?? '/usr/bin/chromium';
