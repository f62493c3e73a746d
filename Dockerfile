# One image for every service, the web entry and the migrate command, built once: the command (or
# SERVICE) picks what runs. docker-compose.yml and deploy/k8s/ run it that way.
#
# The base is pinned by its exact tag (the Node in .node-version), not by digest: no registry is
# reachable where this file is kept up to date to read the digest from. Where one is, pin
# `node:24.22.3-bookworm-slim@sha256:…` in both stages.
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No dependency needs an install script (pg is pure JavaScript), and the slim image has no compiler.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY scripts scripts
COPY bench bench
# What the bench shares with the tests (docs/DESIGN.md, "Tests and benchmarks"): compiled because the bench imports it.
COPY test/support test/support
RUN npm run build && npm prune --omit=dev

FROM node:24.22.3-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# The base image's `node` user, by number so that Kubernetes' runAsNonRoot can check it; the
# files above stay root's, so the process cannot change its own code.
USER 1000:1000
# `docker run -e SERVICE=registration …`, or a command of its own: `node dist/scripts/migrate.js`.
CMD ["sh", "-c", "test -n \"$SERVICE\" || { echo 'set SERVICE (registration, scheduling, mou-registry, notifications, dashboard, web) or give a command' >&2; exit 2; }; exec node dist/apps/$SERVICE/src/main.js"]
