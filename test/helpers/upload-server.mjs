// Test-runner plugin: a real HTTP server for the companions' tests, on a free port of its own
// (so another origin than the test page: every request is cross-origin, with CORS preflights,
// as an upload to an API server is). It records what each upload brought, byte for byte, and
// the browser side asks for it through server commands:
//   'upload-server'   → {origin, refused}: the server's origin, and an origin nothing listens on
//   'upload-received' {id} → what the server saw of upload `id` (see below), or false
// Routes:
//   OPTIONS *                        the CORS preflight: allowed, whatever headers were asked for
//   POST /upload?id=…                multipart body parsed; answers `?status=` (default 200) with
//                                    the text `received <id>` and an exposed `X-Upload-Id` header
//        &slow=1                     reads the body 64 kB per 15 ms, so upload progress comes in steps
//        &hang=1                     never answers (a time-out), until the client gives up
//   GET /image?cors=0|1              a small PNG, with or without Access-Control-Allow-Origin
import {createHash} from 'node:crypto';
import {createServer} from 'node:http';

/** Per upload id: {headers, fields, files: [{field, name, type, size, sha256}], complete, closedEarly}. */
const uploads = new Map();

/** A 2×1 PNG (red, blue). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDwHwAF/gL+3Qb7iQAAAABJRU5ErkJggg==',
  'base64'
);

const cors = (req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Expose-Headers', 'X-Upload-Id');
};

/** Collects the body, pausing between chunks when `slow`; calls back with the whole of it, or not at all if the client left first. */
function readBody(req, slow, record, done) {
  const chunks = [];
  req.on('data', chunk => {
    chunks.push(chunk);
    if (!slow) return;
    req.pause();
    setTimeout(() => req.resume(), 15);
  });
  req.on('end', () => {
    record.complete = true;
    done(Buffer.concat(chunks));
  });
  // The client closed the connection before its body was all here: an abort, a time-out.
  req.on('close', () => {
    if (!record.complete) record.closedEarly = true;
  });
}

async function parse(req, body, record) {
  const form = await new Request('http://upload.test/', {method: 'POST', headers: {'content-type': req.headers['content-type'] ?? ''}, body}).formData();
  for (const [field, value] of form) {
    if (typeof value === 'string') record.fields[field] = value;
    else {
      const bytes = Buffer.from(await value.arrayBuffer());
      record.files.push({field, name: value.name, type: value.type, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex')});
    }
  }
}

function handle(req, res) {
  const url = new URL(req.url, 'http://upload.test');
  cors(req, res);
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'POST, GET');
    if (req.headers['access-control-request-headers']) res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers']);
    res.writeHead(204).end();
    return;
  }
  if (req.method === 'GET' && url.pathname === '/image') {
    if (url.searchParams.get('cors') === '0') res.removeHeader('Access-Control-Allow-Origin');
    res.writeHead(200, {'Content-Type': 'image/png', 'Cache-Control': 'no-store'}).end(PNG);
    return;
  }
  if (req.method !== 'POST' || url.pathname !== '/upload') {
    res.writeHead(404).end('not here');
    return;
  }
  const id = url.searchParams.get('id') ?? '';
  const record = {headers: req.headers, fields: {}, files: [], complete: false, closedEarly: false, error: null};
  uploads.set(id, record);
  readBody(req, url.searchParams.get('slow') === '1', record, async body => {
    try {
      await parse(req, body, record);
    } catch (e) {
      record.error = String(e);
    }
    if (url.searchParams.get('hang') === '1') return; // the client's time-out ends it
    res.writeHead(Number(url.searchParams.get('status') ?? 200), {'Content-Type': 'text/plain', 'X-Upload-Id': id}).end(`received ${id}`);
  });
}

/** A port nothing listens on: one the system just handed out and that was closed again. */
async function closedPort() {
  const probe = createServer();
  await new Promise(resolve => probe.listen(0, '127.0.0.1', resolve));
  const {port} = probe.address();
  await new Promise(resolve => probe.close(resolve));
  return port;
}

export function uploadServer() {
  let server;
  let origin;
  let refused;
  return {
    name: 'upload-server',
    async serverStart() {
      server = createServer(handle);
      await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${server.address().port}`;
      refused = `http://127.0.0.1:${await closedPort()}`;
    },
    async serverStop() {
      server?.closeAllConnections();
      await new Promise(resolve => server?.close(resolve) ?? resolve());
    },
    async executeCommand({command, payload}) {
      if (command === 'upload-server') return {origin, refused};
      // false, not null: a command that answers nothing counts as unknown to the runner.
      if (command === 'upload-received') return uploads.get(payload.id) ?? false;
      return undefined;
    },
  };
}
