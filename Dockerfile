# syntax=docker/dockerfile:1

# ---- build: compile TypeScript (tsconfig.build.json, rootDir src -> dist/) ----
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies, compiled JS and migrations only ----
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The local workspace page is plain JS/CSS (no build step); it is only served without Slack credentials.
COPY src/sandbox/page ./dist/sandbox/page
# Migrations are read at runtime from ./drizzle.
COPY drizzle ./drizzle
# Writable only where the app may write (PGlite's ./.data when no DATABASE_URL is given).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# No curl in the slim image: probe the liveness endpoint with node itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
