import { useEffect, useId, useRef, useState } from 'react';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { ConventionInUse } from './conventions-summary';
import './ConventionsDisclosure.css';

/**
 * A "Conventions" button that shows, next to the filters, how this project's numbers are computed. A
 * disclosure rather than a modal: it can stay open while the reader looks at a chart. Escape or a click
 * elsewhere closes it; Escape returns focus to the button.
 */
export function ConventionsDisclosure({ conventions }: { conventions: readonly ConventionInUse[] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const closeOutside = (event: MouseEvent) => {
      if (container.current && !container.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  return (
    <div
      className="fm-conventions"
      ref={container}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        type="button"
        ref={button}
        className="fm-conventions-button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="conventions-button"
        onClick={() => setOpen((was) => !was)}
      >
        Conventions
      </button>
      <div
        id={panelId}
        className="fm-conventions-panel"
        role="region"
        aria-label="Conventions in use"
        hidden={!open}
        data-testid="conventions-panel"
      >
        <Text as="p" weight="medium">
          How these numbers are computed
        </Text>
        <dl className="fm-conventions-list">
          {conventions.map((convention) => (
            <div key={convention.topic} className="fm-conventions-entry">
              <dt>
                <Text size="small" weight="medium">
                  {convention.topic}
                </Text>
              </dt>
              <dd>
                <Text size="small">{convention.text}</Text>
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
