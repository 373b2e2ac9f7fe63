/**
 * `asterism … | head`: when the reader goes away, writing to the pipe fails with EPIPE, which Node raises
 * as an unhandled 'error' (a stack trace). Here that is quiet: the rest of the output goes nowhere and the
 * command ends as it would have (an import still finishes and commits: the pipe closing is not a cancel).
 */
const gone = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

export function quietWhenPipeCloses(...streams: NodeJS.WritableStream[]): void {
  for (const stream of streams) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (gone.has(e.code ?? '')) return;
      throw e;
    });
  }
}
