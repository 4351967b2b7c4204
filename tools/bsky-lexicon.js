// tools/bsky-lexicon.js: checks a recording of the bsky-* programs
// (--record DIR) against Bluesky's lexicons with @atproto/lexicon: the
// parameters of every request, every answer, and the app.bsky.feed.post
// record inside every post view (the view types it as unknown).
//
//   NODE_PATH=$(sh tools/lexicon.sh) node tools/bsky-lexicon.js LEXICONS DIR...
//
// Prints one line per violation ("DIR/000003.json: GET ...: what") and
// exits 1 when there is one; 2 when the files cannot be read.
'use strict';
const fs = require('fs');
const path = require('path');
const { Lexicons } = require('@atproto/lexicon');

function lexiconFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? lexiconFiles(path.join(dir, e.name)) :
		e.name.endsWith('.json') ? [path.join(dir, e.name)] : []);
}

// The query as the lexicon types it: integers, booleans, repeated arrays.
function params(lex, nsid, query) {
	const def = lex.getDef(nsid);
	const props = (def && def.parameters && def.parameters.properties) || {};
	const out = {};
	for (const [k, v] of new URLSearchParams(query)) {
		const t = props[k] ? props[k].type : 'string';
		const val = t === 'integer' ? Number(v) : t === 'boolean' ? v === 'true' : v;
		if (t === 'array') (out[k] = out[k] || []).push(v);
		else out[k] = val;
	}
	return out;
}

// Every post view in an answer (feed items, post lists, notifications).
function postRecords(body) {
	const out = [];
	for (const item of body.feed || []) out.push(item.post.record);
	for (const p of body.posts || []) out.push(p.record);
	for (const n of body.notifications || []) if (n.reason !== 'follow') out.push(n.record);
	return out;
}

const [lexDir, ...dirs] = process.argv.slice(2);
if (!lexDir || dirs.length === 0) {
	console.error('usage: bsky-lexicon.js LEXICONS DIR...');
	process.exit(2);
}
const lex = new Lexicons(lexiconFiles(lexDir).map((f) => JSON.parse(fs.readFileSync(f, 'utf8'))));
let bad = 0, checked = 0;
for (const dir of dirs) {
	const index = fs.readFileSync(path.join(dir, 'index.ndjson'), 'utf8').split('\n').filter(Boolean);
	for (const line of index) {
		const e = JSON.parse(line);
		const where = `${dir}/${e.file}: GET ${e.request}`;
		const u = new URL(e.request, 'http://x');
		const nsid = u.pathname.replace(/^\/xrpc\//, '');
		const body = JSON.parse(fs.readFileSync(path.join(dir, e.file), 'utf8'));
		const check = (what, f) => {
			try { f(); } catch (err) { bad++; console.log(`${where}: ${what}: ${err.message}`); }
		};
		checked++;
		check('parameters', () => lex.assertValidXrpcParams(nsid, params(lex, nsid, u.search)));
		if (e.status !== 200) {
			check('error', () => { if (typeof body.error !== 'string') throw new Error('no "error" name'); });
			continue;
		}
		check('answer', () => lex.assertValidXrpcOutput(nsid, body));
		for (const r of postRecords(body))
			check('post record', () => lex.assertValidRecord('app.bsky.feed.post', r));
	}
}
console.log(`# ${checked} answers checked, ${bad} violations`);
process.exit(bad ? 1 : 0);
