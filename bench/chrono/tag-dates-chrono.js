// chrono-node's Chinese parser (chrono.zh) dressed as tag-dates, so that
// tests/corpus/score.py scores it next to ours: same input lines, same --ref-date,
// the same TIMEX3 markup around what chrono finds, with the value chrono resolves.
//
// usage: node tag-dates-chrono.js [--ref-date YYYY-MM-DD] [FILE]...
'use strict';
const fs = require('fs');
const chrono = require('chrono-node');

function usage(message) {
  process.stderr.write(`tag-dates-chrono: ${message}\n`);
  process.exit(2);
}

let reference = null;
const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  let value = null;
  if (arg === '--ref-date' || arg === '-r') value = args[++i];
  else if (arg.startsWith('--ref-date=')) value = arg.slice('--ref-date='.length);
  else if (arg.startsWith('-') && arg !== '-') usage(`unknown option ${arg}`);
  else files.push(arg);
  if (value !== null) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
    if (!m) usage(`invalid --ref-date '${value}'`);
    // Noon, local time (the wrapper sets TZ=UTC): no day shifts at midnight.
    reference = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  }
}
if (files.length === 0) files.push('-');

const pad = (n, width) => String(n).padStart(width, '0');

// The TIMEX3 value of a chrono result: its date to the finest unit the text
// names (chrono fills the coarser ones from the reference), and the clock time.
function timex(result) {
  const c = result.start;
  const date = `${pad(c.get('year'), 4)}-${pad(c.get('month'), 2)}-${pad(c.get('day'), 2)}`;
  if (c.isCertain('hour')) {
    return { type: 'TIME', value: `${date}T${pad(c.get('hour'), 2)}:${pad(c.get('minute') || 0, 2)}` };
  }
  if (c.isCertain('day') || !c.isCertain('month')) {
    if (!c.isCertain('day') && c.isCertain('year')) return { type: 'DATE', value: pad(c.get('year'), 4) };
    return { type: 'DATE', value: date };
  }
  return { type: 'DATE', value: date.slice(0, 7) };
}

// chrono's Chinese patterns take in the space or comma before a date ("，1月8日");
// the span is trimmed of them so that it is judged on what it found.
const EDGE = /^[\s，。、；：,.;:]+|[\s，。、；：,.;:]+$/gu;

function tagText(text) {
  const results = chrono.zh.parse(text, reference || new Date());
  let out = '';
  let copied = 0;
  for (const result of results) {
    const lead = result.text.length - result.text.replace(/^[\s，。、；：,.;:]+/u, '').length;
    const surface = result.text.replace(EDGE, '');
    const begin = result.index + lead;
    if (begin < copied || surface.length === 0) continue;
    const { type, value } = timex(result);
    out += text.slice(copied, begin);
    out += `<TIMEX3 type="${type}" value="${value}">${surface}</TIMEX3>`;
    copied = begin + surface.length;
  }
  return out + text.slice(copied);
}

const output = [];
for (const file of files) {
  const input = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  for (const line of input.split('\n')) {
    const tab = line.lastIndexOf('\t');
    output.push(line.slice(0, tab + 1) + tagText(line.slice(tab + 1)));
  }
  // split() leaves one empty string after the final newline; join() restores it.
  process.stdout.write(output.join('\n'));
  output.length = 0;
}
