import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { ShipgateError } from '../../core/errors';

let sql: Promise<SqlJsStatic> | undefined;

/** sql-wasm.wasm next to a bundled build, else from the installed sql.js package. */
function wasmPath(): string {
  const beside = fileURLToPath(new URL('./sql-wasm.wasm', import.meta.url));
  if (existsSync(beside)) return beside;
  try {
    return createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  } catch {
    throw new ShipgateError(
      'INTERNAL',
      'sql-wasm.wasm (from sql.js) is missing; rpm sqlite databases cannot be read',
      {
        hint: 'reinstall shipgate; a bundled build must ship sql-wasm.wasm beside its entry file',
      },
    );
  }
}

/** sql.js (SQLite compiled to WebAssembly), loaded once. */
function sqlite(): Promise<SqlJsStatic> {
  if (!sql) {
    const wasm = readFileSync(wasmPath());
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
    try {
      while (stmt.step()) {
        const blob = stmt.get()[0];
        if (blob instanceof Uint8Array) out.push(blob);
      }
    } finally {
      stmt.free();
    }
    return out;
  } finally {
    handle.close();
  }
}
