import { csvText } from './csv';

describe('CSV for spreadsheets', () => {
  it('quotes what needs quoting and keeps formula-like text from running', () => {
    expect(
      csvText(
        ['Status', 'Age'],
        [
          ['=HYPERLINK("x")', 3],
          ['In "Review", QA', null],
          ['-Done', -2],
        ],
      ),
    ).toBe('Status,Age\r\n"\'=HYPERLINK(""x"")",3\r\n"In ""Review"", QA",\r\n\'-Done,-2\r\n');
  });

  it('ends lines as asked', () => {
    expect(csvText(['a'], [[1]], '\n')).toBe('a\n1\n');
  });
});
