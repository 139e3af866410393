# syntax=docker/dockerfile:1

# Tokenkeeper container image.
#
#   docker build -t tokenkeeper .
#   docker build -t tokenkeeper --build-arg VERSION=1.2.3 --build-arg REVISION="$(git rev-parse HEAD)" .
#
# Needs BuildKit (the default builder since Docker Engine 23) for the cache mounts.
# Runtime configuration is by environment variable: see docker-compose.yml.

# ---------------------------------------------------------------------------
# Stage 1: build the executable jar with the Maven wrapper.
# ---------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /workspace

# The wrapper and the POMs first: the dependency step below reruns only when one of them changes.
COPY --chmod=0755 mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY domain/pom.xml domain/
COPY persistence/pom.xml persistence/
COPY ui/pom.xml ui/
COPY app/pom.xml app/
# The benchmarks are part of the reactor but not of the image: their POM only, and -pl app -am below.
COPY bench/pom.xml bench/

# Maven (fetched by the wrapper) and the dependencies land in a cache mount that outlives the build.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl app -am dependency:go-offline

COPY domain/src/ domain/src/
COPY persistence/src/ persistence/src/
COPY ui/src/ ui/src/
COPY app/src/ app/src/

# Tests and the formatting check belong to CI, not to the image build.
# /root/.vaadin holds the Node.js that Vaadin downloads if a frontend build ever needs one.
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.vaadin \
    ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true -pl app -am package

# Unpack the jar into Spring Boot's layers, so that a code change does not re-ship the dependencies. Without
# --launcher: the jar and its libraries are plain jars on the class path, which the JDK's AOT cache needs (Tomcat still
# serves the static resources in the libraries' META-INF/resources).
RUN java -Djarmode=tools -jar app/target/tokenkeeper.jar extract --layers --destination extracted

# ---------------------------------------------------------------------------
# Stage 2: runtime image (JRE only, unprivileged user).
# ---------------------------------------------------------------------------
FROM eclipse-temurin:25-jre

ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=""
LABEL org.opencontainers.image.title="Tokenkeeper" \
      org.opencontainers.image.description="Self-hosted personal API tokens" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="docker.io/library/eclipse-temurin:25-jre"

# Fixed uid/gid 10001 so that file ownership on mounted volumes is predictable.
# Its home is the working directory: without SPRING_DATASOURCE_URL the embedded PostgreSQL
# (linux/amd64 only) keeps its data in ~/.tokenkeeper/postgres, so mount a volume there in that mode.
RUN groupadd --gid 10001 tokenkeeper \
 && useradd --uid 10001 --gid 10001 --no-log-init --no-create-home \
        --home-dir /var/lib/tokenkeeper --shell /usr/sbin/nologin tokenkeeper \
 && install -d -o 10001 -g 10001 -m 0750 /var/lib/tokenkeeper

# The application stays owned by root (read-only for the user). Least often changed layer first.
COPY --from=build /workspace/extracted/dependencies/ /opt/tokenkeeper/
COPY --from=build /workspace/extracted/spring-boot-loader/ /opt/tokenkeeper/
COPY --from=build /workspace/extracted/snapshot-dependencies/ /opt/tokenkeeper/
COPY --from=build /workspace/extracted/application/ /opt/tokenkeeper/

# The JDK's ahead-of-time cache (JEP 483/514/515): classes loaded and linked, and method profiles, from one training
# start of this very image, so that every later start skips that work. The training start runs as the unprivileged
# user (PostgreSQL refuses root) on a throw-away embedded database, serves /login once and stops on SIGTERM
# (train-aot-cache.sh says why not spring.context.exit=onRefresh); the cache is then handed to root, read-only for the
# user like the rest.
COPY --chmod=0755 app/src/main/docker/train-aot-cache.sh /usr/local/bin/
RUN install -d -o 10001 -g 10001 -m 0755 /opt/tokenkeeper/aot
USER 10001:10001
RUN train-aot-cache.sh /opt/tokenkeeper/tokenkeeper.jar /opt/tokenkeeper/aot/tokenkeeper.aot -XX:MaxRAMPercentage=75 \
 && rm -rf /tmp/embedded-pg
USER root
RUN chown -R root:root /opt/tokenkeeper/aot

WORKDIR /var/lib/tokenkeeper
USER 10001:10001
EXPOSE 8080

# No HEALTHCHECK here (the image has no curl or wget): docker-compose.yml probes
# /actuator/health/readiness, and Kubernetes can use the liveness and readiness endpoints directly.
#
# Extra JVM options go in JAVA_TOOL_OPTIONS; an explicit -Xmx there overrides MaxRAMPercentage.
# -Dspring.aot.enabled=true uses the bean definitions Spring AOT generated at build time; -XX:AOTCache the cache above
# (a cache that does not match the JVM or the jars is ignored with a warning, never used wrongly).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "-XX:AOTCache=/opt/tokenkeeper/aot/tokenkeeper.aot", "-Dspring.aot.enabled=true", \
            "-jar", "/opt/tokenkeeper/tokenkeeper.jar"]
