// Where a sheet may be mounted: a real node (made by this page or a same-origin frame), in
// this page's document, rendered and not inert. Anywhere else a modal dialog would be missing, invisible or
// untouchable while it makes the rest of the page inert.

/** Why a sheet cannot be shown somewhere, worded to follow "it is". */
export type MountProblem = 'not in the document' | "in a frame's document" | 'hidden' | 'inert';

// Brand checks through the platform's own getter work across realms: a node made by a
// same-origin frame passes, an object that only looks like a node throws. Read on first use, not
// at module load: a server render imports this module where there is no `Node`.
let nodeTypeOf: (() => unknown) | undefined;
const nodeType = (value: unknown): number | undefined => {
  try {
    nodeTypeOf ??= Object.getOwnPropertyDescriptor(Node.prototype, 'nodeType')!.get!;
    return nodeTypeOf.call(value) as number;
  } catch {
    return undefined;
  }
};

/** An Element or a ShadowRoot, whichever realm (same-origin frame) made it. */
export function isContainer(value: unknown): value is Element | ShadowRoot {
  const type = nodeType(value);
  return type === Node.ELEMENT_NODE || (type === Node.DOCUMENT_FRAGMENT_NODE && Object.prototype.toString.call(value) === '[object ShadowRoot]');
}

/** An AbortSignal from any realm (instanceof fails across frames). */
export const isAbortSignal = (value: unknown): value is AbortSignal =>
  Object.prototype.toString.call(value) === '[object AbortSignal]' &&
  typeof (value as AbortSignal).addEventListener === 'function' &&
  typeof (value as AbortSignal).aborted === 'boolean';

// nodeType, not `'host' in`: <a> and <area> elements have a `host` too.
const hostOf = (node: Element | ShadowRoot): Element => (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? (node as ShadowRoot).host : (node as Element));
/** The element around `el` in the flat tree: its parent, or its shadow root's host. */
const up = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as Partial<ShadowRoot>).host ?? null);

/** The element a node is laid out as: itself, a shadow root's host, or past `display: contents`. */
function boxOf(node: Element | ShadowRoot): Element | null {
  let el: Element | null = hostOf(node);
  while (el && el.ownerDocument.defaultView!.getComputedStyle(el).display === 'contents') el = up(el);
  return el;
}

/** Why a sheet cannot be shown at `node`, or undefined when it can. */
export function mountProblem(node: Element | ShadowRoot): MountProblem | undefined {
  if (!node.isConnected) return 'not in the document';
  // Another document (a frame's) cannot adopt this document's constructed stylesheets.
  if (node.ownerDocument !== document) return "in a frame's document";
  const box = boxOf(node);
  // checkVisibility: false under display: none (hidden) and content-visibility: hidden.
  if (box && !box.checkVisibility()) return 'hidden';
  for (let el: Element | null = hostOf(node); el; el = up(el)) if (el.hasAttribute('inert')) return 'inert';
  return undefined;
}
