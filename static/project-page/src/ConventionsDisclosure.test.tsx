/** @jest-environment jsdom */
import '../../testing/atlaskit-test-env';
import { fireEvent, render, screen } from '@testing-library/react';
import { ConventionsDisclosure } from './ConventionsDisclosure';

const conventions = [
  { topic: 'When an item starts', text: 'When it enters In Progress or any later stage.' },
  { topic: 'At risk', text: 'Older than the 85th percentile.' },
];

describe('the conventions disclosure', () => {
  it('opens from its button and says so to assistive technology', () => {
    render(<ConventionsDisclosure conventions={conventions} />);
    const button = screen.getByRole('button', { name: 'Conventions' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Conventions in use' })).toBeNull();

    fireEvent.click(button);

    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Conventions in use' });
    expect(button.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.textContent).toContain('When an item startsWhen it enters In Progress');
    expect(panel.textContent).toContain('Older than the 85th percentile.');
  });

  it('closes with Escape and gives the focus back to its button', () => {
    render(<ConventionsDisclosure conventions={conventions} />);
    const button = screen.getByTestId('conventions-button');
    fireEvent.click(button);
    const panel = screen.getByTestId('conventions-panel');
    panel.setAttribute('tabindex', '-1');
    panel.focus();

    fireEvent.keyDown(panel, { key: 'Escape' });

    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByTestId('conventions-panel').hidden).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it('closes on a click elsewhere, and stays open on a click inside', () => {
    render(
      <div>
        <p>elsewhere</p>
        <ConventionsDisclosure conventions={conventions} />
      </div>,
    );
    fireEvent.click(screen.getByTestId('conventions-button'));
    fireEvent.mouseDown(screen.getByText('At risk'));
    expect(screen.getByTestId('conventions-panel').hidden).toBe(false);
    fireEvent.mouseDown(screen.getByText('elsewhere'));
    expect(screen.getByTestId('conventions-panel').hidden).toBe(true);
  });
});
