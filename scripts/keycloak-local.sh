#!/usr/bin/env bash
# Runs Keycloak without Docker, with the realm export imported: the distribution the tests use, from Maven
# Central, unpacked under target/keycloak-local/ (apart from the tests' copy, whose database they reset).
#
#   scripts/keycloak-local.sh            then, in another shell:
#   ./mvnw spring-boot:run -Dspring-boot.run.profiles=keycloak
#
# Keycloak listens on http://localhost:8180 (KC_HTTP_PORT), its admin console at /admin (KC_ADMIN_USERNAME /
# KC_ADMIN_PASSWORD, default admin / admin). Its data stay under target/keycloak-local/ until ./mvnw clean.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
home="target/keycloak-local/keycloak-$version"

if [ ! -x "$home/bin/kc.sh" ]; then
  ./mvnw -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
    -DoutputDirectory=target/keycloak-local
  zip="target/keycloak-local/keycloak-quarkus-dist-$version.zip"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$zip" -d target/keycloak-local
  else
    # A JDK's jar tool unpacks zips too, but drops the executable bits.
    (cd target/keycloak-local && jar xf "keycloak-quarkus-dist-$version.zip")
    chmod +x "$home"/bin/*.sh
  fi
  rm "$zip"
fi

# Imported on the first start; later starts keep the realm as it is (and what was changed in it).
mkdir -p "$home/data/import"
cp keycloak-realm/jcm-realm.json "$home/data/import/"

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_ADMIN_PASSWORD:-admin}"
exec "$home/bin/kc.sh" start-dev --http-port="${KC_HTTP_PORT:-8180}" --import-realm
