# UNVERIFIED BY A BUILD: images can be neither built nor pulled on the machines this project is developed
# and tested on (no Docker engine, no registry access), so no `docker build` of this file has run. Each step
# is what a build runs; the parts that could be checked without an engine were (README, "Deployment").
#
#     docker build -t checkout-messages .
#     docker run --rm -p 8080:8080 checkout-messages
#
# The shape is the Hummingbird template's (hummingbird-project/template). Differences, and why:
# - Debian bookworm in both stages, not Ubuntu noble: the binary links the system's ICU4C dynamically and
#   its direct-formatting engine is compiled in only for ICU 72 (README, "How it is built"), which is
#   bookworm's libicu72, the ICU the tests and BENCHMARKS.md ran against.
# - No jemalloc: every memory and throughput figure in BENCHMARKS.md (and the Kubernetes memory limit
#   taken from them) was measured with glibc's malloc.
# - Locales, rules and openapi.yaml are embedded in the binary at build time (EmbedResourcesPlugin), so
#   there are no resources to stage; a locale folder can still be mounted and passed with --locales.

# ================================
# Build image
# ================================
FROM swift:6.3-bookworm AS build

# Install OS updates, and ICU4C's headers and libraries (Sources/CICU links icuuc, icui18n, icudata).
RUN export DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true \
    && apt-get -q update \
    && apt-get -q dist-upgrade -y \
    && apt-get -q install -y libicu-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*

# Set up a build area
WORKDIR /build

# First just resolve dependencies: a cached layer reused as long as the manifest does not change.
# (Package.resolved is not in the build context, see .dockerignore: it is not committed, and a local one
# may pin commits of local mirrors. The versions are those Package.swift allows, resolved afresh.)
COPY ./Package.* ./
RUN swift package resolve

# Copy the package: sources, plugins, tests (SwiftPM wants every declared target's folder), locales/,
# rules/ and openapi.yaml (embedded at build time).
COPY . .

# Build the service, with optimizations and the Swift runtime and Foundation linked statically; ICU4C and
# libstdc++ stay dynamic (libicu72 in the run image).
RUN swift build -c release \
    --product checkout-messages \
    --static-swift-stdlib

# Switch to the staging area
WORKDIR /staging

# Copy main executable to staging area
RUN cp "$(swift build --package-path /build -c release --show-bin-path)/checkout-messages" ./

# Copy static swift backtracer binary to staging area
RUN cp "/usr/libexec/swift/linux/swift-backtrace-static" ./

# ================================
# Run image
# ================================
FROM debian:bookworm-slim

# Make sure all system packages are up to date, and install only what the binary loads: ICU 72 (which
# brings libstdc++6). No ca-certificates (the service makes no outgoing TLS connection), no tzdata (log
# timestamps are then UTC), no curl (the health check below uses bash).
RUN export DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true \
    && apt-get -q update \
    && apt-get -q dist-upgrade -y \
    && apt-get -q install -y --no-install-recommends libicu72 \
    && rm -r /var/lib/apt/lists/*

# Create a hummingbird user and group with /app as its home directory. A fixed, numeric id: Kubernetes'
# `runAsNonRoot` can only verify a numeric USER (deploy/deployment.yaml sets the same id).
RUN useradd --user-group --create-home --system --skel /dev/null --home-dir /app --uid 10001 hummingbird

# Switch to the new home directory
WORKDIR /app

# Copy built executable and the backtracer from the builder; neither is writable by the service's user.
COPY --from=build /staging /app

# Provide configuration needed by the built-in crash reporter and some sensible default behaviors.
ENV SWIFT_BACKTRACE=enable=yes,sanitize=yes,threads=all,images=all,interactive=no,swift-backtrace=./swift-backtrace-static

# Ensure all further commands run as the hummingbird user (numeric, see above)
USER 10001:10001

# Let Docker bind to port 8080
EXPOSE 8080

# Liveness for plain Docker (Kubernetes ignores HEALTHCHECK and uses the probes in deploy/): the image has
# no curl, so bash's /dev/tcp sends GET /livez. It assumes the default port 8080.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /livez HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3 && grep -q "^HTTP/1.1 200 OK" <&3'

# SIGTERM drains (/readyz 503 for --drain-delay, then in-flight requests finish within --drain-timeout,
# exit 0); `docker stop` waits 10 s by default before SIGKILL, so keep drain delay + timeout below that
# there, or pass `docker stop -t`.
STOPSIGNAL SIGTERM

# Start the Hummingbird service when the image is run, listening on 8080 on every interface
ENTRYPOINT ["./checkout-messages"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
