import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let sql: Promise<SqlJsStatic> | undefined;

/** sql.js (SQLite compiled to WebAssembly), loaded once. */
function sqlite(): Promise<SqlJsStatic> {
  if (!sql) {
    const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
    const wasm = readFileSync(wasmPath);
    sql = initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
  }
  return sql;
}

/** The header blobs of an rpm sqlite database (`rpmdb.sqlite`, table Packages(hnum, blob)). */
export async function readSqliteBlobs(db: Uint8Array): Promise<Uint8Array[]> {
  const SQL = await sqlite();
  const handle = new SQL.Database(db);
  try {
    const out: Uint8Array[] = [];
    const stmt = handle.prepare('SELECT blob FROM Packages ORDER BY hnum');
    while (stmt.step()) {
      const blob = stmt.get()[0];
      if (blob instanceof Uint8Array) out.push(blob);
    }
    stmt.free();
    return out;
  } finally {
    handle.close();
  }
}
