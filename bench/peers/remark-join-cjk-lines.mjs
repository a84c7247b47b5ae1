// The npm peer remark-join-cjk-lines as a despace: reads FILE (or stdin), parses it
// as markdown with remark, lets the plugin join lines between CJK characters, and
// writes remark's markdown back. Whatever remark re-serializes (escapes, list and
// heading markers) is part of what a user of this peer gets, so it is kept.
//
// usage: node remark-join-cjk-lines.mjs [FILE]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { remark } from 'remark';

const require = createRequire(import.meta.url);
const joinCjkLines = require('remark-join-cjk-lines');   // CommonJS

const file = process.argv[2];
const text = fs.readFileSync(file && file !== '-' ? file : 0, 'utf8');
const out = await remark().use(joinCjkLines).process(text);
process.stdout.write(String(out));
