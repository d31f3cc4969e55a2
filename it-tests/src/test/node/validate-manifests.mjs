// Validates rendered Kubernetes manifests offline, against the OpenAPI schemas of Kubernetes (kubernetes-models),
// KEDA and the Prometheus operator, and reports fields no schema declares (the schemas alone accept them).
//
//   node validate-manifests.mjs <manifests.yaml> <documents.json>
//
// Writes {"documents": [...], "problems": ["Deployment/x: ...", ...]} to <documents.json> (the documents as JSON,
// for the test's own assertions) and exits 0 when there are no problems, 1 when there are, 2 on bad usage.
import { readFileSync, writeFileSync } from "node:fs";
import yaml from "js-yaml";

const MODULES = [
  [/^v1$/, () => "kubernetes-models/v1"],
  [/^[a-z.]*k8s\.io\/|^(apps|batch|policy|autoscaling)\//, (apiVersion) => `kubernetes-models/${apiVersion}`],
  [/^keda\.sh\//, (apiVersion) => `@kubernetes-models/keda/${apiVersion}`],
  [/^monitoring\.coreos\.com\//, (apiVersion) => `@kubernetes-models/prometheus-operator/${apiVersion}`],
];

async function modelClass(apiVersion, kind) {
  const match = MODULES.find(([pattern]) => pattern.test(apiVersion ?? ""));
  if (!match) {
    return undefined;
  }
  const module = await import(match[1](apiVersion)).catch(() => ({}));
  return module[kind];
}

// A view of the document that records which properties the schema's validator reads. The validators are compiled
// JSON schemas: they read every property the schema declares, and every key of a map-like object, so a key that is
// never read is one the schema does not know. Objects whose keys are never read at all are free-form (schemaless).
function recordingReads(value, reads, views = new Map()) {
  if (value === null || typeof value !== "object") {
    return value;
  }
  if (!views.has(value)) {
    const keysRead = new Set();
    reads.set(value, keysRead);
    views.set(value, new Proxy(value, {
      get(target, key) {
        if (typeof key === "string") {
          keysRead.add(key);
          return recordingReads(target[key], reads, views);
        }
        return target[key];
      },
    }));
  }
  return views.get(value);
}

function unknownFields(value, reads, path) {
  if (value === null || typeof value !== "object") {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => unknownFields(item, reads, `${path}/${index}`));
  }
  const keysRead = reads.get(value);
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = `${path}/${key}`;
    if (keysRead && keysRead.size > 0 && !keysRead.has(key)) {
      return [`unknown field ${childPath}`];
    }
    return unknownFields(child, reads, childPath);
  });
}

async function problemsOf(document) {
  const Model = await modelClass(document.apiVersion, document.kind);
  if (!Model) {
    return [`no schema for apiVersion ${document.apiVersion}, kind ${document.kind}`];
  }
  const reads = new Map();
  const problems = [];
  try {
    // The prototype's validate runs the compiled schema on `this` without copying it, so reads are recorded.
    Model.prototype.validate.call(recordingReads(document, reads));
  } catch (error) {
    problems.push(error.message);
  }
  return problems.concat(unknownFields(document, reads, "data"));
}

async function main([manifests, output]) {
  if (!manifests || !output) {
    console.error("usage: node validate-manifests.mjs <manifests.yaml> <documents.json>");
    return 2;
  }
  const documents = yaml.loadAll(readFileSync(manifests, "utf8")).filter((document) => document);
  const problems = [];
  for (const document of documents) {
    const name = `${document.kind}/${document.metadata?.name}`;
    for (const problem of await problemsOf(document)) {
      problems.push(`${name}: ${problem}`);
    }
  }
  writeFileSync(output, JSON.stringify({ documents, problems }, null, 2));
  console.log(`${documents.length} documents, ${problems.length} problems`);
  problems.forEach((problem) => console.log(problem));
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
