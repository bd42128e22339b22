import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CloudTrailAttributes } from '../../../../shared/schemas.js';
import { Limits } from '../../../../shared/limits.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { attributeLabel, attributeOptions, withAttribute, type AttributeKey } from './attributes.js';

/**
 * Lookup attributes of the CloudTrail browser as removable chips. Each attribute has one value,
 * so adding it again replaces the value. All chips apply together.
 *
 * @fires attributes-change - CustomEvent<CloudTrailAttributes> with the new set of filters.
 */
@customElement('trail-filter-bar')
export class TrailFilterBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        gap: var(--space);
        align-items: end;
        flex-wrap: wrap;
      }
      form label {
        font-size: 12px;
      }
      .value {
        flex: 1;
        min-width: 200px;
      }
      .value input {
        width: 100%;
      }
      ul {
        list-style: none;
        margin: var(--space) 0 0;
        padding: 0;
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
      }
      li {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        padding: 2px 4px 2px 10px;
        border: 1px solid var(--color-accent);
        border-radius: 999px;
        font-size: 13px;
      }
      li button {
        padding: 0 6px;
        border: none;
        background: transparent;
        font-size: 14px;
        line-height: 1.2;
      }
    `,
  ];

  @property({ attribute: false }) lookups: CloudTrailAttributes = {};

  @state() private key: AttributeKey = 'userName';
  @state() private value = '';
  @state() private message = '';

  override render() {
    const option = attributeOptions.find((candidate) => candidate.key === this.key)!;
    const chips = attributeOptions.filter((candidate) => this.lookups[candidate.key] !== undefined);
    return html`
      <form @submit=${this.onSubmit} aria-label="Attribute filters">
        <div>
          <label for="attribute">Lookup attribute</label>
          <select id="attribute" data-testid="cloudtrail-attribute" .value=${this.key} @change=${this.onKeyChange}>
            ${attributeOptions.map((candidate) => html`<option value=${candidate.key} ?selected=${candidate.key === this.key}>${candidate.label}</option>`)}
          </select>
        </div>
        <div class="value">
          <label for="value">Value</label>
          ${this.key === 'readOnly'
            ? html`<select id="value" data-testid="cloudtrail-attribute-value" .value=${this.value || 'true'} @change=${this.onValueInput}>
                <option value="true">true</option>
                <option value="false">false</option>
              </select>`
            : html`<input
                id="value"
                data-testid="cloudtrail-attribute-value"
                maxlength=${Limits.cloudTrailFilterValueMaxLength}
                placeholder=${option.placeholder}
                autocomplete="off"
                spellcheck="false"
                .value=${this.value}
                @input=${this.onValueInput}
                @keydown=${this.onValueKey}
              />`}
        </div>
        <button type="submit" data-testid="cloudtrail-attribute-add">Add filter</button>
        ${chips.length > 1 ? html`<button type="button" data-testid="cloudtrail-attribute-clear" @click=${this.clearAll}>Clear filters</button>` : null}
      </form>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : null}
      ${chips.length > 0
        ? html`<ul aria-label="Active attribute filters" data-testid="cloudtrail-chips">
            ${chips.map((chip) => {
              const text = `${chip.label} = ${String(this.lookups[chip.key])}`;
              return html`<li data-testid="cloudtrail-chip" data-attribute=${chip.key}>
                <span>${text}</span>
                <button type="button" aria-label=${`Remove filter ${text}`} data-testid="cloudtrail-chip-remove" @click=${() => this.removeFilter(chip.key)}>×</button>
              </li>`;
            })}
          </ul>`
        : null}
    `;
  }

  private onKeyChange(event: Event): void {
    this.key = (event.target as HTMLSelectElement).value as AttributeKey;
    this.value = '';
    this.message = '';
  }

  private onValueInput(event: Event): void {
    this.value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.message = '';
  }

  /** Backspace in the empty input removes the newest chip, as in the console's filter bar. */
  private onValueKey(event: KeyboardEvent): void {
    if (event.key !== 'Backspace' || this.value !== '') return;
    const last = attributeOptions.filter((candidate) => this.lookups[candidate.key] !== undefined).at(-1);
    if (last) this.removeFilter(last.key);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    let value: string | boolean;
    if (this.key === 'readOnly') {
      value = (this.value || 'true') === 'true';
    } else {
      value = this.value.trim();
      if (value === '') {
        this.message = `Type a value for ${attributeLabel(this.key)} first.`;
        return;
      }
    }
    this.value = '';
    this.emit(withAttribute(this.lookups, this.key, value));
  }

  private removeFilter(key: AttributeKey): void {
    this.emit(withAttribute(this.lookups, key, undefined));
    // The chip's button is gone after the update, so focus goes back to the value input.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#value')?.focus());
  }

  private clearAll(): void {
    this.emit({});
  }

  private emit(attributes: CloudTrailAttributes): void {
    this.dispatchEvent(new CustomEvent<CloudTrailAttributes>('attributes-change', { detail: attributes, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'trail-filter-bar': TrailFilterBar;
  }
}
