// custom-elements.json documents exactly SPEC §3's parts (and the parts of the web extensions)
// and events, and the element renders no part the manifest does not list.
import {expect, fixture, html} from '@open-wc/testing';
import type {ChooseImageSheet} from '../src/index.js';
import '../src/index.js';

const specParts = ['sheet', 'action-camera', 'action-album', 'action-cancel', 'video', 'shutter', 'switch-camera', 'retake', 'gallery', 'gallery-item', 'original-toggle', 'add-more', 'confirm', 'close', 'message'];
/** Beyond SPEC: the camera's torch and zoom (only where the camera has them); the gallery's tiles and preview. */
const extensionParts = ['torch', 'zoom', 'gallery-tile', 'preview', 'preview-select', 'preview-original', 'preview-confirm'];
const allParts = [...specParts, ...extensionParts];

describe('custom-elements.json', () => {
  let declaration: {tagName: string; cssParts: {name: string}[]; events: {name: string}[]; attributes: {name: string}[]; members: {name: string}[]; cssProperties: {name: string}[]};

  before(async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    declaration = manifest.modules.flatMap((m: {declarations: unknown[]}) => m.declarations).find((d: {tagName?: string}) => d.tagName === 'choose-image-sheet');
  });

  it('should list exactly the SPEC parts and the extensions\' parts', () => {
    expect(declaration.cssParts.map(p => p.name).sort()).to.deep.equal([...allParts].sort());
  });

  it('should list the events, attributes, methods and custom properties', () => {
    expect(declaration.events.map(e => e.name)).to.deep.equal(['success', 'fail', 'complete']);
    // exactly: internal state must not show up as attributes
    expect(declaration.attributes.map(a => a.name)).to.deep.equal(['count', 'size-type', 'source-type', 'camera', 'locale', 'extension', 'open']);
    expect(declaration.members.map(m => m.name)).to.include.members(['show', 'close']);
    expect(declaration.cssProperties.map(p => p.name)).to.include('--choose-image-sheet-accent');
  });

  it('should render only parts the manifest lists', async () => {
    const el = await fixture<ChooseImageSheet>(html`<choose-image-sheet count="2"></choose-image-sheet>`);
    const shown = el.show().catch(e => e);
    await el.updateComplete;
    const rendered = [...el.shadowRoot!.querySelectorAll('[part]')].flatMap(n => n.getAttribute('part')!.split(/\s+/));
    for (const name of rendered) expect(allParts, name).to.include(name);
    el.close();
    await shown;
  });
});
