/**
 * Public entry of the rules layer: every limit with its code, scope, commands and doc (rules.ts), the
 * doc-silent choices (choices.ts), the one reader of TCIM_EXPECT_* (expectations.ts) and request paths.
 */
export { choices, CODE_CHOICES, COUNT_CHOICES, FORM_CHOICES, type Choices, type CodeChoice, type CodeChoiceName, type CountChoice, type CountChoiceName, type FormChoice, type FormChoiceName } from './choices.ts';
export { describeExpectation, expectedBurst, expectedCode, expectedCount, expectedForm, expectedLimiter, LIMITER_ENV, pinnedCode, readExpectations, type Expectations, type LimiterShape } from './expectations.ts';
export { pathPattern, valuesAt, type Found } from './paths.ts';
export { describeRule, ordinal, requestRules, rules, type LimitRule, type RuleName, type Scope } from './rules.ts';
