// The demo page: every option as a control, both ways in (function and element), a live log,
// the results, and the reference document's own sample running as written.
import {chooseImage, my, revokeTempFiles} from '../src/index.js';

const form = document.querySelector('#controls');
const log = document.querySelector('#log');
const results = document.querySelector('#results');
const declarative = document.querySelector('#declarative');

function options() {
  const data = new FormData(form);
  const extension = String(data.get('extension') ?? '').split(/\s+/).filter(Boolean);
  return {
    count: Number(data.get('count')),
    sizeType: data.getAll('sizeType'),
    sourceType: data.getAll('sourceType'),
    camera: data.get('camera'),
    locale: data.get('locale'),
    extension: extension.length ? extension : undefined,
  };
}

function write(line) {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()}  ${line}`;
  log.prepend(li);
}

function show(result) {
  results.replaceChildren(
    ...result.tempFiles.map(f => {
      const li = document.createElement('li');
      const img = document.createElement('img');
      img.src = f.path;
      img.alt = f.file.name;
      const meta = document.createElement('small');
      meta.textContent = `${f.width}×${f.height} · ${(f.size / 1024).toFixed(1)} kB · ${f.type}`;
      li.append(img, meta);
      return li;
    })
  );
}

/**
 * What an app should do when the camera is refused: the call fails as Alipay's does (2001
 * refused at the prompt, 2002 blocked earlier), and the app tells the person how to allow it.
 */
function explainRefusal(err) {
  const en = document.documentElement.lang === 'en';
  if (err.error === 2001) {
    my.showToast({type: 'fail', duration: 3000, content: en ? 'Camera not allowed. Tap 📷 again and choose Allow, or pick from the album.' : '未允许使用摄像头。再点一次拍照并选择“允许”，或从相册选择。'});
  } else if (err.error === 2002) {
    my.showToast({
      type: 'fail',
      duration: 4000,
      content: en
        ? 'The camera is blocked for this site. Allow it in the browser: the icon beside the address, then Camera → Allow.'
        : '已禁止本网站使用摄像头。请在浏览器地址栏旁的网站设置中，把“摄像头”改为“允许”。',
    });
  }
}

const callbacks = {
  success: res => write(`success ${JSON.stringify(res.tempFilePaths)}`),
  fail: err => {
    write(`fail ${JSON.stringify(err)}`);
    explainRefusal(err);
  },
  complete: () => write('complete'),
};

document.querySelector('#call').addEventListener('click', () => {
  chooseImage({...options(), ...callbacks}).catch(() => {});
});

document.querySelector('#element').addEventListener('click', () => {
  Object.assign(declarative, options());
  declarative.show().catch(() => {});
});
for (const name of ['success', 'fail', 'complete']) {
  declarative.addEventListener(name, e => write(`<choose-image-sheet> ${name} event`));
}
declarative.addEventListener('fail', e => explainRefusal(e.detail));

document.querySelector('#revoke').addEventListener('click', () => {
  revokeTempFiles();
  write('revokeTempFiles(): every blob URL released');
});

form.addEventListener('change', () => {
  const {locale} = options();
  document.documentElement.lang = locale;
  const theme = new FormData(form).get('theme');
  document.body.className = theme === 'default' ? '' : theme;
});

// Every sheet's success event bubbles out of it (composed), whichever way it was opened.
document.addEventListener('success', e => show(e.detail));

// The reference document's sample, verbatim inside selectImage(). my.previewImage and
// my.showToast load on first use.
window.my = my;
document.querySelector('#sample').addEventListener('click', function selectImage() {
  my.chooseImage({
    sourceType: ['camera','album'],
    count: 2,
    success: (res) => {
      console.log(res);
      my.previewImage({
        current: 2,
        // res.tempFilePaths本地临时文件列表
        urls: res.tempFilePaths,
      });
    },
    fail:(res)=>{
    // 错误处理的一些自定义操作：推荐以下2种处理方式，具体处理方法可根据业务场景自定义。
    // 方式一：可以直接展示错误码
        my.showToast({type:'fail',content:`错误码：${res.error}`,duration:1000})
    // 方式二：还可以展示错误信息
    //  my.showToast({type:'fail',content:`${JSON.stringify(res)}`,duration:1000})
    },
    complete:()=>{
        // 进行一些调用结束后的操作
        console.log('调用结束，无论成功和失败都会运行')
    }
  })
});
