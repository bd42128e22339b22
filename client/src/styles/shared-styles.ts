import { css } from 'lit';

/** Base rules for form controls, tables and messages, added to every component's styles. */
export const sharedStyles = css`
  :host {
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  h1,
  h2,
  h3 {
    margin: 0 0 var(--space);
    line-height: 1.25;
  }
  h1 {
    font-size: 1.4rem;
  }
  h2 {
    font-size: 1.15rem;
  }
  h3 {
    font-size: 1rem;
  }

  button {
    font: inherit;
    padding: 6px 12px;
    border-radius: var(--radius);
    border: 1px solid var(--color-border);
    background: var(--color-surface);
    color: var(--color-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--color-accent);
    border-color: var(--color-accent);
    color: var(--color-accent-text);
  }
  button.danger {
    color: var(--color-danger);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  tr:focus-visible {
    outline: 2px solid var(--color-accent);
    outline-offset: 1px;
  }

  input,
  select,
  textarea {
    font: inherit;
    padding: 6px 8px;
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
    background: var(--color-surface);
    color: var(--color-text);
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }
  .field {
    margin-bottom: calc(var(--space) * 1.5);
  }
  .field input,
  .field select,
  .field textarea {
    width: 100%;
  }

  .panel {
    background: var(--color-surface);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
    padding: calc(var(--space) * 2);
  }

  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 5px 8px;
    border-bottom: 1px solid var(--color-border);
    vertical-align: top;
  }
  th {
    font-weight: 600;
    color: var(--color-muted);
    white-space: nowrap;
  }
  tr.clickable {
    cursor: pointer;
  }
  tr.clickable:hover,
  tr.selected {
    background: var(--color-selected);
  }

  .muted {
    color: var(--color-muted);
  }
  .mono {
    font-family: var(--font-mono);
    font-size: 0.92em;
  }
  .error {
    color: var(--color-danger);
    background: var(--color-danger-bg);
    border-radius: var(--radius);
    padding: 6px 10px;
    margin: var(--space) 0;
  }
  .success {
    color: var(--color-success);
    background: var(--color-success-bg);
    border-radius: var(--radius);
    padding: 6px 10px;
    margin: var(--space) 0;
  }
  /* Exercise-wide states a user must not miss: a frozen scoreboard, an ended exercise. */
  .frozen-badge,
  .ended-banner {
    display: inline-block;
    border-radius: var(--radius);
    padding: 4px 10px;
    font-weight: 600;
  }
  .frozen-badge {
    color: var(--color-medium);
    background: var(--color-warning-bg);
    border: 1px solid var(--color-medium);
  }
  .ended-banner {
    color: var(--color-text);
    background: var(--color-selected);
    border: 1px solid var(--color-accent);
  }
  .spacer {
    flex: 1;
  }
  .row {
    display: flex;
    gap: var(--space);
    align-items: center;
    flex-wrap: wrap;
  }
  .severity-HIGH {
    color: var(--color-high);
    font-weight: 700;
  }
  .severity-MEDIUM {
    color: var(--color-medium);
    font-weight: 700;
  }
  .severity-LOW {
    color: var(--color-low);
    font-weight: 700;
  }
  [hidden] {
    display: none !important;
  }
`;

/** A two-column term and value list (`dl`), as the detail panes of findings and IAM nodes use it. */
export const detailListStyles = css`
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 4px 12px;
    margin: 0 0 var(--space);
  }
  dt {
    color: var(--color-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
