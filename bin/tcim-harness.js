#!/usr/bin/env node
// Entry point in the repository: registers tsx so the TypeScript sources run as they are, then hands
// over to the CLI. The installed package runs dist/bin/tcim-harness.js instead (plain node, compiled by
// `npm run build`), which is what package.json "bin" names.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
