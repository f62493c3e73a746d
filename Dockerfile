# One image for every service; SERVICE picks which one runs.
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
RUN npm run build && npm prune --omit=dev

FROM node:24.22.3-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
ARG SERVICE=registration
ENV SERVICE=${SERVICE}
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
