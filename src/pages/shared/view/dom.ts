/** A tiny element builder: the page has a handful of screens, not enough for a framework. Text
 * is only ever added as text nodes, never parsed as HTML. */
type Child = Node | string | null | false;
type Props = Record<string, string | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const name of Object.keys(props)) {
    const value = props[name];
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(...children.filter((child): child is Node | string => child !== null && child !== false));
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** An icon from the sprite in join.html; decorative, so the button around it carries the label. */
export function icon(name: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const use = document.createElementNS(SVG, 'use');
  use.setAttribute('href', `#i-${name}`);
  svg.append(use);
  return svg;
}

/** Shows a screen and moves focus to its heading, so keyboard and screen-reader users start at
 * the top of what changed. */
export function showScreen(root: HTMLElement, screen: HTMLElement, focusHeading = true): void {
  root.replaceChildren(screen);
  if (focusHeading) screen.querySelector<HTMLElement>('h1')?.focus();
}

/** Says something through the page's polite live region. Clearing first makes a repeat of the
 * same words be read again. */
export function announce(region: HTMLElement, words: string): void {
  region.textContent = '';
  setTimeout(() => (region.textContent = words), 50);
}

/** Adds a stylesheet of the service's own (the CSP's style-src 'self'); remove the element to
 * take it away again. */
export function addStylesheet(href: string): HTMLLinkElement {
  const link = h('link', { rel: 'stylesheet', href });
  document.head.append(link);
  return link;
}
