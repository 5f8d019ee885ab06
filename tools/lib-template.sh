#!/usr/bin/env bash
# Usage: tools/lib-template.sh <dir e.g. libs/api/mail> <project-name> <tags comma-separated>
# Creates the project files of a Node library (project.json, tsconfig, jest, eslint).
set -euo pipefail
dir=$1; name=$2; tags=$3
mkdir -p "$dir/src/lib"
depth=$(echo "$dir" | awk -F/ '{print NF}')
up=$(printf '../%.0s' $(seq 1 "$depth"))
tagjson=$(echo "$tags" | awk -F, '{for(i=1;i<=NF;i++){printf "%s\"%s\"", (i>1?", ":""), $i}}')
cat > "$dir/project.json" <<JSON
{
  "name": "$name",
  "\$schema": "${up}node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "projectType": "library",
  "tags": [$tagjson],
  "targets": {}
}
JSON
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "${up}tsconfig.base.json",
  "compilerOptions": { "module": "commonjs", "types": ["node", "jest"] },
  "include": ["src/**/*.ts"]
}
JSON
cat > "$dir/jest.config.cts" <<JS
module.exports = {
  displayName: '$name',
  preset: '${up}tools/jest/node-preset.cjs',
  rootDir: '.',
  coverageDirectory: '${up}coverage/$dir',
};
JS
cat > "$dir/eslint.config.mjs" <<JS
import baseConfig from '${up}eslint.config.mjs';

export default [...baseConfig];
JS
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"
