// The same esbuild app with the kit's worker and HEIC decoder from a CDN, the one setting the
// README gives for that, called before the first chooseImage(). (A real app writes its CDN's
// address here; the suite's stand-in CDN runs on a port of its choosing and passes it in the
// page's address.)
import {setAssetPath} from 'choose-image-sheet';
import './main.js';

setAssetPath(new URLSearchParams(location.search).get('cdn') ?? 'https://cdn.example.com/choose-image-sheet@0.1.0/dist/');
