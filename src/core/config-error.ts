/**
 * A bad setting (environment variable, option, config field): the message names it and says what is
 * expected. Every command turns it into exit code 2 (Exit.CONFIG) with the message and no stack trace.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
