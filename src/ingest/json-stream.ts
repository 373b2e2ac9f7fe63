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

/** Text pushed in chunk by chunk; each list entry is handed to `onEntry` as it completes. */
class JsonWalk {
  /** the top-level object's members that are not lists; undefined for a top-level array */
  head: Record<string, unknown> | undefined;
  readonly lists = new Map<JsonListName, number>();
  private tokenizer: Tokenizer | undefined;
  private depth = 0;
  private member: string | undefined;
  private afterColon = false;
  private ended = false;

  constructor(private readonly onEntry: OnEntry) {}

  write(text: string): void {
    if (!this.tokenizer) {
      const first = /\S/.exec(text)?.[0];
      if (!first) return;
      if (first !== '[' && first !== '{') throw new SyntaxError(`a JSON report starts with "[" or "{", not "${first}"`);
      this.tokenizer = this.start(first === '[');
    }
    this.tokenizer.write(text);
  }

  end(): void {
    if (!this.tokenizer) throw new SyntaxError('the file is empty');
    // the parser ends with the document's last bracket: before it, the file was cut short
    if (!this.ended) throw new SyntaxError(`the document ends before its closing ${this.head ? '}' : ']'}: the file is cut short`);
  }

  private start(isArray: boolean): Tokenizer {
    if (isArray) this.lists.set(rootList, 0);
    else this.head = {};
    // an array's entries are `$.*`; the entries of an object's lists and the members of its objects are `$.*.*`
    const parser = new TokenParser({ paths: [isArray ? '$.*' : '$.*.*'], keepStack: false });
    parser.onValue = ({ value, key, stack }) => {
      const name = isArray ? rootList : String(stack[1]?.key);
      const count = this.lists.get(name);
      if (count !== undefined) {
        this.lists.set(name, count + 1);
        this.onEntry(name, value);
      } else {
        (this.head?.[name] as Record<string, unknown>)[String(key)] = value;
      }
    };
    parser.onEnd = () => { this.ended = true; };
    const tokenizer = new Tokenizer();
    // the top-level object's members, seen from the tokens: the parser emits only what is two levels down
    tokenizer.onToken = (info: ParsedTokenInfo) => {
      const { token, value } = info;
      if (this.head && this.depth === 1) this.topLevel(token, value);
      if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) this.depth++;
      else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) this.depth--;
      parser.write(info);
    };
    return tokenizer;
  }

  private topLevel(token: TokenType, value: unknown): void {
    const head = this.head as Record<string, unknown>;
    if (token === TokenType.STRING && !this.afterColon) this.member = String(value);
    else if (token === TokenType.COLON) this.afterColon = true;
    else if (this.afterColon && this.member !== undefined) {
      this.afterColon = false;
      if (token === TokenType.LEFT_BRACKET) this.lists.set(this.member, 0);
      else if (token === TokenType.LEFT_BRACE) head[this.member] = {};
      else head[this.member] = value;
    }
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
