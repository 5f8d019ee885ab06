// Every Jest project of the workspace (one per Nx project with a jest config), run together by
// `npm test` so the whole suite shares one worker pool and prints one summary.
const { getJestProjectsAsync } = require('@nx/jest');

module.exports = async () => ({
  projects: await getJestProjectsAsync(),
  // A global option (Jest ignores it inside a project). Integration specs build a NestJS app in
  // beforeAll; on a 2-core machine shared with other jobs (load average 20–40) that hook took over
  // 30 s, and a 30 s ceiling failed whole suites (155 tests of 6 suites in one run, session 10).
  // It is a ceiling for a hang, not a budget: a passing run takes no longer for it.
  testTimeout: 120_000,
});
