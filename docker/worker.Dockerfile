# syntax=docker/dockerfile:1.7
# GFMD Dialogues worker image (BullMQ processors; no HTTP port).
# Build from the repository root (the build context must be the whole monorepo):
#   docker build -f docker/worker.Dockerfile -t gfmd-worker .

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build -----------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
ARG NPM_VERSION=11.19.1
ENV NX_NO_CLOUD=true \
    NX_DAEMON=false \
    CI=true
WORKDIR /repo
RUN npm install -g npm@${NPM_VERSION} --no-audit --no-fund
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx build worker

# ---- deps: production node_modules from the app's own pruned package.json ----------------
# The Nx build writes dist/apps/worker/package.json and package-lock.json with only the packages
# main.js requires (generatePackageJson), pinned to the root lockfile's versions: no dev tools, no
# web framework, no embedded PostgreSQL. Install scripts are skipped except argon2's, rebuilt from
# source (its prebuilt linux-x64 binary crashed on load where checked; docs/operations.md), hence
# the full Debian image with a compiler for this stage only.
FROM node:24-bookworm AS deps
ARG NPM_VERSION=11.19.1
WORKDIR /app
RUN npm install -g npm@${NPM_VERSION} --no-audit --no-fund
COPY --from=build /repo/dist/apps/worker/package.json /repo/dist/apps/worker/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm rebuild argon2

# ---- runtime ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/package.json ./package.json
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /repo/dist/apps/worker ./dist/apps/worker
USER node
# No HEALTHCHECK: the worker has no HTTP endpoint. It exits non-zero when it cannot run, and the
# orchestrator restarts it (compose: restart: unless-stopped).
CMD ["node", "--enable-source-maps", "dist/apps/worker/main.js"]
