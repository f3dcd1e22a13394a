/** Building the output tree: domhandler nodes, written out by dom-serializer (box-serializer.ts). */
import { Element, Text, type ChildNode } from 'domhandler';

export type OutputNode = ChildNode;

export function element(name: string, attributes: Readonly<Record<string, string>> = {}, children: readonly OutputNode[] = []): Element {
  return new Element(name, { ...attributes }, [...children]);
}

/** Text as the viewer reads it; the serialiser escapes it. NULs go: browsers drop them anyway. */
export function text(data: string): Text {
  return new Text(data.includes('\0') ? data.replaceAll('\0', '') : data);
}
