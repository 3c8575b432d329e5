# armlint in a container: the static binary alone in an empty image (README "Install").
#   docker build -t armlint .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/src" armlint --format sarif -o armlint.sarif .
# The build stage is Debian 12, the platform the release is built on (make dist); the final
# image holds nothing but /usr/local/bin/armlint, which needs no library, shell or data file.

FROM debian:12 AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      build-essential cmake pkg-config lld libboost-json1.81-dev libre2-dev libabsl-dev libcli11-dev libpugixml-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /armlint
COPY . .
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DARMLINT_STATIC_CLI=ON \
      -DARMLINT_BUILD_TESTS=OFF -DARMLINT_BUILD_BENCH=OFF \
 && cmake --build /build -j"$(nproc)" --target armlint_cli \
 && strip --strip-all -o /armlint-static /build/armlint \
 && /armlint-static --version

FROM scratch
COPY --from=build /armlint-static /usr/local/bin/armlint
ENV PATH=/usr/local/bin
WORKDIR /src
ENTRYPOINT ["armlint"]
