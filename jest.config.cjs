// Every Jest project of the workspace (one per Nx project with a jest config), run together by
// `npm test` so the whole suite shares one worker pool and prints one summary.
const { getJestProjectsAsync } = require('@nx/jest');

module.exports = async () => ({
  projects: await getJestProjectsAsync(),
});
