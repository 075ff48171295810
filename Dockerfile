# syntax=docker/dockerfile:1
# JCM Flow image: built by docker-compose.yml ("docker compose up --build") or "docker build -t jcm-flow ."

# --- build: the Maven Wrapper with a JDK 17 ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY bpmn/ bpmn/
COPY forms/ forms/
COPY keycloak-realm/ keycloak-realm/
COPY src/ src/
# The cache mount keeps ~/.m2 between builds (BuildKit, the default builder of current Docker).
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
    && ./mvnw -B -DskipTests package \
    && cp target/jcm-flow-*.jar /workspace/app.jar

# --- run: a JRE 17, as a non-root user ---
FROM eclipse-temurin:17-jre
RUN groupadd --system jcm \
    && useradd --system --gid jcm --home-dir /app --shell /usr/sbin/nologin jcm \
    && mkdir -p /app/data \
    && chown -R jcm:jcm /app
WORKDIR /app
COPY --from=build --chown=jcm:jcm /workspace/app.jar /app/app.jar
USER jcm
ENV JCM_DATA_DIR=/app/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
