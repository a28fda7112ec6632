// The `my` object of Alipay mini-programs, so `my.chooseImage({...})` runs unchanged.
import {chooseImage} from './choose-image.js';

/** Alipay's `my` namespace, with the APIs this package brings to the web. */
export const my = {chooseImage};
