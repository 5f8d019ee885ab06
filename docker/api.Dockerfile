# syntax=docker/dockerfile:1.7
# GFMD Dialogues API image.
# Build from the repository root (the build context must be the whole monorepo):
#   docker build -f docker/api.Dockerfile -t gfmd-api .
# Run: see docker/README.md and docs/operations.md for the environment it needs.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: full install (dev dependencies included) and the Nx build ------------------
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
# The web app too: the API writes each page's HTML from its index.html (WEB_DIST below; web-shell.ts).
RUN npx nx build api && npx nx build web

# ---- deps: production node_modules from the app's own pruned package.json ----------------
# The Nx build writes dist/apps/api/package.json and package-lock.json with only the packages
# main.js requires (generatePackageJson), pinned to the root lockfile's versions: no dev tools, no
# web framework, no embedded PostgreSQL. Install scripts are skipped except argon2's, rebuilt from
# source (its prebuilt linux-x64 binary crashed on load where checked; docs/operations.md), hence
# the full Debian image with a compiler for this stage only.
FROM node:24-bookworm AS deps
ARG NPM_VERSION=11.19.1
WORKDIR /app
RUN npm install -g npm@${NPM_VERSION} --no-audit --no-fund
COPY --from=build /repo/dist/apps/api/package.json /repo/dist/apps/api/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm rebuild argon2

# ---- runtime ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    WEB_DIST=/app/web
WORKDIR /app
# DejaVu Sans: badges, certificates and the synthesis print Latin, Greek, Cyrillic and Arabic (docs/check-in.md);
# Chinese and Japanese come from the npm package @embedpdf/fonts-sc, Korean from @embedpdf/fonts-kr
# (in node_modules; docs/i18n.md); Han beyond those (CJK Extension B to F, e.g. 𠀀 U+20000 in names
# from Hong Kong or Taiwan) from HanaMinB, in fonts-hanazono (no npm package has it; 52 MB installed).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-hanazono \
 && rm -rf /var/lib/apt/lists/*
COPY --from=deps /app/package.json ./package.json
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /repo/dist/apps/api ./dist/apps/api
# The built web app: nginx (the web image) passes page requests here, so every page gets its
# language, canonical and hreflang links and pre-rendered top; nginx serves the same build's files.
COPY --from=build /repo/dist/apps/web/browser ./web
# The official Node image's unprivileged "node" user (uid 1000); files stay root-owned, read-only to it.
USER node
EXPOSE 3000
# Liveness: the process answers (no dependency asked). Orchestrators should use
# /api/v1/health/ready for readiness (docker/compose.yml does).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health/live',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))"]
# Runs pending migrations (under a PostgreSQL advisory lock) and the seed at boot, then serves HTTP.
# --max-semi-space-size=32: apps/api/node-flags.json, the flags every launcher gives the API (a
# young generation twice V8's default: a fifth less CPU per request in a rush, up to 32 MB more
# memory; docs/decisions.md, "Platform").
CMD ["node", "--enable-source-maps", "--max-semi-space-size=32", "dist/apps/api/main.js"]
