# The mqchaos worker image used by docker-compose.yml.
FROM node:20-bookworm-slim
WORKDIR /app
ENV MQIJS_NOREDIST=true
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
CMD ["node", "bin/mqchaos.js", "worker"]
