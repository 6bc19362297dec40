#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  parseCommand
} from "./chunk-N7PLTF7E.js";
import {
  commandOptions,
  nameAt
} from "./chunk-2L5WH6HQ.js";

// src/cli/option-table.ts
var HELP_WIDTH = 110;
var DESC_COLUMN = 26;
function specOf(o, short) {
  return {
    type: o.type === "boolean" ? "boolean" : "string",
    ...short ? { short } : {},
    ...o.type === "list" ? { multiple: true } : {}
  };
}
function tableSpec(command, section) {
  const spec = {};
  for (const o of commandOptions(command)) {
    if (section && o.cli.section !== section) continue;
    spec[nameAt(o, "cli")] = specOf(o, o.cli.short);
    for (const alias of o.cli.aliases ?? []) spec[alias] = specOf(o);
  }
  return spec;
}
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
function helpLines(o) {
  const cli = o.cli;
  const arg = cli.arg ? ` ${cli.arg}` : "";
  const flag = `  ${cli.short ? `-${cli.short}, ` : "    "}--${nameAt(o, "cli")}${arg}`;
  const aliases = (cli.aliases ?? []).map((a) => `--${a}`).join(", ");
  const text = aliases ? `${cli.help} (also ${aliases})` : cli.help;
  const pad = " ".repeat(DESC_COLUMN);
  const desc = wrap(text, HELP_WIDTH - DESC_COLUMN);
  const out = flag.length <= DESC_COLUMN - 2 ? [`${flag.padEnd(DESC_COLUMN)}${desc[0]}`, ...desc.slice(1).map((l) => pad + l)] : [flag, ...desc.map((l) => pad + l)];
  return out;
}
function helpSection(command, section) {
  return commandOptions(command).filter((o) => o.cli.section === section).flatMap(helpLines).join("\n");
}
function parseTableCommand(command, argv, help, extra = {}) {
  const p = parseCommand(command, argv, { ...tableSpec(command), ...extra }, help);
  if (!p) return p;
  for (const o of commandOptions(command)) {
    const name = nameAt(o, "cli");
    for (const alias of o.cli.aliases ?? []) {
      const v = p.values[alias];
      if (v === void 0) continue;
      const own = p.values[name];
      p.values[name] = Array.isArray(v) && (Array.isArray(own) || own === void 0) ? [...own ?? [], ...v] : v;
      delete p.values[alias];
    }
  }
  return p;
}

export {
  tableSpec,
  helpSection,
  parseTableCommand
};
