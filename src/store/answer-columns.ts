import bindings from '@duckdb/node-bindings';
import { DuckDBTypeId, JSDuckDBValueConverter, type DuckDBDataChunk, type DuckDBResult } from '@duckdb/node-api';

/** One column of an answer, read by row index; unknown is null. */
export interface AnswerColumn {
  readonly length: number;
  at(i: number): unknown;
}

/**
 * An answer's columns read straight from DuckDB's vectors. A wide answer (the funnel's 10,000 rows × 40
 * columns) spent as long in the library's value-by-value conversion as in the query: each null check
 * went through a 64-bit BigInt, and each number became a boxed value in an array. Here a DOUBLE column
 * is copied whole into a Float64Array with its null bits beside it, and a short ASCII string (an ASIN, a
 * marketplace, a currency, a date) is read from its 16-byte slot without a text decoder. Other types go
 * through the library's own conversion to plain JS values.
 */
export async function readAnswerColumns(result: DuckDBResult): Promise<{ rows: number; columns: Map<string, AnswerColumn> }> {
  const chunks = await result.fetchAllChunks();
  const rows = chunks.reduce((n, chunk) => n + chunk.rowCount, 0);
  const columns = new Map<string, AnswerColumn>();
  for (let c = 0; c < result.columnCount; c++) {
    const type = result.columnTypeId(c);
    const column = type === DuckDBTypeId.DOUBLE ? doubles(chunks, c, rows) : type === DuckDBTypeId.VARCHAR ? strings(chunks, c) : converted(chunks, c);
    columns.set(result.columnName(c), column);
  }
  return { rows, columns };
}

/** DuckDB's validity mask: bit i of the little-endian 64-bit words is 1 where row i is not null; no mask, no nulls. */
function validityOf(vector: bindings.Vector, rowCount: number): Uint8Array | null {
  return bindings.vector_get_validity(vector, Math.ceil(rowCount / 64) * 8);
}

const isValid = (mask: Uint8Array | null, i: number) => mask === null || (mask[i >> 3]! & (1 << (i & 7))) !== 0;

class DoubleColumn implements AnswerColumn {
  constructor(private readonly values: Float64Array, private readonly nulls: Uint8Array) {}
  get length(): number {
    return this.values.length;
  }
  at(i: number): number | null {
    // (out of range: nulls[i] is undefined, so null)
    return this.nulls[i] === 0 ? this.values[i]! : null;
  }
}

function doubles(chunks: readonly DuckDBDataChunk[], c: number, rows: number): AnswerColumn {
  const values = new Float64Array(rows);
  const nulls = new Uint8Array(rows);
  let offset = 0;
  for (const chunk of chunks) {
    const n = chunk.rowCount;
    const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
    const bytes = bindings.vector_get_data(vector, n * 8);
    // (copied: the chunk's memory is DuckDB's and goes with the chunk)
    values.set(new Float64Array(bytes.buffer, bytes.byteOffset, n), offset);
    const mask = validityOf(vector, n);
    if (mask) for (let i = 0; i < n; i++) if (!isValid(mask, i)) nulls[offset + i] = 1;
    offset += n;
  }
  return new DoubleColumn(values, nulls);
}

class ListColumn implements AnswerColumn {
  constructor(private readonly values: unknown[]) {}
  get length(): number {
    return this.values.length;
  }
  at(i: number): unknown {
    return this.values[i] ?? null;
  }
}

const utf8 = new TextDecoder();

/** A string's 16-byte slot: its length (4 bytes), then up to 12 bytes inline, else a prefix and a pointer. */
function strings(chunks: readonly DuckDBDataChunk[], c: number): AnswerColumn {
  const values: (string | null)[] = [];
  for (const chunk of chunks) {
    const n = chunk.rowCount;
    const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
    const slots = bindings.vector_get_data(vector, n * 16);
    const view = new DataView(slots.buffer, slots.byteOffset, slots.byteLength);
    const mask = validityOf(vector, n);
    for (let i = 0; i < n; i++) {
      if (!isValid(mask, i)) { values.push(null); continue; }
      const at = i * 16;
      const length = view.getUint32(at, true);
      if (length > 12) { values.push(utf8.decode(bindings.get_data_from_pointer(slots.buffer as ArrayBuffer, slots.byteOffset + at + 8, length))); continue; }
      let text = '';
      let ascii = true;
      for (let b = 0; b < length; b++) {
        const byte = slots[at + 4 + b]!;
        if (byte >= 0x80) { ascii = false; break; }
        text += String.fromCharCode(byte);
      }
      values.push(ascii ? text : utf8.decode(slots.subarray(at + 4, at + 4 + length)));
    }
  }
  return new ListColumn(values);
}

function converted(chunks: readonly DuckDBDataChunk[], c: number): AnswerColumn {
  return new ListColumn(chunks.flatMap((chunk) => chunk.convertColumnValues(c, JSDuckDBValueConverter)));
}
