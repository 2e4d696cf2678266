/** The main job (`tcim-harness run`) and the run-level helpers the other commands share. */
export { runMainJob, type RunOptions, type RunResult, type RunSteps, type StepExit } from './job.ts';
export { formatRunResult } from './print.ts';
export { combineExits, exitForVerdict } from './exit.ts';
export { runMeta, versions } from './meta.ts';
