// A mini-program page written for Alipay (test/ported/upload-page.js) runs unchanged on the web:
// my.chooseImage → res.apFilePaths[0] → my.uploadFile with progress, through a real tap, a real
// pick and a real upload to a real server, which received exactly the chosen image.
import {expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {my, revokeTempFiles} from '../../src/index.js';
import {asFile, chooseFiles, clickOn, makeImage, openedSheet, part, partReady, sha256} from '../helpers/index.js';
// @ts-expect-error plain JavaScript, as mini-program code is
import {installMiniProgram} from '../ported/mini-program.js';

interface UploadPage {
  data: {imageSrc: string; progress: number; uploading: boolean; result: string; statusCode?: number};
  chooseAndUpload(): void;
}

describe('a ported mini-program page', () => {
  after(() => revokeTempFiles());

  it('should choose a photo with a real tap and pick, and upload it with progress to a real server, unchanged', async () => {
    const {origin} = await executeServerCommand<{origin: string}, undefined>('upload-server');
    installMiniProgram(my, {globalData: {apiBase: origin}});
    // @ts-expect-error plain JavaScript
    await import('../ported/upload-page.js');
    const page = (globalThis as unknown as {getCurrentPages(): UploadPage[]}).getCurrentPages()[0];

    // The page's button, wired as its template's onTap would be.
    const button = document.createElement('button');
    button.textContent = '上传头像';
    button.onclick = () => page.chooseAndUpload();
    document.body.append(button);
    await clickOn(button);
    const sheet = await openedSheet();
    await chooseFiles(part(sheet, 'action-album')!, [asFile(await makeImage(2400, 1800), 'IMG_2024.jpg')]);
    // count 1 with both size types: the photo is reviewed with 原图 (off); 使用照片 returns it compressed.
    await clickOn(await partReady(sheet, 'confirm'));

    await waitUntil(() => page.data.result, 'the page was not told of the upload', {timeout: 20000});
    expect(page.data).to.deep.include({statusCode: 200, result: 'received ported-page', uploading: false, progress: 100});
    expect(page.data.imageSrc).to.match(/^blob:/);

    const chosen = await (await fetch(page.data.imageSrc)).blob();
    const got = await executeServerCommand<{fields: Record<string, string>; files: {field: string; name: string; type: string; size: number; sha256: string}[]}, {id: string}>('upload-received', {id: 'ported-page'});
    expect(got.fields).to.deep.equal({scene: 'avatar'});
    expect(got.files).to.have.length(1);
    expect(got.files[0]).to.deep.include({field: 'file', type: 'image/jpeg', size: chosen.size, sha256: await sha256(chosen)});
    expect(got.files[0].name).to.match(/^IMG_\d{8}_\d{6}_\d+\.jpg$/); // the compressed copy's name
    button.remove();
  });

  it('should be the page the README shows, as written', async () => {
    const page = await (await fetch('/test/ported/upload-page.js')).text();
    const readme = await (await fetch('/README.md')).text();
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    const body = page.slice(page.indexOf('const app = getApp();'));
    expect(flat(readme)).to.contain(flat(body));
  });
});
