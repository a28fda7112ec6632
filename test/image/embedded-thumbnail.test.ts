// A photo's EXIF thumbnail, for a tile to show until the photo decodes: only one of the photo's
// own shape.
import {expect} from '@open-wc/testing';
import {embeddedThumbnail} from '../../src/image/embedded-thumbnail.js';
import {makeImage} from '../helpers/index.js';
import {withExifOrientation, withExifThumbnail} from '../helpers/image-bytes.js';

describe('embeddedThumbnail', () => {
  it('should give the EXIF thumbnail as a JPEG that decodes, with the orientation the photo is shown with', async () => {
    const found = await embeddedThumbnail(await withExifThumbnail(await makeImage(1600, 1200), await makeImage(160, 120), {orientation: 6}));
    expect(found?.orientation).to.equal(6);
    expect(found!.blob.type).to.equal('image/jpeg');
    const bitmap = await createImageBitmap(found!.blob);
    expect([bitmap.width, bitmap.height]).to.deep.equal([160, 120]);
    bitmap.close();
  });

  it('should give none of another shape (a crop that kept the old thumbnail, a letterboxed one), and none where there is none', async () => {
    expect(await embeddedThumbnail(await withExifThumbnail(await makeImage(1200, 1200), await makeImage(160, 120)))).to.equal(undefined);
    expect(await embeddedThumbnail(await withExifThumbnail(await makeImage(1920, 1080), await makeImage(160, 120)))).to.equal(undefined);
    expect(await embeddedThumbnail(await withExifOrientation(await makeImage(160, 120), 1))).to.equal(undefined);
    expect(await embeddedThumbnail(await makeImage(160, 120, 'image/png'))).to.equal(undefined);
  });
});
