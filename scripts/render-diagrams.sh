#!/usr/bin/env bash
# Draws every process of bpmn/ as docs/diagrams/<file>.svg with bpmn-js, the renderer of Camunda Modeler, in a
# headless Chromium: run it again after changing a process. Needs npm and chromium (Debian: apt-get install
# npm chromium); fetches bpmn-js from the npm registry into a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm install --silent --prefix "$work" bpmn-js@18 >/dev/null
viewer="$work/node_modules/bpmn-js/dist/bpmn-viewer.production.min.js"
mkdir -p docs/diagrams

for process in bpmn/*.bpmn; do
  name=$(basename "$process" .bpmn)
  page="$work/$name.html"
  {
    echo '<!doctype html><html><head><meta charset="utf-8">'
    echo "<script>$(cat "$viewer")</script></head><body><div id=\"canvas\" style=\"width:2000px;height:1200px\"></div>"
    echo '<pre id="svg"></pre><script type="text/plain" id="xml">'
    sed 's#</script#<\\/script#g' "$process"
    echo '</script><script>'
    echo 'const viewer = new BpmnJS({container: "#canvas"});'
    echo 'viewer.importXML(document.getElementById("xml").textContent)'
    echo '  .then(() => viewer.saveSVG())'
    echo '  .then(result => { document.getElementById("svg").textContent = result.svg; })'
    echo '  .catch(error => { document.getElementById("svg").textContent = "ERROR " + error; });'
    echo '</script></body></html>'
  } > "$page"
  chromium --headless=new --no-sandbox --disable-gpu --virtual-time-budget=10000 --dump-dom "file://$page" 2>/dev/null \
    | python3 -c '
import html, re, sys
dom = sys.stdin.read()
found = re.search(r"<pre id=\"svg\">(.*?)</pre>", dom, re.S)
svg = html.unescape(found.group(1)) if found else "ERROR no drawing"
if svg.startswith("ERROR"):
    sys.exit(svg)
print(svg)' > "docs/diagrams/$name.svg"
  echo "docs/diagrams/$name.svg"
done
