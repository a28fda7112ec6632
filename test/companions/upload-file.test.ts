// my.uploadFile against a real HTTP server on another origin (test/helpers/upload-server.mjs),
// which records what it received byte for byte: the file under its field with its name and type,
// the other fields, the headers; progress in order on a slow upload; an abort the server sees as
// a closed connection; a time-out, a refused port and unreadable paths.
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {my, revokeTempFiles} from '../../src/index.js';
import {uploadFile, type UploadProgress} from '../../src/companions/index.js';
import {asFile, clickOn, dataUrlOf, failure, makeImage, part, pickedPath, recorder, sha256} from '../helpers/index.js';

interface Received {
  headers: Record<string, string>;
  fields: Record<string, string>;
  files: {field: string; name: string; type: string; size: number; sha256: string}[];
  complete: boolean;
  closedEarly: boolean;
  error: string | null;
}

let server: {origin: string; refused: string};
let uploads = 0;
/** A fresh upload URL on the test server, and a way to read what the server received for it. */
function endpoint(query = '') {
  const id = `u${++uploads}-${Date.now()}`;
  const received = async () => (await executeServerCommand<Received | false, {id: string}>('upload-received', {id})) || null;
  return {id, url: `${server.origin}/upload?id=${id}${query}`, received};
}

/** `size` bytes of noise (incompressible, so every byte goes over the wire), typed as a JPEG. */
function noise(size: number): Blob {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65536)));
  return new Blob([bytes], {type: 'image/jpeg'});
}

/** The loading toast's text, or null when there is none. */
const toastText = () => document.querySelector('choose-image-toast')?.shadowRoot?.textContent?.trim() || null;

