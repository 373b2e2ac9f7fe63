import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';

/**
 * A JSON report read as a stream (@streamparser/json), never held whole: its lists of entries — the
 * document itself when it is an array (Ads API v3), or an array member of the top-level object
 * (SP-API's `salesAndTrafficByAsin`) — are handed on entry by entry; everything else (the report
 * specification) is kept. Numbers are read as JSON.parse reads them.
 */
export type JsonListName = string;
/** The document itself is the list (a top-level array). */
export const rootList: JsonListName = '';

export interface JsonOutline {
  /**
   * The document with each list replaced by its sketch: empty for an empty list, else one record with
   * every key some entry has (the first value that is not null), plus a null when some entry is not a
   * record. What detection looks at (which keys the rows have, whether they are all records) is kept.
   */
  doc: unknown;
  /** the lists found, with their number of entries */
  lists: ReadonlyMap<JsonListName, number>;
}

type OnEntry = (list: JsonListName, value: unknown) => void;

const opens = new Set<TokenType>([TokenType.LEFT_BRACE, TokenType.LEFT_BRACKET]);
const closes = new Set<TokenType>([TokenType.RIGHT_BRACE, TokenType.RIGHT_BRACKET]);

/** A value being read: from its first byte (in the whole stream) until its bracket closes at `depth`. */
interface OpenValue {
  start: number;
  depth: number;
  /** the list it is an entry of; undefined for a member of the top-level object */
  list?: JsonListName;
  member?: string;
}

/**
 * Text pushed in chunk by chunk. The library's tokenizer finds the values; each list entry (and each
 * member of the top-level object) is cut out by its byte offsets and parsed by JSON.parse, and only
 * its place is handed to the library's parser (a null), which checks the document's structure
 * around it: building every value token by token was the slow part (2.6 MB/s against 7 MB/s).
 */
class JsonWalk {
  /** the top-level object's members that are not lists; undefined for a top-level array */
  head: Record<string, unknown> | undefined;
  readonly lists = new Map<JsonListName, number>();
  private tokenizer: Tokenizer | undefined;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  /** the bytes from `base` on (from the open value's start, or the current chunk's) */
  private bytes = new Uint8Array(0);
  private base = 0;
  private depth = 0;
  private member: string | undefined;
  private afterColon = false;
  /** the list whose entries are at depth 2 (a list member of the top-level object) */
  private list: JsonListName | undefined;
  private open: OpenValue | undefined;
  private ended = false;

  constructor(private readonly onEntry: OnEntry) {}

  write(text: string): void {
    if (!this.tokenizer) {
      const first = /\S/.exec(text)?.[0];
      if (!first) return;
      if (first !== '[' && first !== '{') throw new SyntaxError(`a JSON report starts with "[" or "{", not "${first}"`);
      this.tokenizer = this.start(first === '[');
    }
    const chunk = this.encoder.encode(text);
    // keep the open value's bytes (a few hundred, an entry) with the new chunk; drop the rest
    const from = this.open ? this.open.start - this.base : this.bytes.length;
    const kept = this.bytes.subarray(from);
    const bytes = new Uint8Array(kept.length + chunk.length);
    bytes.set(kept);
    bytes.set(chunk, kept.length);
    this.base += from;
    this.bytes = bytes;
    this.tokenizer.write(chunk);
  }

  end(): void {
    if (!this.tokenizer) throw new SyntaxError('the file is empty');
    // the parser ends with the document's last bracket: before it, the file was cut short
    if (!this.ended) throw new SyntaxError(`the document ends before its closing ${this.head ? '}' : ']'}: the file is cut short`);
  }

  private start(isArray: boolean): Tokenizer {
    if (isArray) {
      this.lists.set(rootList, 0);
      this.list = rootList;
    } else {
      this.head = {};
    }
    // sees the document with each entry and member value as a null: checks its structure, keeps nothing
    const parser = new TokenParser({ paths: [isArray ? '$.*' : '$.*.*'], keepStack: false });
    parser.onValue = () => {};
    parser.onEnd = () => { this.ended = true; };
    const tokenizer = new Tokenizer();
    tokenizer.onToken = (info: ParsedTokenInfo) => {
      const placeholder = this.token(info);
      if (placeholder === 'skip') return;
      parser.write(placeholder ? { token: TokenType.NULL, value: null } : info);
    };
    return tokenizer;
  }

