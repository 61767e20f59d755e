import './settings-form.css';

export interface TokenFieldProps {
  id: string;
  label: string;
  value: string;
  /** Why what was typed cannot be this kind of token, or null. */
  problem: string | null;
  onChange: (value: string) => void;
}

/**
 * Where an admin pastes a token: masked, never offered for autofill or spell-checking (which could send it
 * to a dictionary service), and cleared by the section as soon as the token is sent.
 */
export function TokenField({ id, label, value, problem, onChange }: TokenFieldProps) {
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="settings-input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-invalid={problem !== null}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem && <span className="settings-error">{problem}</span>}
    </div>
  );
}
