# syntax=docker/dockerfile:1.7
# GFMD Dialogues web image: the Angular SPA served by unprivileged nginx on port 8080, with
# /api/ and /admin/queues proxied to the API (load-balanced over every replica of the api service).
# Build from the repository root:
#   docker build -f docker/web.Dockerfile -t gfmd-web .
# Runtime settings (environment):
#   API_UPSTREAM    where the API answers            default http://api:3000
#   NGINX_RESOLVER  DNS server used to re-resolve it  default 127.0.0.11 (Docker's embedded DNS)

ARG NODE_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:stable-alpine

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
RUN npx nx build web
# The API's security headers for nginx, with the sha256 of the built index.html's inline scripts.
RUN node docker/nginx/render-security-headers.mjs dist/apps/web/browser/index.html docker/nginx/security-headers.conf \
      > /repo/security-headers.conf

# ---- runtime ---------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
ENV API_UPSTREAM=http://api:3000 \
    NGINX_RESOLVER=127.0.0.11
# The image renders /etc/nginx/templates/*.template into /etc/nginx/conf.d/ at start (envsubst),
# replacing its default server.
COPY docker/nginx/default.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /repo/security-headers.conf /etc/nginx/gfmd/security-headers.conf
COPY --from=build /repo/dist/apps/web/browser /usr/share/nginx/html
# nginx-unprivileged already runs as the non-root "nginx" user (uid 101) and listens on 8080.
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
