// A mini-program page as Alipay developers write it: choose a photo, show it, upload it with
// progress. Run unchanged on the web by test/companions/ported-page.test.ts; the README's
// "Porting a mini-program page" shows it.
const app = getApp();

Page({
  data: {
    imageSrc: '',
    progress: 0,
    uploading: false,
    result: '',
  },
  chooseAndUpload() {
    my.chooseImage({
      count: 1,
      success: res => {
        const filePath = res.apFilePaths[0];
        this.setData({imageSrc: filePath, uploading: true});
        const task = my.uploadFile({
          url: `${app.globalData.apiBase}/upload?id=ported-page`,
          fileType: 'image',
          fileName: 'file',
          filePath,
          formData: {scene: 'avatar'},
          success: r => this.setData({result: r.data, statusCode: r.statusCode}),
          fail: err => my.showToast({type: 'fail', content: `上传失败：${err.errorMessage}`}),
          complete: () => this.setData({uploading: false}),
        });
        task.onProgressUpdate(({progress}) => this.setData({progress}));
      },
      fail: err => console.log('chooseImage failed', err.error),
    });
  },
});