describe('my.uploadFile', () => {
  before(async () => {
    server = await executeServerCommand<{origin: string; refused: string}, undefined>('upload-server');
  });
  afterEach(() => revokeTempFiles());

  it('should POST the picked file under fileName, with formData and headers, and resolve with the answer', async () => {
    const photo = asFile(await makeImage(1200, 900), 'IMG_0042.jpg');
    const apFilePaths = [await pickedPath(photo)];
    const {id, url, received} = endpoint();
    const rec = recorder();
    const result = await my.uploadFile({
      url,
      fileType: 'image',
      fileName: 'file',
      filePath: apFilePaths[0],
      formData: {user: 'u-1', count: 2, public: true},
      header: {'X-Token': 'abc', 'Content-Type': 'application/json'},
      ...rec,
    });
    expect(result).to.deep.include({statusCode: 200, data: `received ${id}`});
    expect(result.header['x-upload-id']).to.equal(id);
    expect(rec.calls).to.deep.equal(['success', 'complete']);
    const got = (await received())!;
    expect(got.files).to.deep.equal([{field: 'file', name: 'IMG_0042.jpg', type: 'image/jpeg', size: photo.size, sha256: await sha256(photo)}]);
    expect(got.fields).to.deep.equal({user: 'u-1', count: '2', public: 'true'});
    expect(got.headers['x-token']).to.equal('abc');
    // The page's content-type is dropped: the body is multipart with the browser's boundary.
    expect(got.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
  });

  it('should name a file the kit did not make from its type, with the blob\'s type', async () => {
    const png = await makeImage(30, 20, 'image/png');
    const {url, received} = endpoint();
    await my.uploadFile({url, fileType: 'image', fileName: 'avatar', filePath: await dataUrlOf(png), hideLoading: true});
    const [file] = (await received())!.files;
    expect(file).to.deep.include({field: 'avatar', name: 'image.png', type: 'image/png', size: png.size});
    // `name`, as newer Alipay and WeChat call the field, is taken too.
    const second = endpoint();
    await uploadFile({url: second.url, name: 'photo', filePath: URL.createObjectURL(png), hideLoading: true} as never);
    expect((await second.received())!.files[0]).to.deep.include({field: 'photo', name: 'image.png'});
  });

  it('should resolve any HTTP status: the page reads statusCode', async () => {
    const {url} = endpoint('&status=500');
    const result = await my.uploadFile({url, fileName: 'file', filePath: URL.createObjectURL(await makeImage(8, 8)), hideLoading: true});
    expect(result.statusCode).to.equal(500);
    expect(result.data).to.match(/^received /);
  });

  it('should report a slow 16 MB upload\'s progress in order, in whole per cent, to 100', async () => {
    // Large enough that progress comes in several steps in every engine. What a browser counts as
    // sent is what the kernel took: on this machine's loopback the socket buffers take the first
    // 4 MB at once, then 1.3–1.8 MB each time they drain, whatever the server's pace. An 8 MB body
    // gave four reports (49, 68, 86, 100%), and Firefox under load only two.
    const file = noise(16 * 1024 * 1024);
    const {url, received} = endpoint('&slow=1');
    const reports: UploadProgress[] = [];
    const removed: UploadProgress[] = [];
    const dropped = (p: UploadProgress) => removed.push(p);
    // Registered at once, on what my.uploadFile returned, before the companions' chunk is there.
    const task = my.uploadFile({url, fileName: 'file', filePath: URL.createObjectURL(file), hideLoading: true});
    task.onProgressUpdate(p => reports.push(p));
    task.onProgressUpdate(dropped);
    task.offProgressUpdate(dropped);
    const result = await task;
    expect(result.statusCode).to.equal(200);
    expect(removed).to.deep.equal([]);
    expect(reports.length, 'progress reports').to.be.at.least(3);
    const total = reports[0].totalBytesExpectedToWrite;
    expect(total).to.be.greaterThan(file.size); // the multipart body: the file and its part header
    for (const [i, r] of reports.entries()) {
      expect(Number.isInteger(r.progress) && r.progress >= 0 && r.progress <= 100, `progress ${r.progress}`).to.equal(true);
      expect(r.totalBytesExpectedToWrite).to.equal(total);
      if (i) expect(r.totalBytesWritten).to.be.at.least(reports[i - 1].totalBytesWritten);
      if (i) expect(r.progress).to.be.at.least(reports[i - 1].progress);
    }
    expect(reports.at(-1)).to.deep.equal({progress: 100, totalBytesWritten: total, totalBytesExpectedToWrite: total});
    expect(reports.filter(r => r.progress < 100).length, 'reports before the end').to.be.at.least(2);
    expect((await received())!.files[0].sha256).to.equal(await sha256(file));
  });

  it('should abort with 11, the server seeing the connection closed, and leave no toast', async () => {
    const {url, received} = endpoint('&slow=1');
    const rec = recorder();
    const task = my.uploadFile({url, fileName: 'file', filePath: URL.createObjectURL(noise(16 * 1024 * 1024)), ...rec});
    let progressed = false;
    task.onProgressUpdate(() => (progressed = true));
    await waitUntil(() => progressed, 'no progress', {timeout: 10000});
    expect(toastText()).to.contain('上传中');
    task.abort();
    const err = await failure(task);
    expect(err.error).to.equal(11);
    expect(rec.calls).to.deep.equal(['fail', 'complete']);
    expect(toastText()).to.equal(null);
    await waitUntil(async () => (await received())?.closedEarly, 'the server did not see the connection close', {timeout: 10000});
    expect((await received())!.complete).to.equal(false);
    task.abort(); // after the end: nothing happens
  });

  it('should abort with 11 when abort() comes at once, before anything is sent', async () => {
    const {url, received} = endpoint();
    const task = my.uploadFile({url, fileName: 'file', filePath: URL.createObjectURL(await makeImage(8, 8)), hideLoading: true});
    task.abort();
    expect((await failure(task)).error).to.equal(11);
    expect(await received()).to.equal(null);
  });

  it('should fail with 12 on a time-out and on a port nothing listens on, saying which', async () => {
    const filePath = URL.createObjectURL(await makeImage(8, 8));
    const timedOut = await failure(my.uploadFile({url: endpoint('&hang=1').url, fileName: 'file', filePath, timeout: 500, hideLoading: true}));
    expect(timedOut.error).to.equal(12);
    expect(timedOut.errorMessage).to.contain('网络错误').and.contain('timed out after 500 ms');
    const refused = await failure(my.uploadFile({url: `${server.refused}/upload`, fileName: 'file', filePath, hideLoading: true}));
    expect(refused.error).to.equal(12);
    expect(refused.errorMessage).to.contain('refused');
  });

  it('should fail with 13 for a filePath that cannot be read, sending nothing', async () => {
    const revoked = URL.createObjectURL(await makeImage(8, 8));
    URL.revokeObjectURL(revoked);
    for (const [filePath, reason] of [
      [revoked, 'revoked'],
      ['/test/fixtures/no-such-file.jpg', 'HTTP 404'],
    ]) {
      const {url, received} = endpoint();
      const err = await failure(my.uploadFile({url, fileName: 'file', filePath}));
      expect(err.error).to.equal(13);
      expect(err.errorMessage).to.contain(reason);
      expect(await received()).to.equal(null);
      expect(toastText()).to.equal(null);
    }
  });

  it('should show 上传中… while uploading without blocking the page, and no toast with hideLoading', async () => {
    const button = document.createElement('button');
    button.textContent = 'tap me';
    document.body.append(button);
    let tapped = 0;
    button.onclick = () => tapped++;
    const filePath = URL.createObjectURL(noise(8 * 1024 * 1024));
    const task = my.uploadFile({url: endpoint('&slow=1').url, fileName: 'file', filePath});
    await waitUntil(() => toastText(), 'no loading toast', {timeout: 5000});
    expect(toastText()).to.contain('上传中');
    await clickOn(button); // the toast covers the page, but takes no tap
    expect(tapped).to.equal(1);
    await task;
    expect(toastText()).to.equal(null);
    let seen = false;
    const quiet = my.uploadFile({url: endpoint('&slow=1').url, fileName: 'file', filePath, hideLoading: true});
    quiet.onProgressUpdate(() => (seen ||= !!toastText()));
    await quiet;
    expect(seen, 'a toast showed with hideLoading').to.equal(false);
    button.remove();
  });
});
