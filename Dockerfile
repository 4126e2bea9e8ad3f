# Builds a static bot binary and runs it as a non-root user on a minimal base image.
#   docker build --build-arg VERSION=$(git describe --tags --always) \
#     --build-arg REVISION=$(git rev-parse HEAD) -t borderbot .
#   docker run --rm -p 8080:8080 -e DISCORD_TOKEN=... borderbot
#
# The base images are pinned by digest, beside the tag that says what they are; a new base
# is a reviewed change of these two lines. Our build machines cannot reach the registries,
# so these are digests that other projects pin these tags to, not ones checked here: check
# them where the image is built, and refresh them, with
#   docker buildx imagetools inspect golang:1.26-bookworm
#   docker buildx imagetools inspect gcr.io/distroless/static-debian12:nonroot
# (or pass other ones as --build-arg GO_IMAGE=… and --build-arg BASE_IMAGE=…).
ARG GO_IMAGE=golang:1.26-bookworm@sha256:a688600ca24f8a4d3ca77f95b0dd40704a9fc787c826660eb7ba0b641b8b175d
ARG BASE_IMAGE=gcr.io/distroless/static-debian12:nonroot@sha256:d093aa3e30dbadd3efe1310db061a14da60299baff8450a17fe0ccc514a16639

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
# Listen on every interface inside the container; publish the port with -p. The review's
# SQLite file goes where nonroot may write; mount a volume there to keep it.
ENV BOT_HTTP_ADDR=0.0.0.0:8080 \
    BOT_LOG_FORMAT=json \
    BOT_REVIEW_PATH=/home/nonroot/borderbot-review.db
EXPOSE 8080
USER nonroot:nonroot
# The image has no shell or curl: the binary asks its own GET /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/bot", "healthcheck"]
ENTRYPOINT ["/bot"]
CMD ["serve"]
