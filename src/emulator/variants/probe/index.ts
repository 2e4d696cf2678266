/** The probe kit of the catalogue variants: request bodies, observations, and the runner the tests use. */
export * from './requests.ts';
export * from './observe.ts';
export { runProbe } from './run.ts';
