#!/usr/bin/env node
// Writes CHANGELOG.md's text from the Conventional Commits of the history (merge commits and
// commits whose subject is not conventional are left out). Releases are the tags `v<semver>`;
// commits after the newest tag go under the version in package.json, as "unreleased" if that
// version has no tag yet.
//   node tools/changelog.mjs > CHANGELOG.md
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TYPES = [
  ['feat', 'Features'],
  ['fix', 'Fixes'],
  ['perf', 'Performance'],
  ['refactor', 'Refactoring'],
  ['docs', 'Documentation'],
  ['test', 'Tests'],
  ['build', 'Build'],
  ['ci', 'Continuous integration'],
  ['chore', 'Chores'],
];
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' });

const tags = git('tag', '--list', 'v*', '--sort=-creatordate')
  .split('\n')
  .filter((t) => /^v\d+\.\d+\.\d+/.test(t));
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** [title, range] from newest to oldest. */
const releases = [];
const head = tags.length ? `${tags[0]}..HEAD` : 'HEAD';
releases.push([tags.includes(`v${version}`) ? 'Unreleased' : `${version} (unreleased)`, head]);
tags.forEach((tag, i) => releases.push([tag.slice(1), tags[i + 1] ? `${tags[i + 1]}..${tag}` : tag]));

const out = [
  '# Changelog',
  '',
  'Generated from the Conventional Commits by `node tools/changelog.mjs`; do not edit by hand.',
  '',
];
for (const [title, range] of releases) {
  const lines = git('log', '--no-merges', '--date=short', '--format=%h%x1f%ad%x1f%s', range)
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\x1f'));
  if (!lines.length) continue;
  const dates = lines.map((l) => l[1]).sort();
  out.push(`## ${title} — ${dates[0]} to ${dates[dates.length - 1]}`, '');
  for (const [type, heading] of TYPES) {
    const entries = [];
    for (const [hash, , subject] of lines) {
      const m = /^(\w+)(?:\(([^)]+)\))?(!)?: (.+)$/.exec(subject);
      if (!m || m[1] !== type) continue;
      entries.push(`- ${m[3] ? '**BREAKING** ' : ''}${m[2] ? `**${m[2]}**: ` : ''}${m[4]} (${hash})`);
    }
    if (!entries.length) continue;
    out.push(`### ${heading}`, '', ...entries.reverse(), '');
  }
}
process.stdout.write(out.join('\n'));
