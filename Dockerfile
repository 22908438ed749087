# One image for both processes of the service:
#   API (default):  node dist/server.js   (listens on $PORT, 3000)
#   worker:         env MALLOC_ARENA_MAX=1 MALLOC_TRIM_THRESHOLD_=131072 MALLOC_TOP_PAD_=0 node --max-old-space-size=384 dist/worker.js
# Build:  docker build -t par-index-campaign .
# Another Node LTS line: docker build --build-arg NODE_VERSION=24 .
# See docker-compose.yml for a full deployment (PostgreSQL, Temporal, mail).

ARG NODE_VERSION=22

# ---- build: install everything, compile TypeScript, then drop dev dependencies ----
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# swagger-ui-dist pulls in @scarf/scarf, whose install script phones home:
# package.json's allowScripts denies it on npm 11, SCARF_ANALYTICS covers any npm.
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false \
    SCARF_ANALYTICS=false
# package.json's "allowScripts" (install-script approval) is read by npm 11;
# Node 22 images ship npm 10, so bring npm 11 in for the install.
RUN npm install -g npm@11 && npm --version

COPY package.json package-lock.json .npmrc ./
RUN npm ci

COPY . .
# The API (tsc) and the web portal (Vite, into dist/portal/, served by the API under /portal/).
RUN npm run build \
 && npm prune --omit=dev \
 && npm cache clean --force

# @temporalio/core-bridge ships its native module for five platforms (~30 MB each);
# keep only the one this image runs on.
RUN d=node_modules/@temporalio/core-bridge; \
    if [ -f "$d/common.js" ]; then \
      keep="$(node -e "console.log(require('./$d/common.js').getPrebuiltTargetName())")"; \
      if [ -d "$d/releases/$keep" ]; then \
        find "$d/releases" -mindepth 1 -maxdepth 1 ! -name "$keep" -exec rm -rf {} +; \
      fi; \
    fi

# ---- runtime: compiled code and production node_modules only, non-root ----
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app

# Evidence files live in DATA_DIR; mount a volume there. Created here, owned by the
# unprivileged user, so a fresh named volume inherits that ownership.
RUN mkdir -p /data && chown node:node /data

# Application files stay owned by root: the service only needs to read them.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
# dist/ holds the compiled API and worker and the built portal (dist/portal/).
COPY --from=build /app/dist ./dist

USER node
EXPOSE 3000

# The API; run the worker from the same image with:
#   env MALLOC_ARENA_MAX=1 MALLOC_TRIM_THRESHOLD_=131072 MALLOC_TOP_PAD_=0 node --max-old-space-size=384 dist/worker.js
CMD ["node", "dist/server.js"]
