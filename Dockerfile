# Builds a static bot binary and runs it as a non-root user on a minimal base image.
#   docker build --build-arg VERSION=$(git describe --tags --always) \
#     --build-arg REVISION=$(git rev-parse HEAD) -t borderbot .
#   docker run --rm -p 8080:8080 -e DISCORD_TOKEN=... borderbot
#
# The base images are named by tag only: pin each by digest where the image is built,
#   docker buildx imagetools inspect golang:1.26-bookworm
#   docker buildx imagetools inspect gcr.io/distroless/static-debian12:nonroot
# and pass them as --build-arg GO_IMAGE=golang:1.26-bookworm@sha256:… and
# --build-arg BASE_IMAGE=gcr.io/distroless/static-debian12:nonroot@sha256:… (or write the
# digests below). Our build machines cannot reach the registries to look them up.
ARG GO_IMAGE=golang:1.26-bookworm
ARG BASE_IMAGE=gcr.io/distroless/static-debian12:nonroot

FROM ${GO_IMAGE} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/bot ./cmd/bot

FROM ${BASE_IMAGE}
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="borderbot" \
      org.opencontainers.image.description="Answers questions about the Iran–Pakistan strikes of January 2024 on Discord and Slack, from one article in The New Arab" \
      org.opencontainers.image.source="https://github.com/borderbot/borderbot" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
COPY --from=build /out/bot /bot
# Listen on every interface inside the container; publish the port with -p.
ENV BOT_HTTP_ADDR=0.0.0.0:8080 \
    BOT_LOG_FORMAT=json
EXPOSE 8080
USER nonroot:nonroot
# The image has no shell or curl: the binary asks its own GET /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/bot", "healthcheck"]
ENTRYPOINT ["/bot"]
CMD ["serve"]
