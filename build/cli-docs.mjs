// `npm run docs:cli`: rewrites the help blocks of docs/cli.md from the built CLI's --help (run `npm run build`
// first). Commands without a section get one, after the last command section. The e2e CLI test checks the page.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const page = join(root, 'docs', 'cli.md');

const help = (args) => {
  let out;
  try {
    out = execFileSync(process.execPath, [cli, ...args, '--help'], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // `shipgate --help` alone exits 0; a command's help too, but be lenient
  }
  return out.replace(/^shipgate \S+:/, 'shipgate VERSION:').trimEnd();
};

const usage = help([]);
const commands = [...usage.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((m) => m[1]);
let text = readFileSync(page, 'utf8');
const block = (title, body) => `## ${title}\n\n\`\`\`text\n${body}\n\`\`\`\n`;
const sectionRe = (title) =>
  new RegExp(`## ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\n\`\`\`text\\n[\\s\\S]*?\\n\`\`\`\\n`);

text = text.replace(sectionRe('shipgate'), block('shipgate', usage));
for (const cmd of commands) {
  const title = `shipgate ${cmd}`;
  const section = block(title, help([cmd]));
  if (sectionRe(title).test(text)) text = text.replace(sectionRe(title), section);
  else {
    const prev = commands
      .slice(0, commands.indexOf(cmd))
      .reverse()
      .find((c) => sectionRe(`shipgate ${c}`).test(text));
    const anchor = sectionRe(prev ? `shipgate ${prev}` : 'shipgate').exec(text);
    const at = anchor.index + anchor[0].length;
    text = `${text.slice(0, at)}\n${section}${text.slice(at)}`;
  }
}
writeFileSync(page, text);
console.log(`docs/cli.md: ${commands.length + 1} help blocks written from the built CLI`);
