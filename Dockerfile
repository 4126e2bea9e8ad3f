# Builds a static bot binary and runs it as a non-root user on a minimal base image.
#   docker build --build-arg VERSION=$(git describe --tags --always) -t borderbot .
#   docker run --rm -p 8080:8080 -e DISCORD_TOKEN=... borderbot
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/bot ./cmd/bot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/bot /bot
# Listen on every interface inside the container; publish the port with -p.
ENV BOT_HTTP_ADDR=0.0.0.0:8080 \
    BOT_LOG_FORMAT=json
EXPOSE 8080
USER nonroot:nonroot
# The image has no shell or curl: have the orchestrator probe GET /healthz and /readyz,
# or run `docker run ... --health-cmd` with a prober of your own.
ENTRYPOINT ["/bot"]
CMD ["serve"]
