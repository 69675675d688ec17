#!/usr/bin/env bash
# The demo run.sh ends with, against the running services. PLATFORM_API_URL is the Api's base URL;
# STATE_DIR the run's state folder (stack.env, scratch files).
#   1. writes the hand-set demo models and uploads them as checkpoints,
#   2. copies samples/images to blob storage and creates a dataset from samples/captions.csv,
#   3. runs a caption job in four languages, a translation job and an evaluation job, showing progress,
#   4. prints the captions, the translations and a BLEU table.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

api="${PLATFORM_API_URL:-http://127.0.0.1:${PLATFORM_API_PORT:-8080}}"
state="${STATE_DIR:-$REPO_ROOT/.local/run}"
work="$state/demo"
platform=(dotnet "$REPO_ROOT/tools/Cli/bin/Release/net10.0/platform.dll")

curl -fsS -o /dev/null --max-time 5 "$api/health/ready" || die "the Api does not answer at $api/health/ready"
set -a; source "$state/stack.env"; set +a
rm -rf "$work" && mkdir -p "$work"

# post PATH CONTENT_TYPE FILE|-: the response body; dies with the problem details on an error status.
post() {
  local body status
  body="$(curl -sS -w '\n%{http_code}' -X POST "$api$1" -H "Content-Type: $2" --data-binary "@$3")"
  status="${body##*$'\n'}"
  body="${body%$'\n'*}"
  [[ "$status" == 2* ]] || die "POST $1 answered $status: $body"
  printf '%s' "$body"
}

upload_checkpoint() { # NAME TASK FOLDER -> id
  (cd "$3" && zip -qr "$work/$1.zip" .)
  post "/v1/checkpoints?name=$1&task=$2" application/zip "$work/$1.zip" | jq -r .id
}

# wait_for_job ID LABEL: prints progress until the job is settled, then its summary. Gives up waiting (the job
# goes on) when nothing moved for PLATFORM_DEMO_STALL_SECONDS, e.g. because no worker consumes that kind of batch.
stall_seconds="${PLATFORM_DEMO_STALL_SECONDS:-60}"
wait_for_job() {
  local job status done last_done=-1 last_change=$SECONDS
  while :; do
    job="$(curl -fsS "$api/v1/jobs/$1")"
    status="$(jq -r .status <<<"$job")"
    done="$(jq -r '.items.succeeded + .items.failed' <<<"$job")"
    if [[ "$done" != "$last_done" ]]; then last_done="$done"; last_change=$SECONDS; fi
    if (( SECONDS - last_change > stall_seconds )); then
      printf '\n  no progress for %ss: is a worker consuming these batches? (logs: %s/logs)\n' "$stall_seconds" "$state"
      stall_seconds=5 # the next jobs wait on the same workers
      return 0
    fi
    printf '\r  %-12s %-20s %6s%%  %s/%s items  %s failed' "$2" "$status" \
      "$(jq -r .percent <<<"$job")" "$(jq -r '.items.succeeded + .items.failed' <<<"$job")" \
      "$(jq -r .items.total <<<"$job")" "$(jq -r .items.failed <<<"$job")"
    case "$status" in Succeeded|CompletedWithErrors|Failed|Cancelled) break ;; esac
    sleep 1
  done
  printf '\n'
  jq -r '.errors[] | "    \(.count) × \(.reason): \(.exampleItem): \(.exampleDetail)"' <<<"$job"
}

say "writing the hand-set demo models and sample images (platform samples)"
"${platform[@]}" samples models --out "$work/models" >/dev/null
"${platform[@]}" blobs upload --container samples --prefix images/ "$REPO_ROOT/samples/images" >/dev/null

say "registering checkpoints"
captioner="$(upload_checkpoint colour-shape-captioner ImageToText "$work/models/colour-shape-captioner")"
translator="$(upload_checkpoint word-translator-en-de TextToText "$work/models/word-translator-en-de")"

