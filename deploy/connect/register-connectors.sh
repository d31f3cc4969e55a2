#!/bin/sh
# Creates or updates every connector of the connectors/ folder beside this script on a Kafka Connect worker, through
# its REST API: connectors/NAME.json is the configuration of connector NAME (PUT /connectors/NAME/config, which
# creates it or replaces its configuration, so running this again is harmless). Exits non-zero if one is refused.
#
#   sh deploy/connect/register-connectors.sh [CONNECT_URL]     (default http://localhost:8083)
set -eu

url="${1:-http://localhost:8083}"
folder="$(dirname "$0")/connectors"

for file in "$folder"/*.json; do
    name="$(basename "$file" .json)"
    echo "PUT $url/connectors/$name/config"
    curl -fsS --retry 10 --retry-delay 3 --retry-connrefused \
        -X PUT -H "Content-Type: application/json" --data-binary "@$file" \
        "$url/connectors/$name/config"
    echo
done
