#!/usr/bin/env bash
# check-page.sh PAGE.html [EXPECTED_CHARTS] [SCREENSHOT.png]
#
# Loads a static page (tailbench's index.html) in headless Chromium and fails unless
#   - it loads with no console message and no failed resource load,
#   - it loads nothing but data: URIs (self-contained: no CDN, no file beside it is needed),
#   - every <img> and <svg> has a non-zero rendered size (and every <img> decoded),
#   - there are EXPECTED_CHARTS of them, when given.
# How: a copy of the page gets a small checker <script> at the top of <head> that records resource
# errors and console.error calls and, on 'load', measures every image and writes a TBCHECK line into
# the DOM; `chromium --headless --dump-dom` prints that DOM, and Chromium's own console log
# (--enable-logging=stderr) must hold no CONSOLE line. With SCREENSHOT.png, also screenshots the original page.
# Installs Debian's chromium with apt-get when it is missing and we are root; otherwise exits 3.
# Exit: 0 ok, 1 a check failed, 2 bad usage, 3 no chromium.
set -uo pipefail

[ $# -ge 1 ] && [ $# -le 3 ] || { echo "usage: $0 PAGE.html [EXPECTED_CHARTS] [SCREENSHOT.png]" >&2; exit 2; }
page=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
expected=${2:-}
shot=${3:-}
[ -f "$page" ] || { echo "check-page: no such file $1" >&2; exit 2; }

find_chromium() {
  for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}
CHROMIUM=$(find_chromium)
if [ -z "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "check-page: installing chromium (apt-get install -y chromium)" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -q && apt-get install -y -q chromium; } >/dev/null 2>&1
    CHROMIUM=$(find_chromium)
  fi
  [ -n "$CHROMIUM" ] || { echo "check-page: chromium is not installed and could not be installed (apt-get install chromium)" >&2; exit 3; }
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$tmp/profile")

cat > "$tmp/checker.html" <<'JS'
<script>
(function () {
  var problems = [];
  window.addEventListener('error', function (e) {
    var t = e.target;
    problems.push(t && t !== window ? 'failed to load <' + t.tagName.toLowerCase() + '> ' + String(t.src || t.href || '').slice(0, 80)
                                    : 'script error: ' + e.message);
  }, true);
  ['error', 'warn', 'log', 'info'].forEach(function (level) {
    console[level] = function () { problems.push('console.' + level + ': ' + Array.prototype.join.call(arguments, ' ')); };
  });
  window.addEventListener('load', function () {
    var charts = 0;
    document.querySelectorAll('img, svg').forEach(function (el) {
      charts++;
      var r = el.getBoundingClientRect();
      var name = el.getAttribute('alt') || el.id || el.tagName;
      if (!(r.width > 0 && r.height > 0)) problems.push('zero size: ' + name);
      if (el.tagName === 'IMG' && !(el.complete && el.naturalWidth > 0)) problems.push('not decoded: ' + name);
    });
    performance.getEntriesByType('resource').forEach(function (e) {
      if (e.name.indexOf('data:') !== 0) problems.push('loads a resource: ' + e.name);
    });
    var pre = document.createElement('pre');
    pre.textContent = 'TB' + 'CHECK charts=' + charts + ' problems=' + problems.length + ' :: ' + problems.join(' | ').replace(/[\r\n<>&]/g, ' ');
    document.body.appendChild(pre);
  });
})();
</script>
JS
# the checker goes right after <head> (the page is ours: it has exactly one)
awk -v f="$tmp/checker.html" 'BEGIN { while ((getline l < f) > 0) s = s l "\n" } { print } /<head>/ && !done { printf "%s", s; done = 1 }' "$page" > "$tmp/page.html"

"$CHROMIUM" "${FLAGS[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=20000 --dump-dom "file://$tmp/page.html" \
  > "$tmp/dom.html" 2> "$tmp/chromium.log"
status=$?
line=$(grep -o 'TBCHECK charts=[0-9][^<]*' "$tmp/dom.html" | head -n 1)
fail=0
if [ $status != 0 ] || [ -z "$line" ]; then
  echo "check-page: chromium did not render the page (status $status); its log:" >&2
  tail -n 20 "$tmp/chromium.log" >&2
  exit 1
fi
echo "check-page: $line"
charts=$(sed -n 's/.*charts=\([0-9]*\).*/\1/p' <<<"$line")
problems=$(sed -n 's/.*problems=\([0-9]*\).*/\1/p' <<<"$line")
[ "$problems" = 0 ] || { echo "check-page: FAILED: $problems problem(s) (listed above)" >&2; fail=1; }
if grep -q ':CONSOLE' "$tmp/chromium.log"; then
  echo "check-page: FAILED: console messages:" >&2
  grep ':CONSOLE' "$tmp/chromium.log" | head -n 10 >&2
  fail=1
fi
if [ -n "$expected" ] && [ "$charts" != "$expected" ]; then
  echo "check-page: FAILED: $charts images/svgs on the page, expected $expected" >&2
  fail=1
fi
[ "$charts" -gt 0 ] || { echo "check-page: FAILED: no charts on the page" >&2; fail=1; }

if [ -n "$shot" ]; then
  mkdir -p "$(dirname "$shot")"
  "$CHROMIUM" "${FLAGS[@]}" --window-size=1300,5000 --virtual-time-budget=20000 --screenshot="$shot" "file://$page" \
    >/dev/null 2>&1 || { echo "check-page: FAILED: could not take the screenshot" >&2; fail=1; }
  [ -s "$shot" ] && echo "check-page: screenshot $shot"
fi
exit $fail
