// The app's production server: renders the page with the server build and serves the client
// build's files. PORT picks the port.
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import {extname, join, normalize} from 'node:path';
import {render} from './dist/server/entry-server.js';

const client = new URL('./dist/client/', import.meta.url).pathname;
const types = {'.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css'};

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  try {
    if (path === '/') {
      const page = (await readFile(join(client, 'index.html'), 'utf8')).replace('<!--app-html-->', await render());
      res.writeHead(200, {'content-type': 'text/html'}).end(page);
      return;
    }
    const body = await readFile(join(client, path));
    res.writeHead(200, {'content-type': types[extname(path)] ?? 'application/octet-stream'}).end(body);
  } catch (e) {
    res.writeHead(e.code === 'ENOENT' ? 404 : 500).end(String(e));
  }
});
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
