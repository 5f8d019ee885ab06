// Every Jest project of the workspace (one per Nx project with a jest config), run together by
// `npm test` so the whole suite shares one worker pool and prints one summary.
const { getJestProjectsAsync } = require('@nx/jest');

module.exports = async () => ({
  projects: await getJestProjectsAsync(),
  // A global option (Jest ignores it inside a project): integration specs build a NestJS app and
  // run migrations in beforeAll, and Jest's 5 s default failed whole suites when the machine was
  // busy. A real hang still fails, after 30 s.
  testTimeout: 30_000,
});
