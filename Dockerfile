# Build stage: compile and package the Quarkus app.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

# Runtime stage: a JRE only. Rules are compiled at run time by Drools' bundled Eclipse compiler, so no JDK is needed.
# Java 25 runs the Java 17 build and can start from an ahead-of-time cache (below): about 1.7 s to the first
# decision against 2.5 s on Java 17 (docs/PERFORMANCE.md).
FROM eclipse-temurin:25-jre
WORKDIR /app
RUN useradd --system --uid 10001 --no-create-home pager-policy
COPY --from=build /src/target/quarkus-app/ /app/
# The shipped pack; mount your own over /app/rules and /app/policies (read-only is fine).
COPY rules /app/rules
COPY policies /app/policies
# Compile the shipped rules into the image's rule cache and pass them through the gate (scenarios and invariants),
# so that a container with them starts without compiling or checking the invariants again.
ENV PAGER_POLICY_RULE_CACHE_DIR=/app/compiled-rules
RUN java -jar /app/quarkus-run.jar test --rule-cache /app/compiled-rules && chmod -R a+rX /app/compiled-rules
# A bounded heap keeps the resident size predictable (see docs/PERFORMANCE.md); override with JAVA_OPTS. 256 MiB
# compiles packs of about 1,000 rules. No -XX:+ExitOnOutOfMemoryError: compiling is what needs the heap, and
# a rule change too large for it must fail as a reload that keeps the active rules, not stop the service.
ENV JAVA_OPTS="-Xmx256m"
# Record the ahead-of-time cache with this image's own JVM: a training run starts the service, decides a few hundred
# alerts through its HTTP API and stops; the JVM writes the classes it loaded and linked as it exits. A JVM that
# cannot use the cache (other options, another JVM) says so once and starts without it.
RUN java $JAVA_OPTS -XX:AOTCacheOutput=/app/pager-policy.aot -Dpager-policy.training-run=true \
      -Dpager-policy.decision-log.destination=file -Dpager-policy.decision-log.file=/tmp/training-decisions.log \
      -jar /app/quarkus-run.jar \
    && test -s /app/pager-policy.aot && chmod a+r /app/pager-policy.aot && rm -f /tmp/training-decisions.log*
USER 10001
EXPOSE 8080 9000
# The root filesystem can be read-only: the service writes nothing but /tmp (mount a tmpfs there) and, when
# given a writable volume there, /app/compiled-rules.
ENTRYPOINT ["sh", "-c", "exec java -XX:AOTCache=/app/pager-policy.aot $JAVA_OPTS -jar /app/quarkus-run.jar \"$@\"", "pager-policy"]