say "creating datasets from samples/captions.csv and samples/sentences.csv"
images="$(post "/v1/datasets?name=samples" text/csv "$REPO_ROOT/samples/captions.csv" | jq -r .id)"
sentences="$(post "/v1/datasets?name=sentences" text/csv "$REPO_ROOT/samples/sentences.csv" | jq -r .id)"

say "caption job: $(jq -r .itemCount <<<"$(curl -fsS "$api/v1/datasets/$images")") images × en, fr, de, es"
caption_job="$(jq -n --arg d "$images" --arg c "$captioner" '{datasetId:$d, checkpointId:$c, languages:["en","fr","de","es"]}' \
  | post /v1/jobs/captions application/json - | jq -r .id)"
say "translation job: English captions → German"
translate_job="$(jq -n --arg d "$sentences" --arg c "$translator" '{datasetId:$d, checkpointId:$c, sourceLanguage:"en", languages:["de"]}' \
  | post /v1/jobs/translations application/json - | jq -r .id)"
say "evaluation job: the captioner against the references in samples/captions.csv"
evaluation_job="$(jq -n --arg d "$images" --arg c "$captioner" '{datasetId:$d, checkpointId:$c, languages:["en","fr","de","es"]}' \
  | post /v1/jobs/evaluations application/json - | jq -r .id)"

wait_for_job "$caption_job" captions
wait_for_job "$translate_job" translation
wait_for_job "$evaluation_job" evaluation

printf '\nCaptions (job %s)\n' "$caption_job"
curl -fsS "$api/v1/jobs/$caption_job/results?limit=1000" \
  | jq -r '.items | group_by(.item)[] | [.[0].item] + (sort_by(.language) | map("\(.language): \(.text)")) | @tsv' | column -t -s $'\t'
printf '\nTranslations (job %s)\n' "$translate_job"
curl -fsS "$api/v1/jobs/$translate_job/results?limit=1000" \
  | jq -r '.items[] | "  \(.item): \(.text)\(if (.flags | length) > 0 then "  [\(.flags | join(", "))]" else "" end)"'

printf '\nScores of the evaluation job against the references (platform score: COCO BLEU-n, sacreBLEU, chrF)\n'
printf '  %-9s %7s %7s %7s %7s %10s %7s\n' language BLEU-1 BLEU-2 BLEU-3 BLEU-4 sacreBLEU chrF
for language in en fr de es; do
  curl -fsS "$api/v1/jobs/$evaluation_job/results?language=$language&limit=1000" | jq -r '.items[] | "\(.item)\t\(.text)"' | sort >"$work/hyp.tsv"
  column="$(head -1 "$REPO_ROOT/samples/captions.csv" | tr ',' '\n' | grep -nx "$language" | cut -d: -f1)"
  tail -n +2 "$REPO_ROOT/samples/captions.csv" | cut -d, -f"1,$column" | tr ',' '\t' | sort >"$work/ref.tsv"
  join -t $'\t' "$work/hyp.tsv" "$work/ref.tsv" >"$work/pairs.tsv"
  if [[ ! -s "$work/pairs.tsv" ]]; then
    printf '  %-9s (no %s captions to score yet)\n' "$language" "$language"
    continue
  fi
  cut -f2 "$work/pairs.tsv" >"$work/hyp.txt"
  cut -f3 "$work/pairs.tsv" >"$work/ref.txt"
  "${platform[@]}" score --hyp "$work/hyp.txt" --ref "$work/ref.txt" --metrics coco-bleu,bleu,chrf \
    | jq -r --arg l "$language" '[$l, (.coco_bleu | .bleu1, .bleu2, .bleu3, .bleu4 | . * 100), .bleu.score, .chrf.score] | @tsv' \
    | xargs printf '  %-9s %7.1f %7.1f %7.1f %7.1f %10.1f %7.1f\n'
done
printf '  (three-word captions have no 4-grams: COCO BLEU-4 is only its smoothing epsilon, 4-gram sacreBLEU is 0)\n'

cat <<EOT

  Hangfire dashboard:  $api/hangfire
  OpenAPI document:    $api/openapi/v1.json
  Health:              $api/health/ready
  Stop everything:     ./run.sh stop

EOT
