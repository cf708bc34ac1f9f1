#!/usr/bin/env bash
# The application alone on a generated catalogue: time until search answers after a start that rebuilds the
# index, then 600 searches, then its resident memory. From the repository's root, after
#   mvn -B package -DskipTests
#   java -Xmx1g -jar web/target/hulpwijzer.jar generate --organisations 100000 --modules 1000000
# run
#   HULPWIJZER_DATA_DIR=data web/tools/measure-application.sh
set -u
: "${HULPWIJZER_DATA_DIR:?set HULPWIJZER_DATA_DIR to the data directory of a generated catalogue}"
export HULPWIJZER_DATA_DIR MICRONAUT_SERVER_PORT="${MICRONAUT_SERVER_PORT:-8091}" HULPWIJZER_ADMIN_TOKEN=measure
port=$MICRONAUT_SERVER_PORT
rm -rf "$HULPWIJZER_DATA_DIR/index" # the start rebuilds it
start=$(date +%s%N)
java -Xmx1g -jar web/target/hulpwijzer.jar > web/target/measure-application.log 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/api/v1/search?q=begeleiding")" = 200 ]; do
  kill -0 $pid 2>/dev/null || { echo "the application stopped; see web/target/measure-application.log"; exit 1; }
  sleep 1
done
echo "search answers after $(( ($(date +%s%N) - start) / 1000000 )) ms (JVM, PostgreSQL, migrations, index rebuild)"
grep -E "Search index rebuilt|Waiting figures refreshed" web/target/measure-application.log | head -2
searches=("q=begeleiding" "q=angst%2015%20jaar%20Brugge" "q=CGG" "q=thuisbegeleiding%20jongeren"
  "q=autisme&availableNow=true" "zone=westhoek&domain=psychisch-welzijn" "q=crisisopvang&sort=wait"
  "q=budgetbegeleiding%20schulden" "" "q=opvoeding&postcode=8400&sort=distance")
for i in $(seq 0 599); do
  q=${searches[$((i % 10))]}
  [ $((i % 7)) = 0 ] && q="$q&zone=brugge"
  curl -s -o /dev/null "localhost:$port/api/v1/search?$q&page=$((1 + i % 3))"
done
grep -E "VmRSS|RssAnon|RssFile" /proc/$pid/status
kill $pid
wait $pid
