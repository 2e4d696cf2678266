/**
 * What `tcim-harness init` writes into a team's project: a commented config, CI jobs for GitHub Actions
 * and GitLab CI, and an example spec (with the package.json that makes its folder an ES module, so
 * Playwright loads the spec as ESM and it can import tcim-harness/test whatever the project's own type).
 */
export interface InitFile {
  path: string;
  what: string;
  text: string;
}

const CONFIG = `// tcim-harness settings (https://github.com/tcim-harness/tcim-harness#the-config-file).
// Every field is optional. TCIM_* environment variables override what is here; \`--config FILE\` picks
// another file. The schema: node_modules/tcim-harness/dist/schemas/config.schema.json.
// Secrets never go in this file: name the environment variables that hold them.
export default {
  // The app under test. Without baseUrl (or with TCIM_BASE_URL= set empty) the harness starts its
  // embedded emulator, so \`npx tcim-harness run\` works with no account at all.
  target: {
    // baseUrl: 'https://adminapisgp.im.qcloud.com',
    // sdkappid: 1400000000,
    // admin: 'administrator',
    // The NAME of the environment variable holding the app's secret key (or usersigEnv for a UserSig).
    secretKeyEnv: 'TCIM_SECRET_KEY',
    // timeoutMs: 10000,
  },

  // Production guard: the only SDKAppIDs the harness may write to. It creates and deletes accounts,
  // IM groups and conversation groups — list staging apps only.
  // allowedSdkAppIds: [1400000000],

  // Calls per second for a whole contract run, all workers together (the API allows 200/s per command).
  rateBudget: 150,

  // Where the docs leave the answer open: what your target answers. Leave it out and run
  // \`npx tcim-harness calibrate\`: it probes the target and writes tcim.expect.json (commit it), which every
  // command then reads; \`run\` lists drift from it. Or inline / a JSON file path:
  // expectations: { nonAdminCode: 'ADMIN_PERMISSION_REQUIRED', limiter: 'unknown' },

  // The load check of \`tcim-harness run\`: profiles, their length, the per-command ceiling (calls/s).
  // Your own traffic, run with \`tcim-harness load --scenario checkout\` — add inside load: { … }:
  //   scenarios: { checkout: { mix: { get: 40, search: 30, mark: 20, update: 10 },
  //     stages: [{ duration: '30s', rate: 100 }, { duration: '20s', from: 100, to: 300 }],
  //     journeys: [{ name: 'edit', steps: ['create', 'update', 'mark', 'get', 'del'], rate: 5 }] } },
  load: { profiles: ['smoke', 'at'], duration: '20s' /* , ceiling: 200 */ },

  // Reports: <reportDir>/index.html (combined), contracts/, load/.
  reportDir: 'reports',

  // Your own contract specs (*.spec.ts importing tcim-harness/test), run with the built-in suite.
  specs: ['tests/tcim'],
};
`;

const SPEC = `// An example of your own contract spec: the fixtures of the built-in suite (im: the signed client on
// the run's target; accounts: fresh run-scoped owners, deleted by the teardown; run: settings and
// expectations), its IM matchers, and spec({ covers }) for the coverage matrix.
import { test, expect, spec, CMD, ErrorCodes, c2c, freshOwner, groupName } from 'tcim-harness/test';

test('our onboarding: a "work" group holding one conversation', spec({ covers: [[ErrorCodes.OK, CMD.create]] }), async ({ im, accounts, run }) => {
  const ops = await freshOwner(im, accounts);
  const name = groupName(run.settings.runId, 'work');
  const peer = \`\${ops.owner}-peer\`;
  await expect(ops.create(name, [c2c(peer)])).resolves.toBeImOk();

  const all = await ops.getAll();
  const group = all.groups.find((g) => g.GroupName === name);
  expect(group, 'the new group is listed').toBeDefined();
  const item = all.items.find((i) => i.Type === 1 && i.To_Account === peer);
  expect(item?.ContactGroupId, 'the conversation is in the group').toContain(group?.GroupId);
});
`;

// GitHub Actions expressions are written \${{ … }} here: this file is a template literal.
const GITHUB = `# tcim-harness: contract suites + load check + combined report (written by \`tcim-harness init\`).
name: tcim-harness
on:
  push:
  pull_request:
  workflow_dispatch:
jobs:
  tcim-harness:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      # Go builds the load generator (vegeta) once; \`tcim-harness setup\` caches it per user.
      - uses: actions/setup-go@v5
        with:
          go-version: '1.22'
      - run: npm ci
      - run: npx tcim-harness setup
      - run: npx tcim-harness run
        env:
          CI: '1'
          # Against a staging app (also set target.baseUrl etc. in tcim.config.ts and allowedSdkAppIds):
          # TCIM_SECRET_KEY: \${{ secrets.TCIM_SECRET_KEY }}
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: tcim-harness-reports
          path: reports/
`;

const GITLAB = `# tcim-harness: contract suites + load check + combined report (written by \`tcim-harness init\`).
# Use it from your .gitlab-ci.yml with:
#   include:
#     - local: .gitlab-ci.tcim-harness.yml
tcim-harness:
  stage: test
  image: node:20-bookworm
  variables:
    CI: "1"
    GO_VERSION: "1.22.5"
    # Against a staging app: define TCIM_SECRET_KEY as a masked CI/CD variable (Settings → CI/CD → Variables).
  before_script:
    # Go builds the load generator (vegeta) once; \`tcim-harness setup\` caches it per user.
    - curl -fsSL "https://go.dev/dl/go\${GO_VERSION}.linux-amd64.tar.gz" | tar -C /usr/local -xz
    - export PATH="$PATH:/usr/local/go/bin"
    - npm ci
    - npx tcim-harness setup
  script:
    - npx tcim-harness run
  artifacts:
    when: always
    paths:
      - reports/
    reports:
      junit: reports/contracts/junit.xml
`;

export const INIT_FILES: readonly InitFile[] = [
  { path: 'tcim.config.ts', what: 'settings (target, credentials by variable name, guard, budget, load, specs)', text: CONFIG },
  { path: 'tests/tcim/example.spec.ts', what: 'an example spec using tcim-harness/test', text: SPEC },
  { path: 'tests/tcim/package.json', what: 'makes tests/tcim an ES module folder, so the spec can import tcim-harness/test', text: '{ "type": "module" }\n' },
  { path: '.github/workflows/tcim-harness.yml', what: 'GitHub Actions job', text: GITHUB },
  { path: '.gitlab-ci.tcim-harness.yml', what: 'GitLab CI job (include it from .gitlab-ci.yml)', text: GITLAB },
];
