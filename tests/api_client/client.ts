// A partner's client of the content API, typed from the OpenAPI document:
//   npx openapi-typescript https://<site>/api/v2/schema/ -o schema.d.ts
import type { components } from "./schema";

type Schemas = components["schemas"];
export type Listing = Schemas["PageListing"];
export type Story = Schemas["TestimonyPage"];
export type Block = Schemas["Block"];
export type RichText = Schemas["RichText"];
export type RichTextNode = Schemas["RichTextNode"];
export type Inline = Schemas["RichTextInline"];
export type Changes = Schemas["Changes"];
export type Change = Schemas["Change"];

export class ContentApi {
  // base: "https://<site>/api/v2/"
  constructor(private readonly base: string) {}

  private async get<T>(url: string): Promise<T> {
    // Every URL in an answer is absolute; relative ones are this client's own.
    const response = await fetch(url.startsWith("http") ? url : this.base + url);
    if (!response.ok) {
      const error = (await response.json()) as Schemas["Error"];
      throw new Error(`${response.status}: ${error.message}`);
    }
    return (await response.json()) as T;
  }

  // 1. List: every story in a language, page by page, following meta.next.
  async *stories(locale: string): AsyncGenerator<Listing["items"][number]> {
    let url: string | null = `pages/?type=stories.TestimonyPage&locale=${locale}&limit=50`;
    while (url) {
      const page: Listing = await this.get<Listing>(url);
      yield* page.items;
      url = page.meta.next;
    }
  }

  // 2. Detail: one story with its blocks and images.
  story(detailUrl: string): Promise<Story> {
    return this.get<Story>(detailUrl);
  }

  // 3. Translations: the same story in the languages its teller's consent allows.
  translations(story: Story): Promise<Story[]> {
    return Promise.all(story.translations.map((link) => this.story(link.detail_url)));
  }

  // 4. Feed: what changed after the last event seen. Keep meta.next and ask it again later;
  //    on "unpublished" or "withdrawn", remove the page at once (the takedown duty).
  async changes(next: string): Promise<{ items: Change[]; next: string; more: boolean }> {
    const page = await this.get<Changes>(next);
    return { items: page.items, next: page.meta.next, more: page.meta.more };
  }
}

export function mustRemove(change: Change): boolean {
  return change.event === "unpublished" || change.event === "withdrawn";
}

// Blocks: a discriminated union on `type`; the compiler knows each block's value.
export function blockText(block: Block): string {
  switch (block.type) {
    case "chapter":
      return block.value.heading;
    case "text":
      return plainText(block.value);
    case "testimony_quote":
      return `${block.value.quote} (${block.value.pseudonym})`;
    case "pull_quote":
      return block.value.quote;
    case "figure":
      return block.value.image?.alt ?? block.value.caption;
    case "backdrop":
      return block.value.cards.map(plainText).join("\n");
    case "scrolly_steps":
      return block.value.steps.map((step) => plainText(step.text)).join("\n");
    case "key_figures":
      return block.value.figures.map((f) => `${f.figure} ${f.label}`).join("\n");
    case "timeline":
      return block.value.events.map((e) => `${e.when}: ${e.title}`).join("\n");
    case "audio":
      return plainText(block.value.transcript);
    case "video":
      return plainText(block.value.transcript);
    case "gallery":
      return block.value.images.map((item) => item.caption).join("\n");
    case "image_comparison":
      return `${block.value.before_label} / ${block.value.after_label}`;
    case "help_box":
      return plainText(block.value.text);
    case "related_stories":
      return block.value.heading;
    case "document":
      return `${block.value.title} ${block.value.url ?? ""}`;
    default: {
      const unknown: never = block; // a new block type is a compile error here
      return unknown;
    }
  }
}

// Rich text without an HTML parser: paragraphs, headings, lists, links.
export function plainText(text: RichText): string {
  return text.content.map(nodeText).join("\n");
}

function nodeText(node: RichTextNode): string {
  switch (node.type) {
    case "paragraph":
    case "heading":
      return node.children.map(inlineText).join("");
    case "list":
      return node.items.map((item) => "- " + item.map(nodeText).join(" ")).join("\n");
  }
}

function inlineText(inline: Inline): string {
  switch (inline.type) {
    case "text":
      return inline.text;
    case "link":
      return `${inline.children.map(inlineText).join("")} <${inline.href}>`;
    case "line_break":
      return "\n";
  }
}

// The smallest image that fills `width` CSS pixels, WebP first.
export function pickRendition(image: Schemas["Image"], width: number): string {
  const fitting = image.renditions
    .filter((r) => r.format === "webp" && r.width >= width)
    .sort((a, b) => a.width - b.width);
  return (fitting[0] ?? image.renditions[image.renditions.length - 1]).url;
}
