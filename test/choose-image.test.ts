import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {chooseImage, ChooseImageError, my} from '../src/index.js';
import {clickAt, clickOn, openedSheet, part, recorder, sheetsGone} from './helpers/index.js';

const settle = (p: Promise<unknown>) => p.then(v => ({ok: true, v}), e => ({ok: false, e: e as ChooseImageError}));

describe('chooseImage', () => {
  afterEach(() => document.querySelectorAll('choose-image-sheet').forEach(el => el.remove()));

  describe('cancel paths', () => {
    const paths: Array<[string, (sheet: HTMLElement & {close(): void}, abort: AbortController) => Promise<unknown> | void]> = [
      ['the cancel button', sheet => clickOn(part(sheet as never, 'action-cancel')!)],
      ['Escape', () => sendKeys({press: 'Escape'})],
      ['the backdrop', () => clickAt(5, 5)],
      ['signal abort', (_s, abort) => abort.abort()],
      ['close()', sheet => sheet.close()],
      ['removing the element', sheet => sheet.remove()],
    ];
    for (const [name, act] of paths) {
      it(`should fail with 11 after ${name}, calling fail then complete once`, async () => {
        const rec = recorder();
        const abort = new AbortController();
        const pending = settle(chooseImage({...rec, signal: abort.signal}));
        const sheet = await openedSheet();
        await act(sheet, abort);
        const out = await pending;
        expect(out.ok).to.equal(false);
        expect(JSON.stringify((out as {e: ChooseImageError}).e)).to.equal('{"error":11,"errorMessage":"用户取消操作"}');
        expect(rec.calls).to.deep.equal(['fail', 'complete']);
        expect(rec.args[0]).to.equal((out as {e: unknown}).e);
        await sheetsGone();
      });
    }
  });

  it('should fail at once with 11 when the signal is already aborted, mounting nothing', async () => {
    const rec = recorder();
    const out = await settle(chooseImage({...rec, signal: AbortSignal.abort()}));
    expect((out as {e: ChooseImageError}).e.error).to.equal(11);
    expect(rec.calls).to.deep.equal(['fail', 'complete']);
    expect(document.querySelector('choose-image-sheet') === null, 'should be absent').to.equal(true);
  });

  it('should fail a second call with 3 and leave the open one going', async () => {
    const first = settle(chooseImage());
    const sheet = await openedSheet();
    const rec = recorder();
    const second = await settle(chooseImage(rec));
    expect((second as {e: ChooseImageError}).e.error).to.equal(3);
    expect((second as {e: ChooseImageError}).e.errorMessage).to.contain('another chooseImage is open');
    expect(rec.calls).to.deep.equal(['fail', 'complete']);
    expect(sheet.isConnected).to.equal(true);
    expect(sheet.open).to.equal(true);
    sheet.close();
    expect(((await first) as {e: ChooseImageError}).e.error).to.equal(11);
  });

  it('should settle 20 calls in a row, each cancelled, in order', async () => {
    const order: number[] = [];
    for (let i = 0; i < 20; i++) {
      const pending = chooseImage({complete: () => order.push(i)});
      const sheet = await openedSheet();
      sheet.close();
      expect(((await settle(pending)) as {e: ChooseImageError}).e.error).to.equal(11);
    }
    expect(order).to.deep.equal([...Array(20).keys()]);
    await sheetsGone();
  });

  it('should mount in the container and leave nothing there after settling', async () => {
    const container = document.createElement('section');
    document.body.append(container);
    const pending = settle(chooseImage({container}));
    const sheet = await openedSheet(container);
    expect(sheet.parentElement === container, 'mounted in the container').to.equal(true);
    sheet.close();
    await pending;
    await sheetsGone(container);
    expect(container.childNodes.length).to.equal(0);
    container.remove();
  });

  it('should cancel with 11 when the container is removed', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const pending = settle(chooseImage({container}));
    await openedSheet(container);
    container.remove();
    expect(((await pending) as {e: ChooseImageError}).e.error).to.equal(11);
  });

  it('should report a throwing callback and still settle, and the next call works', async () => {
    const reported: unknown[] = [];
    // reportError() reaches window.onerror, where mocha would count it against this test.
    const mochaOnError = window.onerror;
    window.onerror = (_message, _source, _line, _column, error) => {
      reported.push(error);
      return true;
    };
    const calls: string[] = [];
    const pending = settle(
      chooseImage({
        fail: () => {
          calls.push('fail');
          throw new Error('boom in fail');
        },
        complete: () => {
          calls.push('complete');
          throw new Error('boom in complete');
        },
      })
    );
    (await openedSheet()).close();
    const out = await pending;
    window.onerror = mochaOnError;
    expect((out as {e: ChooseImageError}).e.error).to.equal(11);
    expect(calls).to.deep.equal(['fail', 'complete']);
    expect(reported.map(e => (e as Error).message)).to.deep.equal(['boom in fail', 'boom in complete']);

    const next = settle(chooseImage());
    (await openedSheet()).close();
    expect(((await next) as {e: ChooseImageError}).e.error).to.equal(11);
  });

  it('should not report an unhandled rejection when fail or complete handles the failure', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: PromiseRejectionEvent) => unhandled.push(e.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    let failed = false;
    void my.chooseImage({fail: () => (failed = true)}); // the promise is ignored, as mini-program code does
    (await openedSheet()).close();
    await waitUntil(() => failed);
    await new Promise(r => setTimeout(r, 50));
    window.removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  it('should run mini-program code through my.chooseImage', async () => {
    const rec = recorder();
    const result = my.chooseImage({sourceType: ['camera', 'album'], count: 2, ...rec});
    const sheet = await openedSheet();
    expect(sheet.count).to.equal(2);
    const failed = oneEvent(sheet, 'fail');
    part(sheet, 'action-cancel')!.click();
    expect((await failed).detail.error).to.equal(11);
    await settle(result);
    expect(rec.calls).to.deep.equal(['fail', 'complete']);
  });

  it('should return focus to the element that had it', async () => {
    const button = document.createElement('button');
    button.textContent = 'open';
    document.body.append(button);
    button.focus();
    const pending = settle(chooseImage());
    const sheet = await openedSheet();
    await waitUntil(() => sheet.shadowRoot!.activeElement, 'focus did not move into the sheet');
    await sendKeys({press: 'Escape'});
    await pending;
    expect(document.activeElement === button, 'focus went back to the button').to.equal(true);
    button.remove();
  });
});
