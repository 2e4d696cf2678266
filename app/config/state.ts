/** Which config file this process loaded (for `doctor`); a module of its own so reading it loads nothing else. */
export interface ConfigInUse {
  file: string;
  /** Names of the TCIM_* variables it filled (never their values). */
  filled: string[];
}

let inUse: ConfigInUse | undefined;
export const setConfigInUse = (c: ConfigInUse | undefined): void => {
  inUse = c;
};
export const configInUse = (): ConfigInUse | undefined => inUse;

/** The expectations file in use (tcim.expect.json or the config's `expectations` path), if any. */
export interface ExpectationsInUse {
  file: string;
  /** Names of the TCIM_EXPECT_* variables it filled. */
  filled: string[];
}

let expectations: ExpectationsInUse | undefined;
export const setExpectationsInUse = (e: ExpectationsInUse | undefined): void => {
  expectations = e;
};
export const expectationsInUse = (): ExpectationsInUse | undefined => expectations;
