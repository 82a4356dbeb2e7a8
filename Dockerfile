# Stagehand, built from this checkout: docker build -t stagehand .
# The build needs the JDK, Maven and Node with npm (the dashboard is built by Vite into the jar).
FROM node:20-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data stagehand \
    && mkdir -p /data && chown stagehand /data
COPY --from=build /src/gateway/target/stagehand.jar /app/stagehand.jar
USER stagehand
# A node's own data: Kafka Streams' state (and, on the embedded default, PostgreSQL, Kafka and the master key).
ENV STAGEHAND_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/stagehand.jar"]
