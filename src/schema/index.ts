export { createAjv, fileValidator, sharedAjv } from './ajv.ts';
export { byteKeywords, utf8Length } from './keywords/bytes.ts';
export { loadRegistry, SchemaError, SCHEMA_DIR, type CommandInfo, type Registry } from './registry.ts';
export * from './validate.ts';
export { limits, loadRuleTable, resolveNumber, ruleTable, RULE_NAMES, type ChoiceEntry, type Limits, type RuleEntry, type RuleName, type RuleTable, type TableNumber } from './limits.ts';
