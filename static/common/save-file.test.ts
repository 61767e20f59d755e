/** @jest-environment jsdom */
import { saveFile } from './save-file';

describe('saving a file', () => {
  it('clicks a link to the data under the file name, and frees the data once the click is handled', () => {
    jest.useFakeTimers();
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:report'), revokeObjectURL });
    const clicked: Array<{ href: string; download: string; inDocument: boolean }> = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });
    saveFile(new Blob(['key,cycle time\n']), 'FLOW-issues.csv');
    expect(clicked).toEqual([{ href: 'blob:report', download: 'FLOW-issues.csv', inDocument: true }]);
    expect(document.querySelector('a')).toBeNull();
    expect(revokeObjectURL).not.toHaveBeenCalled();
    jest.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:report');
    click.mockRestore();
    jest.useRealTimers();
  });
});
