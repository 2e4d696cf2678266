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
