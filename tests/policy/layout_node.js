// For tests/policy/test_layout.py: reads [{data, order}] as JSON on stdin and writes, per
// document, the editor's canonical text (editor/agenda-yaml.js) and what the editor's
// YAML 1.2 parser (npm `yaml`, the one Decap CMS bundles) and its YAML 1.1 mode read from
// the text Python wrote.
const path = require("path");
const YAML = require(path.join(process.cwd(), "node_modules", "yaml"));
const AgendaYaml = require(path.join(process.cwd(), "editor", "agenda-yaml.js"));
let input = "";
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", () => {
  const { order, docs } = JSON.parse(input);
  const out = docs.map(({ data, text }) => ({
    dumped: AgendaYaml.dump(data, order),
    yaml12: YAML.parse(text),
    yaml11: YAML.parse(text, { version: "1.1" }),
  }));
  process.stdout.write(JSON.stringify(out));
});
