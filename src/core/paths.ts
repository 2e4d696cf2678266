/** Where the harness itself lives on disk: every path that names a file of the project starts here. */
import { fileURLToPath } from 'node:url';

/** The project's root folder (holds package.json, schemas/, bin/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
