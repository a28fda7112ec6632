import {expect} from '@open-wc/testing';
import {ChooseImageError, ErrorCode} from '../src/index.js';

describe('ChooseImageError', () => {
  it('should print Alipay\'s shape with JSON.stringify', () => {
    const err = new ChooseImageError(ErrorCode.CANCELLED);
    expect(JSON.stringify(err)).to.equal('{"error":11,"errorMessage":"用户取消操作"}');
  });

  it('should have exactly error and errorMessage as own enumerable properties', () => {
    const err = new ChooseImageError(ErrorCode.PERMISSION_REFUSED);
    expect(Object.keys(err)).to.deep.equal(['error', 'errorMessage']);
    expect(err).to.be.instanceOf(Error);
    expect(err.message).to.equal('用户不允许授权');
    expect(err.name).to.equal('ChooseImageError');
  });

  it('should carry Alipay\'s codes, and the companions\' 12 and 13', () => {
    expect(ErrorCode).to.deep.equal({
      INVALID_OPTION: 2,
      UNKNOWN: 3,
      CANCELLED: 11,
      NETWORK: 12,
      UNREADABLE: 13,
      PERMISSION_REFUSED: 2001,
      PERMISSION_BLOCKED: 2002,
    });
    expect(new ChooseImageError(ErrorCode.PERMISSION_BLOCKED).errorMessage).to.contain('网站设置');
  });
});
