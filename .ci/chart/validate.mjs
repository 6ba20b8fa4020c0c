// Validates rendered Kubernetes manifests (multi-document YAML files given as arguments) against the
// Kubernetes API schemas: the JSON schemas that the npm package kubernetes-models generates from the
// Kubernetes OpenAPI document (and @kubernetes-models/prometheus-operator for ServiceMonitor), offline.
// Usage: node validate.mjs <tools dir with node_modules> <file.yaml>...
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [tools, ...files] = process.argv.slice(2);
const mod = (p) => import(pathToFileURL(join(tools, "node_modules", p)).href);
const yaml = (await mod("js-yaml/dist/js-yaml.mjs")).default;

function modelPath(apiVersion, kind) {
  if (apiVersion === "monitoring.coreos.com/v1") {
    return `@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/${kind}.js`;
  }
  return `kubernetes-models/${apiVersion}/${kind}.js`; // "v1" (core) or "<group>/<version>"
}

let failures = 0;
let checked = 0;
for (const file of files) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    if (doc == null) continue;
    const name = `${file}: ${doc.kind}/${doc.metadata?.name}`;
    let Model;
    try {
      Model = (await mod(modelPath(doc.apiVersion, doc.kind)))[doc.kind];
    } catch (e) {
      console.error(`FAIL ${name}: no schema for ${doc.apiVersion} ${doc.kind}`);
      failures++;
      continue;
    }
    try {
      new Model(doc).validate();
      checked++;
    } catch (e) {
      console.error(`FAIL ${name}: ${e.message}`);
      failures++;
    }
  }
}
console.log(`[check-chart] ${checked} manifests valid against the Kubernetes schemas, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
