# syntax=docker/dockerfile:1

# ---- build: compile TypeScript (tsconfig.build.json, rootDir src -> dist/) ----
FROM node:22-bookworm-slim AS build
WORKDIR /app
# The workspace package's manifest too: package-lock.json lists it, and `npm ci` checks the lock.
COPY package.json package-lock.json ./
COPY packages/slack-workspace/package.json ./packages/slack-workspace/package.json
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# Only the types of the local workspace are read by the build (src/local-workspace imports it with import()).
COPY packages/slack-workspace/src ./packages/slack-workspace/src
RUN npm run build
# Production dependencies only, and without the local workspace: the image runs against Slack.
RUN npm prune --omit=dev --no-audit --no-fund && rm -rf node_modules/local-slack-workspace

# ---- runtime: production dependencies, compiled JS and migrations only ----
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Migrations are read at runtime from ./drizzle.
COPY drizzle ./drizzle
# The default runbooks (RUNBOOKS_DIR unset), read at start-up from ./runbooks.
COPY runbooks ./runbooks
# The digest chart's font (DejaVu Sans): the slim image has no system fonts, and the chart's text needs one.
COPY assets ./assets
# Writable only where the app may write (PGlite's ./.data when no DATABASE_URL is given).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# No curl in the slim image: probe the liveness endpoint with node itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
