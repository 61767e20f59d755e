/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { failed, ok } from '../../testing/resolver-fixtures';
import { mockSettingsBridge } from '../../testing/settings-bridge';
import { GeneratedPathsForm, parsePatternList } from './GeneratedPathsForm';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), requestJira: jest.fn() }));

const { invokeMock } = mockSettingsBridge();
const LIMITS = { maxPatterns: 50, maxLength: 200 };
const stored = (patterns: string[]) => ok({ patterns, lockfiles: ['package-lock.json', 'yarn.lock'], limits: LIMITS });
const field = () => screen.getByLabelText<HTMLTextAreaElement>('Generated paths');
const save = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save generated paths' });

describe('the generated paths form', () => {
  it('shows the stored patterns and the lockfiles always left out', async () => {
    invokeMock.mockResolvedValueOnce(stored(['src/api/generated/**']));
    render(<GeneratedPathsForm />);
    await waitFor(() => expect(field().value).toBe('src/api/generated/**'));
    expect(screen.getByTestId('generated-paths').textContent).toContain('package-lock.json, yarn.lock');
    expect(save().disabled).toBe(true); // nothing changed yet
  });

  it('checks patterns as typed, by the rule the app stores them with, and saves a valid list', async () => {
    invokeMock
      .mockResolvedValueOnce(stored([]))
      .mockResolvedValueOnce(stored(['**/*.pb.go', 'dist/']))
      .mockResolvedValueOnce(stored(['**/*.pb.go', 'dist/']));
    render(<GeneratedPathsForm />);
    await waitFor(() => expect(field().value).toBe(''));
    fireEvent.change(field(), { target: { value: '**/*.pb.go\n!keep.js' } });
    expect(screen.getByTestId('generated-paths-problem').textContent).toMatch(/negative patterns are not supported/);
    expect(save().disabled).toBe(true);
    fireEvent.change(field(), { target: { value: '**/*.pb.go\n\ndist/\n' } });
    expect(screen.queryByTestId('generated-paths-problem')).toBeNull();
    fireEvent.click(save());
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith('setGeneratedPaths', { patterns: ['**/*.pb.go', 'dist/'] }));
    expect(await screen.findByTestId('generated-paths-saved')).toBeTruthy();
  });

  it('keeps what was typed when the app refuses it', async () => {
    invokeMock.mockResolvedValueOnce(stored([])).mockResolvedValueOnce(failed('INVALID_INPUT', 'patterns.0: "x" is not a path pattern.'));
    render(<GeneratedPathsForm />);
    await waitFor(() => expect(field().value).toBe(''));
    fireEvent.change(field(), { target: { value: 'gen/**' } });
    fireEvent.click(save());
    expect((await screen.findByTestId('action-error')).textContent).toContain('not a path pattern');
    expect(field().value).toBe('gen/**');
  });

  it('reads one pattern a line, blank lines dropped', () => {
    expect(parsePatternList(' a/** \r\n\n b/*.js\n')).toEqual(['a/**', 'b/*.js']);
  });
});
