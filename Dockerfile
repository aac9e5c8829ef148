# syntax=docker/dockerfile:1.7
# Production image: the standalone Next.js server, non-root. Migrations, the
# first admin account (ADMIN_EMAIL/ADMIN_PASSWORD) are applied by the server
# itself at start (instrumentation.ts), before it serves any request.
#   docker build -t newsroom .
#   docker run -p 3000:3000 -e DATABASE_URL=postgresql://… -e NEXTAUTH_SECRET=… newsroom

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx tsx scripts/build.ts

FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    SEED_DEMO=0 \
    STORAGE_DIR=/data/storage
RUN groupadd --system --gid 1001 app && useradd --system --uid 1001 --gid app app \
 && mkdir -p /data/storage && chown -R app:app /data
# The standalone folder holds newsroom-server.mjs (Next behind the reader files' fast path), reader.css, the traced node_modules, the static
# files, prisma/migrations, the schema engine's WASM and the demo edition.
COPY --from=build --chown=app:app /app/.next/standalone ./
USER app
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "newsroom-server.mjs"]
