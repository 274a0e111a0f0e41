// Tiny DOM builder: elements with text children only (never HTML strings, so user text is inert).
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string | boolean>> & { class?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') node.className = String(v);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

/** Sets a text only when it differs: an equal write still replaces the text node and relays out. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * Runs `task` in a task of its own after the frame now being prepared is on screen: from the next
 * frame on (a task queued in this frame's rAF may run before the frame is presented). Start-up
 * work that must not delay the first table (the grid's build, the formula engine's) goes here.
 */
export function afterThisFrame(task: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(task)));
}
