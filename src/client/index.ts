export * from './config.ts';
export * from './client.ts';
export * from './record.ts';
export * from '../core/redact.ts';
export * from './transport.ts';
export { RateBudget } from './budget.ts';
export { typed, type TypedClient } from './typed.ts';
export { CMD, aliasOf, type CmdAlias } from './commands.ts';
export { itemResults, failedItemCodes, type ItemResult } from './items.ts';
