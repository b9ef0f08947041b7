// Starts pouchdb-server (npm, tests/browser/node_modules) for the sync tests, with the fix of
// pouchdb-server issue #419 (https://github.com/pouchdb/pouchdb-server/issues/419, fix proposed in
// PR #420) applied in memory when the module loads: pouchdb-validation's validate() overwrites
// the incoming document's _revisions with the stored one's, so as soon as a database has a
// validate_doc_update, every replicated update (_bulk_docs with new_edits:false) of an existing
// document is silently dropped. CouchDB itself does not do this. The fix validates a copy.
// Arguments are pouchdb-server's own.
'use strict';
const fs = require('fs');
const Module = require('module');
const path = require('path');

const npmRoot = path.join(__dirname, '..', 'browser');
const bug = 'newDoc._revisions = (oldDoc || {})._revisions;';
const fixed = 'newDoc = Object.assign({}, newDoc, {_revisions: (oldDoc || {})._revisions});';
const loadJs = Module._extensions['.js'];
let patched = 0;
Module._extensions['.js'] = function (module, filename) {
  if (filename.endsWith(path.join('pouchdb-validation', 'lib', 'index.js'))) {
    const source = fs.readFileSync(filename, 'utf8');
    if (!source.includes(bug)) throw new Error(filename + ': the line of pouchdb-server#419 is not there any more: check whether the fix is still needed');
    patched++;
    return module._compile(source.replace(bug, fixed), filename);
  }
  return loadJs(module, filename);
};
process.argv = [process.argv[0], 'pouchdb-server', ...process.argv.slice(2)];
require(path.join(npmRoot, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server'));
setTimeout(() => {
  if (!patched) console.error('pouchdb-server.cjs: pouchdb-validation was not loaded yet; the #419 fix may not apply');
}, 3000);
