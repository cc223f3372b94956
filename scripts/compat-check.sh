#!/usr/bin/env bash
# The starter's end-to-end suite (autoconfigure's `starter` package and the two-fork build check) on the newest
# versions users run besides the build's own (Java 17, Spring Boot 4.0.7): Spring Boot 4.1.2 on Java 25.
#
#   scripts/compat-check.sh            # JDK 25 from $JAVA25_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64
#
# Spring Boot 4.1.2's dependency management wants Netty 4.2.18.Final (netty.version). Both are passed as user
# properties, which also reach the imported Spring Boot BOM. Fails when no JDK 25 is found: the matrix is a promise.
# The build's own target directories are left alone (see below).
set -euo pipefail
cd "$(dirname "$0")/.."
jdk="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ ! -x "$jdk/bin/java" ]; then
  echo "compat-check: no JDK 25 at '$jdk': install one or set JAVA25_HOME" >&2
  exit 2
fi
version=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "$version" != "25" ]; then
  echo "compat-check: '$jdk' is Java $version, not 25: set JAVA25_HOME to a JDK 25" >&2
  exit 2
fi
# In a scratch copy of the sources: Boot 4.1.2 manages other versions (gRPC 1.84.1), and building it in place would
# leave their jars next to the build's own ones (embedded-qdrant/target/lib, on the runnable jar's Class-Path).
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tar --exclude='./.git' --exclude='./*/target' --exclude='./target' -cf - . | (cd "$scratch" && tar -xf -)
cd "$scratch"
echo "compat-check: starter end-to-end suite, Spring Boot 4.1.2, Java $version ($jdk), in $scratch"
JAVA_HOME="$jdk" ./mvnw -B -ntp \
  -Dspring-boot.version=4.1.2 -Dnetty.version=4.2.18.Final \
  -pl autoconfigure -am verify \
  -Dtest='io/github/qdrantscope/autoconfigure/starter/**/*' -Dsurefire.failIfNoSpecifiedTests=false
