/*
 * The canonical layout of a policy YAML file, for the form editor (/beheer/).
 * The same rules as macros/policy/layout.py (`agenda fmt`), byte for byte: a test runs
 * both on every policy file and on generated data. See that module for the rules.
 * A classic script (no modules): the editor page loads it, node's require() too.
 */
(function (root) {
  "use strict";
  var WORDS = {};
  ["y", "yes", "n", "no", "true", "false", "on", "off", "null"].forEach(function (w) {
    WORDS[w] = WORDS[w.charAt(0).toUpperCase() + w.slice(1)] = WORDS[w.toUpperCase()] = true;
  });
  WORDS["~"] = true;
  var ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
  var FLOW_UNSAFE = ",[]{}#&*!|>'\"%@`?";
  var LETTER = /^\p{L}/u;
  var ESCAPES = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f" };

  function printable(ch) {
    var o = ch.codePointAt(0);
    if (ch === "\t" || ch === "\n") return true;
    if (o < 0x20 || (o >= 0x7f && o <= 0x9f) || o === 0x2028 || o === 0x2029 || o === 0xfeff ||
        o === 0xfffe || o === 0xffff || (o >= 0xd800 && o <= 0xdfff)) return false;
    return true;
  }

  function chars(text) { return Array.from(text); }  // code points, like Python's str

  function quoted(text) {
    return '"' + chars(text).map(function (ch) {
      if (Object.prototype.hasOwnProperty.call(ESCAPES, ch)) return ESCAPES[ch];
      if (!printable(ch)) return "\\u" + ch.codePointAt(0).toString(16).padStart(4, "0");
      return ch;
    }).join("") + '"';
  }

  function stripSpaces(text) { return text.replace(/^ +| +$/g, ""); }

  function plainOk(text, flow) {
    if (!text || WORDS[text] || !LETTER.test(text) || text !== stripSpaces(text)) return false;
    if (text.indexOf(": ") >= 0 || text.indexOf(" #") >= 0 || text.slice(-1) === ":" ||
        text.indexOf("\t") >= 0 || text.indexOf("\n") >= 0) return false;
    if (!chars(text).every(printable)) return false;
    if (flow && (chars(text).some(function (c) { return FLOW_UNSAFE.indexOf(c) >= 0; }) || text.indexOf(":") >= 0)) return false;
    return true;
  }

  function number(value) {
    if (Number.isNaN(value)) return ".nan";
    if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
    if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
    var text = (Math.abs(value) >= 1e16 || Math.abs(value) < 1e-4) ? value.toExponential() : String(value);
    if (text.indexOf("e") >= 0) {
      var parts = text.split("e"), mantissa = parts[0], exp = parseInt(parts[1], 10);
      if (mantissa.indexOf(".") < 0) mantissa += ".0";
      return mantissa + "e" + (exp >= 0 ? "+" : "-") + Math.abs(exp);
    }
    return text;
  }

  function scalar(value, flow) {
    if (value === null || value === undefined) return "null";
    if (value === true) return "true";
    if (value === false) return "false";
    if (typeof value === "number") return number(value);
    var text = String(value);
    return plainOk(text, flow) ? text : quoted(text);
  }

  function literalOk(text) {
    if (text.indexOf("\n") < 0 || /^[\n \t]/.test(text) || /\n\n$/.test(text) || text.indexOf("\r") >= 0) return false;
    if (!chars(text).every(printable)) return false;
    var body = text.replace(/\n+$/, "");
    var lines = body.split("\n");
    return lines.every(function (l) { return l === "" || l.replace(/^[ \t]+|[ \t]+$/g, "") !== ""; }) &&
      !/[\n \t]$/.test(body);
  }

  function literal(text, indent) {
    var head = text.slice(-1) === "\n" ? "|" : "|-";
    var pad = " ".repeat(indent);
    return [head].concat(text.replace(/\n+$/, "").split("\n").map(function (l) { return l ? pad + l : ""; }));
  }

  function byCodePoint(a, b) {  // Python's order of strings
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  }

  function isMap(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }

  function flowValue(key, value, keys) {
    if (key === "source" && isMap(value) && Object.keys(value).length && Object.keys(value).every(function (k) {
      return plainOk(k, true) && !(isMap(value[k]) || Array.isArray(value[k]));
    })) {
      return "{" + keys(value).map(function (k) { return k + ": " + scalar(value[k], true); }).join(", ") + "}";
    }
    if (Array.isArray(value) && value.length && value.every(function (v) { return typeof v === "string" && ID.test(v); })) {
      return "[" + value.map(function (v) { return scalar(v, true); }).join(", ") + "]";
    }
    return null;
  }

  function Dumper(order) { this.order = order; }

  Dumper.prototype.block = function (name) { return (name && this.order.blocks[name]) || null; };

  Dumper.prototype.ordered = function (mapping, block) {
    var keys = (this.block(block) || { keys: [] }).keys;
    var own = Object.keys(mapping);
    return keys.filter(function (k) { return own.indexOf(k) >= 0; })
      .concat(own.filter(function (k) { return keys.indexOf(k) < 0; }).sort(byCodePoint));
  };

  Dumper.prototype.valueLines = function (key, value, block, indent) {
    var flow, self = this;
    if (isMap(value)) {
      if (!Object.keys(value).length) return [" {}", []];
      flow = flowValue(key, value, function (v) { return self.ordered(v, block); });
      if (flow) return [" " + flow, []];
      return ["", this.mapping(value, block, indent + 2)];
    }
    if (Array.isArray(value)) {
      if (!value.length) return [" []", []];
      flow = flowValue(key, value, function (v) { return self.ordered(v, block); });
      if (flow) return [" " + flow, []];
      return ["", this.sequence(value, block, indent + 2)];
    }
    if (typeof value === "string" && literalOk(value)) {
      var lines = literal(value, indent + 2);
      return [" " + lines[0], lines.slice(1)];
    }
    return [" " + scalar(value), []];
  };

  Dumper.prototype.mapping = function (mapping, block, indent) {
    var self = this, children = (this.block(block) || { children: {} }).children, pad = " ".repeat(indent), out = [];
    this.ordered(mapping, block).forEach(function (key) {
      if (mapping[key] === undefined) return;
      var r = self.valueLines(key, mapping[key], children[key] || null, indent);
      out.push(pad + scalar(key) + ":" + r[0]);
      out.push.apply(out, r[1]);
    });
    return out;
  };

  Dumper.prototype.sequence = function (items, block, indent) {
    var self = this, pad = " ".repeat(indent), out = [];
    items.forEach(function (item) {
      var inner;
      if (isMap(item) && Object.keys(item).length) inner = self.mapping(item, block, indent + 2);
      else if (Array.isArray(item) && item.length) inner = self.sequence(item, block, indent + 2);
      if (inner) {
        out.push(pad + "- " + inner[0].slice(indent + 2));
        out.push.apply(out, inner.slice(1));
      } else {
        var r = self.valueLines(null, item, block, indent);
        out.push(pad + "-" + r[0]);
        out.push.apply(out, r[1]);
      }
    });
    return out;
  };

  function dump(data, order) {
    if (!isMap(data)) throw new Error("a policy file holds a block of keys");
    var d = new Dumper(order);
    return d.mapping(data, order.kinds[data.kind] || null, 0).join("\n") + "\n";
  }

  /* What a form leaves behind for an optional field that was emptied: an empty text, list or
     block. Left out, as a hand-written file would; required fields never get here empty
     (the form refuses to save them). */
  function withoutEmpty(value) {
    if (Array.isArray(value)) return value.map(withoutEmpty);
    if (!isMap(value)) return value;
    var out = {};
    Object.keys(value).forEach(function (k) {
      var v = withoutEmpty(value[k]);
      if (v === "" || v === null || v === undefined || (Array.isArray(v) && !v.length) ||
          (isMap(v) && !Object.keys(v).length)) return;
      out[k] = v;
    });
    return out;
  }

  var api = { dump: dump, withoutEmpty: withoutEmpty, plainOk: plainOk, scalar: scalar };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.AgendaYaml = api;
})(this);