  /** Follows one token; answers whether the parser gets it, a null in its place, or nothing (inside a value). */
  private token({ token, value, offset }: ParsedTokenInfo): boolean | 'skip' {
    const open = this.open;
    if (open) {
      if (opens.has(token)) this.depth++;
      else if (closes.has(token) && --this.depth === open.depth) this.close(open, offset + 1);
      return 'skip';
    }
    const depth = this.depth;
    // an entry of the list at this depth: a record or an array read whole, or a plain value
    const entryDepth = this.list === undefined ? -1 : this.list === rootList ? 1 : 2;
    if (depth === entryDepth && token !== TokenType.COMMA && !closes.has(token)) {
      if (opens.has(token)) {
        this.open = { start: offset, depth, list: this.list };
        this.depth++;
      } else {
        this.entry(this.list as JsonListName, value);
      }
      return true;
    }
    if (this.head && depth === 1) {
      if (token === TokenType.STRING && !this.afterColon) this.member = String(value);
      else if (token === TokenType.COLON) this.afterColon = true;
      else if (this.afterColon && this.member !== undefined) {
        this.afterColon = false;
        if (token === TokenType.LEFT_BRACKET) {
          this.lists.set(this.member, 0);
          this.list = this.member;
        } else if (token === TokenType.LEFT_BRACE) {
          this.open = { start: offset, depth, member: this.member };
          this.depth++;
          return true;
        } else {
          this.head[this.member] = value;
        }
      }
    }
    if (opens.has(token)) this.depth++;
    else if (closes.has(token)) {
      this.depth--;
      if (this.head && this.depth === 1) this.list = undefined;
    }
    return false;
  }

  private close(open: OpenValue, end: number): void {
    this.open = undefined;
    const value: unknown = JSON.parse(this.decoder.decode(this.bytes.subarray(open.start - this.base, end - this.base)));
    if (open.list !== undefined) this.entry(open.list, value);
    else if (open.member !== undefined && this.head) this.head[open.member] = value;
  }

  private entry(list: JsonListName, value: unknown): void {
    this.lists.set(list, (this.lists.get(list) ?? 0) + 1);
    this.onEntry(list, value);
  }
}

/** First pass: the outline (lists sketched, the rest whole). */
export async function jsonOutline(chunks: AsyncIterable<string>): Promise<JsonOutline> {
  const sketches = new Map<JsonListName, { keys: Record<string, unknown>; other: boolean }>();
  const walk = new JsonWalk((list, value) => {
    let sketch = sketches.get(list);
    if (!sketch) sketches.set(list, sketch = { keys: {}, other: false });
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      sketch.other = true;
      return;
    }
    for (const [key, v] of Object.entries(value)) if (sketch.keys[key] === undefined || sketch.keys[key] === null) sketch.keys[key] = v;
  });
  for await (const text of chunks) walk.write(text);
  walk.end();
  const sketchOf = (list: JsonListName): unknown[] => {
    const sketch = sketches.get(list);
    if (!sketch) return [];
    const entries: unknown[] = Object.keys(sketch.keys).length > 0 ? [sketch.keys] : [];
    if (sketch.other) entries.push(null);
    return entries;
  };
  if (!walk.head) return { doc: sketchOf(rootList), lists: walk.lists };
  const doc: Record<string, unknown> = { ...walk.head };
  for (const list of walk.lists.keys()) doc[list] = sketchOf(list);
  return { doc, lists: walk.lists };
}

/**
 * Second pass: one list's entries in batches of `size` (at least one batch, maybe empty), with the
 * index of each batch's first entry. Entries wait only until a batch is full: memory stays bounded.
 */
export async function* jsonListBatches(chunks: AsyncIterable<string>, list: JsonListName, size: number): AsyncGenerator<{ entries: unknown[]; offset: number }> {
  let pending: unknown[] = [];
  let offset = 0;
  const walk = new JsonWalk((name, value) => {
    if (name === list) pending.push(value);
  });
  const full = function* () {
    while (pending.length >= size) {
      const entries = pending.slice(0, size);
      pending = pending.slice(size);
      yield { entries, offset };
      offset += entries.length;
    }
  };
  for await (const text of chunks) {
    walk.write(text);
    yield* full();
  }
  walk.end();
  yield* full();
  if (pending.length > 0 || offset === 0) yield { entries: pending, offset };
}
