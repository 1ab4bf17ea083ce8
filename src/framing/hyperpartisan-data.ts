/**
 * Reader for SemEval-2019 task 4 (hyperpartisan news, by-article): the articles XML and the
 * ground-truth XML. Training and `parallax eval hyperpartisan` only; never read at run time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ParallaxError } from '../errors.ts';

export interface HyperpartisanArticle {
  id: string;
  title: string;
  /** Body text, paragraphs joined by "\n\n" (the layout of `Article.text`). */
  text: string;
  /** 1 hyperpartisan, 0 not. */
  hyperpartisan: number;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Body markup to text: each <p> a paragraph, other tags dropped, whitespace tidied. */
function bodyText(xml: string): string {
  return xml
    .split(/<\/p>|<p>/)
    .map((part) =>
      decodeEntities(part.replace(/<[^>]+>/g, ''))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((part) => part !== '')
    .join('\n\n');
}

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ParallaxError('DATA_MISSING', 'cannot read a hyperpartisan data file', file, { cause });
  }
}

/** Reads the labelled articles from a folder holding `articles-*.xml` and `ground-truth-*.xml`. */
export function readHyperpartisan(dir: string): HyperpartisanArticle[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (cause) {
    throw new ParallaxError('DATA_MISSING', 'cannot list the hyperpartisan folder', dir, { cause });
  }
  const articlesFile = names.find((n) => n.startsWith('articles-') && n.endsWith('.xml'));
  const truthFile = names.find((n) => n.startsWith('ground-truth-') && n.endsWith('.xml'));
  if (!articlesFile || !truthFile)
    throw new ParallaxError('DATA_MISSING', 'expected articles-*.xml and ground-truth-*.xml', dir);
  const labels = new Map<string, number>();
  for (const match of readFile(join(dir, truthFile)).matchAll(/<article\b([^>]*)\/?>/g)) {
    const id = /\bid="([^"]*)"/.exec(match[1])?.[1];
    const label = /\bhyperpartisan="(true|false)"/.exec(match[1])?.[1];
    if (id && label) labels.set(id, label === 'true' ? 1 : 0);
  }
  const articles: HyperpartisanArticle[] = [];
  for (const match of readFile(join(dir, articlesFile)).matchAll(
    /<article\b([^>]*)>([\s\S]*?)<\/article>/g,
  )) {
    const id = /\bid="([^"]*)"/.exec(match[1])?.[1];
    const label = id === undefined ? undefined : labels.get(id);
    if (id === undefined || label === undefined) continue;
    const title = decodeEntities(/\btitle="([^"]*)"/.exec(match[1])?.[1] ?? '');
    articles.push({ id, title, text: bodyText(match[2]), hyperpartisan: label });
  }
  return articles;
}
