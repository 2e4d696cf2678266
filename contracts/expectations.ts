/**
 * Expected codes where the docs leave the answer open, for the contract suites. The one reader of every
 * TCIM_EXPECT_* setting is src/rules/expectations.ts (shared with load and the emulator's defaults); this
 * module keeps the suites' names for it.
 */
export {
  describeExpectation as describeKnob,
  readExpectations as loadExpectations,
  type CodeChoiceName as KnobName,
  type Expectations,
  type Scope,
} from '../src/rules/index.ts';
