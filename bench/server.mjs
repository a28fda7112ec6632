// The bench's web server: the repo through @web/dev-server (the bundled build from dist/ for every
// flow through the sheet, gzipped on the wire as a production server sends it and counted; src/
// compiled on the fly for the compression micro-benchmark), and a store for the test files the
// pages generate, kept on disk between runs.
import {existsSync, mkdirSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import os from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {startDevServer} from '@web/dev-server';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {libheifDevServer} from '../scripts/libheif.mjs';
import {tsAsJs} from '../scripts/ts-as-js.mjs';
import {freePort} from '../scripts/webkit-driver.mjs';

// Generated test files are kept between runs (same seeds, same bytes): the huge ones take
// seconds to make.
const FILES = join(os.tmpdir(), 'choose-image-sheet-bench-files');
mkdirSync(FILES, {recursive: true});

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

async function bodyBuffer(body) {
  if (body == null) return undefined;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (typeof body.pipe === 'function') {
    const chunks = [];
    for await (const c of body) chunks.push(Buffer.from(c));
    return Buffer.concat(chunks);
  }
  return undefined;
}

/** Starts the server; resolves with its page URL and what it counts. */
export async function startBenchServer() {
  /** Every /dist/ response sent: path, gzipped body bytes, time. */
  const sent = [];
  const state = {noStore: false};

  async function middleware(ctx, next) {
    // POST /__bench/files/<name>: the page stores a generated test file; answers its path on disk.
    if (ctx.method === 'POST' && ctx.path.startsWith('/__bench/files/')) {
      const chunks = [];
      for await (const c of ctx.req) chunks.push(c);
      const path = join(FILES, decodeURIComponent(ctx.path.slice('/__bench/files/'.length)).replace(/[/\\]/g, '_'));
      await writeFile(path, Buffer.concat(chunks));
      ctx.body = {path};
      return;
    }
    // Nothing answered "not modified" while the size section counts: the whole file is sent.
    if (state.noStore && ctx.path.startsWith('/dist/')) ['if-none-match', 'if-modified-since'].forEach(h => delete ctx.req.headers[h]);
    await next();
    if (!ctx.path.startsWith('/dist/') || ctx.status !== 200) return;
    const raw = await bodyBuffer(ctx.body);
    if (!raw) return;
    const gz = gzipSync(raw, {level: 9});
    ctx.body = gz;
    ctx.set('Content-Encoding', 'gzip');
    ctx.remove('ETag');
    // The size section counts what a first visit fetches: nothing may come from a cache then.
    // (Each engine's driver has its own way to turn the cache off, or none: this is one way for all.)
    if (state.noStore) ctx.set('Cache-Control', 'no-store');
    sent.push({path: ctx.path, bytes: gz.length, at: performance.now()});
  }

  const port = await freePort();
  // Lit is served in its production build, as users get it (the dev server's default
  // 'development' condition would serve Lit's slower dev mode to the src/ micro-benchmark).
  const server = await startDevServer({
    config: {
      rootDir: '.',
      port,
      hostname: '127.0.0.1',
      nodeResolve: {exportConditions: ['production']},
      middleware: [middleware],
      plugins: [tsAsJs(), libheifDevServer(), esbuildPlugin({ts: true, tsconfig: './tsconfig.json'})],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
    autoExitProcess: false,
  });

  return {
    url: `http://127.0.0.1:${port}/bench/bench.html${process.env.BENCH_KIT ? `?kit=${encodeURIComponent(process.env.BENCH_KIT)}` : ''}`,
    sent,
    /** Whether /dist/ responses forbid caching (the size section). */
    set noStore(on) {
      state.noStore = on;
    },
    /** What the server sent from dist/ since `mark` (an index into `sent`), once nothing more came for `quietMs`. */
    async fetchedSince(mark, quietMs = 700) {
      for (;;) {
        const last = sent.at(-1)?.at ?? 0;
        await pause(quietMs);
        if ((sent.at(-1)?.at ?? 0) === last) break;
      }
      // Each file once: the second worker fetches its script again, which a browser's HTTP cache
      // answers on a second visit.
      const files = [...new Map(sent.slice(mark).filter(f => !f.path.endsWith('.map')).map(f => [f.path, f])).values()];
      return {files: files.map(f => ({path: f.path.replace('/dist/', ''), bytes: f.bytes})), bytes: files.reduce((s, f) => s + f.bytes, 0)};
    },
    stop: () => server.stop(),
  };
}

/** The stored test file `name`, made by `make()` (which stores it through the page) if it is not there yet. */
export async function testFile(name, make) {
  const path = join(FILES, name);
  if (!existsSync(path)) await make();
  if (!existsSync(path)) throw new Error(`${name} was not stored`);
  return path;
}
