import { exception } from './bridge';
import { makeEnum } from './enums';

/** HtmlService's HtmlOutput: the page authCallback returns. */
export class HtmlOutput {
  private title = '';
  private width = 600;
  private height = 400;

  constructor(private content: string) {}

  getContent(): string {
    return this.content;
  }

  setContent(content: unknown): HtmlOutput {
    this.content = String(content);
    return this;
  }

  append(addedContent: unknown): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }

  appendUntrusted(addedContent: unknown): HtmlOutput {
    return this.append(String(addedContent).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`));
  }

  clear(): HtmlOutput {
    this.content = '';
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: unknown): HtmlOutput {
    this.title = String(title);
    return this;
  }

  getWidth(): number {
    return this.width;
  }

  setWidth(width: unknown): HtmlOutput {
    this.width = Number(width);
    return this;
  }

  getHeight(): number {
    return this.height;
  }

  setHeight(height: unknown): HtmlOutput {
    this.height = Number(height);
    return this;
  }

  setSandboxMode(): HtmlOutput {
    return this;
  }

  setXFrameOptionsMode(): HtmlOutput {
    return this;
  }

  setFaviconUrl(): HtmlOutput {
    return this;
  }

  addMetaTag(): HtmlOutput {
    return this;
  }
}

export function createHtmlService(): Record<string, unknown> {
  return {
    SandboxMode: makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const),
    XFrameOptionsMode: makeEnum(['ALLOWALL', 'DEFAULT'] as const),
    createHtmlOutput: (html?: unknown) =>
      new HtmlOutput(html === undefined || html === null ? '' : String(html)),
    createHtmlOutputFromFile: () => {
      throw exception('The bundle has no HTML files: createHtmlOutputFromFile is not available.');
    },
    createTemplate: () => {
      throw exception('HtmlService templates are not available in the local runtime.');
    },
  };
}
