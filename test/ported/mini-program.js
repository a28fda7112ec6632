// What a mini-program page needs on the web besides `my`: the framework's getApp(), Page(),
// getCurrentPages() and setData, in a few lines. A page written for Alipay runs on it unchanged.
export function installMiniProgram(my, app = {globalData: {}}) {
  const pages = [];
  Object.assign(globalThis, {
    my,
    getApp: () => app,
    getCurrentPages: () => pages,
    Page: spec => {
      const page = Object.assign(Object.create(spec), {data: {...spec.data}});
      page.setData = patch => Object.assign(page.data, patch);
      pages.push(page);
      page.onLoad?.();
    },
  });
}
