// The npm peer zhlint as a despace: reads FILE (or stdin) and writes what zhlint's
// fixer makes of it with its default rules (the same as `zhlint --fix`, which only
// rewrites files in place, hence the API). zhlint lints Chinese spacing and
// punctuation within lines; it does not join lines.
//
// usage: node zhlint-fix.mjs [FILE]
import fs from 'node:fs';
import { run } from 'zhlint';

const file = process.argv[2];
const text = fs.readFileSync(file && file !== '-' ? file : 0, 'utf8');
const silent = { log() {}, warn() {}, error() {}, info() {}, debug() {} };
process.stdout.write(run(text, { logger: silent }).result);
