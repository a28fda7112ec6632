// The page's server module (Vite SSR): it imports the kit as the client does, so Node loads the
// package (Vite leaves dependencies to Node). What the kit does on a server is rendered into the
// page, where the suite reads it.
import {chooseImage, ChooseImageSheet} from 'choose-image-sheet';

const escape = text => text.replace(/[&<>"]/g, c => `&#${c.charCodeAt(0)};`);

export async function render() {
  const onServer = await chooseImage({count: 2}).catch(error => error);
  return `
    <choose-image-sheet count="2" size-type="compressed" source-type="album"></choose-image-sheet>
    <p id="server-element">${escape(typeof ChooseImageSheet)} ${escape(String(customElements.get('choose-image-sheet') === ChooseImageSheet))}</p>
    <p id="server-choose-image">${escape(JSON.stringify(onServer))}</p>`;
}
